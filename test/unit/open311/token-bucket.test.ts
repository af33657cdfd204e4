import { describe, expect, it } from 'vitest';
import { arrivalStep, takeArrival } from '../../../shared/domain/open311/token-bucket.ts';

const LIMIT = { ratePerMinute: 60, burst: 3 };

/** Requests at the given times; the outcome of each, as a token bucket would decide. */
const run = (times: number[], limit = LIMIT) => {
  let tat: number | undefined;
  return times.map((now) => {
    const decision = takeArrival(tat, arrivalStep(limit, now));
    if (decision.allowed) tat = decision.tat;
    return decision.allowed;
  });
};

describe('the rate limit of an API key (token bucket, GCRA form)', () => {
  it('lets a burst through at once, then one request per refilled token', () => {
    // 60 a minute is one a second: after the burst of 3, one more each second, and only one.
    expect(run([1000, 1000, 1000, 1000, 2000, 2000, 3500, 3500])).toEqual([
      true,
      true,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it('never holds more than the burst, however long the key was idle', () => {
    expect(run([0, 86_400_000, 86_400_000, 86_400_000, 86_400_000])).toEqual([true, true, true, true, false]);
  });

  it('says how long until the next token, at least a second', () => {
    const slow = { ratePerMinute: 6, burst: 1 };
    const first = takeArrival(undefined, arrivalStep(slow, 0));
    expect(first).toEqual({ allowed: true, tat: 10_000 });
    expect(takeArrival(10_000, arrivalStep(slow, 0))).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(takeArrival(3_100, arrivalStep(LIMIT, 0))).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(takeArrival(2_001, arrivalStep(LIMIT, 0))).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
