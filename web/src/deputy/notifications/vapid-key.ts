/**
 * `applicationServerKey` wants the VAPID public key's bytes (a 65-byte P-256 point); the API gives
 * it as URL-safe base64 without padding.
 */
export const base64UrlToBytes = (text: string): Uint8Array<ArrayBuffer> => {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
};
