/**
 * Which push endpoints a subscription may name. The dispatcher POSTs to whatever URL a user
 * registered, so an unchecked endpoint would let anyone make our function call any host (SSRF): only
 * HTTPS endpoints of known browser push services are accepted — or, in the local runtime only,
 * HTTP on the loopback address, where tests run their own push service.
 */

/** The push services of the browsers the deputies' app supports (host or parent domain). */
export const DEFAULT_PUSH_HOSTS: readonly string[] = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  'push.services.mozilla.com',
  'notify.windows.com',
  'push.apple.com',
];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const pushEndpointProblem = (
  endpoint: string,
  options: { allowedHosts: readonly string[]; allowLoopback: boolean },
): string | undefined => {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return '不是有效的网址 (not a URL)';
  }
  if (options.allowLoopback && url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return undefined;
  if (url.protocol !== 'https:') return '推送地址必须使用 HTTPS (the endpoint must be https)';
  if (url.username !== '' || url.password !== '')
    return '推送地址不能含用户名或密码 (no credentials in the URL)';
  const host = url.hostname.toLowerCase();
  const known = options.allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
  return known
    ? undefined
    : `不支持的推送服务 ${host} (not a known push service: ${options.allowedHosts.join(', ')})`;
};

/**
 * A subscription's keys as browsers make them (RFC 8291): `p256dh` an uncompressed P-256 point (65
 * bytes, 0x04 first), `auth` a 16-byte secret, both base64url. Problems by field, none when fine.
 */
export const pushKeyProblems = (keys: {
  p256dh: string;
  auth: string;
}): { field: string; message: string }[] => {
  const problems: { field: string; message: string }[] = [];
  const point = Buffer.from(keys.p256dh, 'base64url');
  if (point.length !== 65 || point[0] !== 4) {
    problems.push({
      field: 'p256dh',
      message: '应为 65 字节的 P-256 公钥 (a 65-byte uncompressed P-256 key)',
    });
  }
  if (Buffer.from(keys.auth, 'base64url').length !== 16) {
    problems.push({ field: 'auth', message: '应为 16 字节 (16 bytes)' });
  }
  return problems;
};
