import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secret part of an API key: 32 random bytes, base64url (43 characters). Being random rather
 * than chosen by a person, it needs no slow hash (scrypt guards guessable passwords): SHA-256
 * suffices, and is cheap enough for every request.
 */
export const newApiKeySecret = (): string => randomBytes(32).toString('base64url');

export const hashApiKeySecret = (secret: string): string =>
  `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex')}`;

/** Constant-time comparison of a presented secret with the stored hash. */
export const apiKeySecretMatches = (secret: string, stored: string): boolean => {
  const expected = Buffer.from(stored, 'utf8');
  const actual = Buffer.from(hashApiKeySecret(secret), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
