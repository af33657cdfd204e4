import { useRouter } from '../../shared/router.tsx';

/**
 * Filters live in the URL, so every view is a bookmarkable, shareable link: reading gives the
 * current values, `set` replaces some (an empty value removes it) and keeps the rest.
 */
export const useQueryState = () => {
  const { path, search, navigate } = useRouter();
  const get = (name: string): string | undefined => search.get(name) ?? undefined;
  const set = (changes: Record<string, string | undefined>, options: { push?: boolean } = {}) => {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    const query = next.toString();
    navigate(`${path}${query === '' ? '' : `?${query}`}`, { replace: options.push !== true });
  };
  return { get, set, search };
};
