/**
 * Where a notification leads inside the app. The API's link is `{base}/app/cases/{id}` (or
 * `/app/suggestions/{id}`), absolute when the deployment knows its address and relative when not;
 * the app follows its path under `/app/`, whatever host the link names, so a link made for another
 * address of the same deployment still opens here. Anything else falls back to the record itself.
 */
export const inAppPath = (
  link: string,
  subject: { kind: 'case' | 'suggestion' | 'alert'; id: string },
  origin: string,
): string => {
  let path: string | undefined;
  try {
    path = new URL(link, origin).pathname;
  } catch {
    path = undefined;
  }
  if (path?.startsWith('/app/') && path.length > '/app/'.length) return path.slice('/app/'.length);
  if (subject.kind === 'case') return `cases/${encodeURIComponent(subject.id)}`;
  if (subject.kind === 'suggestion') return `suggestions/${encodeURIComponent(subject.id)}`;
  return 'updates';
};
