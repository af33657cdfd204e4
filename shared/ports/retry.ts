/**
 * Runs `attempt` again after a pause (exponential backoff with jitter) while it throws an error that
 * `retryable` accepts, at most `attempts` times in all; then the last error is thrown. The domain
 * says what is worth another try; the pause, its clock and its randomness stay in the adapter.
 */
export type Retry = <T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: { attempts: number; retryable: (error: unknown) => boolean },
) => Promise<T>;
