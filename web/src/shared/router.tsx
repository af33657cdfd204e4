import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

/**
 * A small history router: paths are bookmarkable URLs under the shell's base (`/app/`), matched
 * against patterns like `cases/:id`. Enough for two shells; no dependency.
 */
interface RouterState {
  path: string;
  search: URLSearchParams;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterState | undefined>(undefined);

export const RouterProvider = ({ base, children }: { base: string; children: ReactNode }) => {
  const read = () => ({
    path: window.location.pathname.startsWith(base) ? window.location.pathname.slice(base.length) : '',
    search: new URLSearchParams(window.location.search),
  });
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const onPop = () => setLocation(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  });
  const navigate = (to: string, options: { replace?: boolean } = {}) => {
    const target = to.startsWith('/') ? to : `${base}${to}`;
    if (options.replace === true) window.history.replaceState(null, '', target);
    else window.history.pushState(null, '', target);
    setLocation(read());
    window.scrollTo(0, 0);
  };
  return <RouterContext.Provider value={{ ...location, navigate }}>{children}</RouterContext.Provider>;
};

export const useRouter = (): RouterState => {
  const router = useContext(RouterContext);
  if (router === undefined) throw new Error('useRouter outside RouterProvider');
  return router;
};

/** `cases/:id` against `cases/C-1` → `{ id: 'C-1' }`; undefined when it does not match. */
export const matchPath = (pattern: string, path: string): Record<string, string> | undefined => {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = have[i] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
};
