import pRetry from 'p-retry';

/**
 * How the ingest tries a write again (p-retry: exponential backoff, randomised ×1–2 so racing
 * writers spread out). Whether an outcome is worth another try is the domain's answer
 * (ApplyOutcome); when and how often is decided here.
 */

/** Thrown by an attempt whose write should be tried again (a condition moved, an item was busy). */
export class TryAgain extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TryAgain';
  }
}

/** Attempts per chunk before the failure is handed to the queue (it redelivers the message). */
export const MAX_CHUNK_ATTEMPTS = 12;
/** Tries of a merged transaction that found its items busy before its messages go one by one. */
export const MAX_MERGED_TRIES = 4;
const CHUNK_BACKOFF_MS = 20;
const MERGED_BACKOFF_MS = 15;
const MAX_BACKOFF_MS = 1000;

interface Policy {
  /** The first delay, ms; 0 does not wait at all (tests). */
  backoffMs: number;
  /** Attempts in all, the first included. */
  attempts: number;
  /** Told before each new attempt. */
  onRetry?: () => void;
}

/**
 * Runs `attempt` until it returns, up to `attempts` times while it throws TryAgain (any other error
 * ends it at once); the last TryAgain is thrown when they are used up.
 */
export const retrying = <T>(attempt: (attemptNumber: number) => Promise<T>, policy: Policy): Promise<T> =>
  pRetry(attempt, {
    retries: policy.attempts - 1,
    factor: 2,
    minTimeout: policy.backoffMs,
    maxTimeout: policy.backoffMs === 0 ? 0 : MAX_BACKOFF_MS,
    randomize: policy.backoffMs > 0,
    shouldRetry: ({ error }) => error instanceof TryAgain,
    onFailedAttempt: ({ error, retriesLeft }) => {
      if (error instanceof TryAgain && retriesLeft > 0) policy.onRetry?.();
    },
  });

/**
 * A message's chunk after its first try failed: re-read and re-planned at once (a redelivery is
 * then known as a duplicate without waiting), then with backoff from 20 ms to 1 s.
 */
export const chunkPolicy = (backoffMs = CHUNK_BACKOFF_MS, onRetry?: () => void): Policy => ({
  backoffMs,
  attempts: MAX_CHUNK_ATTEMPTS - 1,
  ...(onRetry ? { onRetry } : {}),
});

/** A merged transaction whose items were busy: sent again as it is, from 15 ms. */
export const mergedPolicy = (backoffMs = MERGED_BACKOFF_MS): Policy => ({
  backoffMs,
  attempts: MAX_MERGED_TRIES,
});
