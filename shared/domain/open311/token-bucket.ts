/**
 * The rate limit of one API key as a token bucket: it holds at most `burst` tokens, refills at
 * `ratePerMinute`, and every request takes one. Pure: the state and the time are given, and the
 * caller stores the next state (on condition it read the previous one).
 */
export interface RateLimit {
  ratePerMinute: number;
  burst: number;
}

export interface BucketState {
  tokens: number;
  /** Epoch milliseconds of the state. */
  at: number;
}

export type BucketDecision =
  | { allowed: true; next: BucketState }
  | { allowed: false; retryAfterSeconds: number };

/** Tokens are kept to a micro-token: fractions accumulate, doubles never grow long digits. */
const round = (tokens: number) => Math.round(tokens * 1e6) / 1e6;

export const takeToken = (state: BucketState | undefined, limit: RateLimit, now: number): BucketDecision => {
  const perMs = limit.ratePerMinute / 60_000;
  // Another instance's clock may run a little ahead: time never runs backwards for the bucket.
  const elapsed = state === undefined ? 0 : Math.max(0, now - state.at);
  const tokens = state === undefined ? limit.burst : Math.min(limit.burst, state.tokens + elapsed * perMs);
  if (tokens >= 1)
    return { allowed: true, next: { tokens: round(tokens - 1), at: Math.max(now, state?.at ?? now) } };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
};
