import pRetry from 'p-retry';
import type { Retry } from '../ports/retry.ts';

/**
 * The Retry port on p-retry: 10 ms doubling to at most 1 s, each pause × a random 1–2 (writers that
 * collided do not collide again in step).
 */
export const retryWithBackoff: Retry = (attempt, { attempts, retryable }) =>
  pRetry(attempt, {
    retries: attempts - 1,
    minTimeout: 10,
    factor: 2,
    maxTimeout: 1000,
    randomize: true,
    shouldRetry: ({ error }) => retryable(error),
  });
