/**
 * The JSON pointers (RFC 6901) under `base` at which `value` holds one of the `wanted` strings, so a
 * refusal about a value can name the field(s) the caller sent it in.
 */
export const pointersTo = (value: unknown, wanted: ReadonlySet<string>, base: string): string[] => {
  if (typeof value === 'string') return wanted.has(value) ? [base] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => pointersTo(item, wanted, `${base}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      pointersTo(item, wanted, `${base}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
    );
  }
  return [];
};
