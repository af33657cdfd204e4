/**
 * Retries of a failed delivery: exponential backoff from one minute (1, 2, 4, 8 … minutes, at most
 * an hour apart), and after `maxAttempts` attempts the delivery is recorded `failed` with its last
 * error — never dropped, listed on the board and counted.
 */
export interface RetryPolicy {
  maxAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  firstDelayMs: 60_000,
  maxDelayMs: 3_600_000,
};

/** After the n-th failed attempt (1-based): the next try's instant, or undefined when none is left. */
export const nextAttemptAt = (
  attempts: number,
  failedAt: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Date | undefined => {
  if (attempts >= policy.maxAttempts) return undefined;
  const delay = Math.min(policy.firstDelayMs * 2 ** (attempts - 1), policy.maxDelayMs);
  return new Date(failedAt.getTime() + delay);
};
