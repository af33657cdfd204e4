/**
 * The rate limit of one API key: a token bucket holding at most `burst` tokens, refilled at
 * `ratePerMinute`, one token a request. It is kept in its "virtual scheduling" form (GCRA), which
 * decides exactly as the bucket does but needs one number, not two: `tat`, the theoretical arrival
 * time of the key's next request. A request at `now` is let through when
 * `max(tat, now) + interval - now <= burst × interval`, and then moves `tat` to
 * `max(tat, now) + interval`. Both cases are plain conditional updates — `tat <= now`: set it to
 * `now + interval`; `now < tat <= latest`: add `interval` — so a store applies them atomically, and
 * concurrent requests of one key never conflict, as a read-modify-write of a bucket would.
 */
export interface RateLimit {
  ratePerMinute: number;
  burst: number;
}

/** What a request at `now` may do: move `tat` by `interval` if `tat` is at most `latest`. */
export interface ArrivalStep {
  now: number;
  interval: number;
  latest: number;
}

export const arrivalStep = (limit: RateLimit, now: number): ArrivalStep => {
  const interval = 60_000 / limit.ratePerMinute;
  return { now, interval, latest: now + (limit.burst - 1) * interval };
};

export type ArrivalDecision = { allowed: true; tat: number } | { allowed: false; retryAfterSeconds: number };

/** The rule itself, on a known `tat` (absent: the key never asked). Stores apply it as conditions. */
export const takeArrival = (tat: number | undefined, step: ArrivalStep): ArrivalDecision => {
  if (tat === undefined || tat <= step.now) return { allowed: true, tat: step.now + step.interval };
  if (tat <= step.latest) return { allowed: true, tat: tat + step.interval };
  return { allowed: false, retryAfterSeconds: retryAfterSeconds(tat, step) };
};

/** Seconds until a refused request would conform, at least one. */
export const retryAfterSeconds = (tat: number, step: ArrivalStep): number =>
  Math.max(1, Math.ceil((tat - step.latest) / 1000));
