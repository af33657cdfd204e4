import { describe, expect, it } from 'vitest';
import { takeToken } from '../../../shared/domain/open311/token-bucket.ts';

const LIMIT = { ratePerMinute: 60, burst: 3 };

describe('the token bucket of an API key', () => {
  it('lets a burst through at once, then one request per refilled token', () => {
    let state: { tokens: number; at: number } | undefined;
    const outcomes: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const decision = takeToken(state, LIMIT, 1_000);
      outcomes.push(decision.allowed);
      if (decision.allowed) state = decision.next;
    }
    expect(outcomes).toEqual([true, true, true, false]);
    // 60 a minute is one a second: after 1 s one more goes through, and only one.
    const later = takeToken(state, LIMIT, 2_000);
    expect(later.allowed).toBe(true);
    expect(takeToken(later.allowed ? later.next : state, LIMIT, 2_000).allowed).toBe(false);
  });

  it('says how long until the next token, at least a second', () => {
    const empty = { tokens: 0, at: 0 };
    expect(takeToken(empty, { ratePerMinute: 6, burst: 1 }, 0)).toEqual({
      allowed: false,
      retryAfterSeconds: 10,
    });
    expect(takeToken({ tokens: 0.99, at: 0 }, LIMIT, 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('never holds more than the burst, however long the key was idle', () => {
    const decision = takeToken({ tokens: 0, at: 0 }, LIMIT, 86_400_000);
    expect(decision).toEqual({ allowed: true, next: { tokens: 2, at: 86_400_000 } });
  });

  it('neither drains nor goes back in time when another instance’s clock ran ahead', () => {
    const decision = takeToken({ tokens: 1, at: 10_000 }, LIMIT, 9_000);
    expect(decision).toEqual({ allowed: true, next: { tokens: 0, at: 10_000 } });
  });
});
