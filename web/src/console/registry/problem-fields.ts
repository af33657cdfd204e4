/**
 * What a refusal means to a form, without the HTTP client: a stale version (the registry answers it
 * with 409 naming the version; 412 is what If-Match means to HTTP caches), and the form field a
 * problem path names (`/body/location/latitude` → `['location', 'latitude']`,
 * `/body/measuredParameters/1/unit` → `['measuredParameters', 1, 'unit']`).
 */
export const isStaleVersion = (status: number, detail: string | undefined): boolean =>
  status === 412 || (status === 409 && /已被他人更新|version/.test(detail ?? ''));

export const fieldOf = (path: string): (string | number)[] =>
  path
    .replace(/^\/body\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    // A list's entries are numbered in the form (`measuredParameters/1/validFrom` → [.., 1, ..]).
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
