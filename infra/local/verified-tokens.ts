import type { JWTPayload } from 'jose';

/** Enough for every user of a local stack and of a benchmark; the oldest entry goes first past it. */
const MAX_TOKENS = 10_000;

/**
 * Tokens the local authorizer has verified, with their claims, kept until they expire. The check
 * (an ES256 signature, then issuer, audience and times) was a tenth of the serving thread's samples
 * in the suggestions list's profile (docs/performance.md, "Fourth pass"), repeated for the same
 * token on every request; on AWS the HTTP API's authorizer does it, not the function. A token that passed
 * passes again until its `exp`: the key never changes while the stack runs, and the string is the
 * signature, so a token altered in any way is a new key here and is verified in full. Only
 * successes are kept, and only those that carry an expiry.
 */
export const verifiedTokens = (max = MAX_TOKENS) => {
  const claims = new Map<string, Readonly<JWTPayload>>();
  return {
    get: (token: string, nowMs: number): Readonly<JWTPayload> | undefined => {
      const payload = claims.get(token);
      if (payload === undefined) return undefined;
      // jose refuses once `exp <= floor(now in seconds)`, i.e. from exp × 1000 ms on.
      if (typeof payload.exp === 'number' && nowMs < payload.exp * 1000) return payload;
      claims.delete(token);
      return undefined;
    },
    set: (token: string, payload: JWTPayload): void => {
      if (typeof payload.exp !== 'number') return;
      if (claims.size >= max) claims.delete(claims.keys().next().value as string);
      claims.set(token, Object.freeze(payload));
    },
  };
};
