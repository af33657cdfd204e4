import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import pRetry from 'p-retry';

/**
 * Two transactions writing the same item at the same moment: DynamoDB cancels one with
 * `TransactionConflict` (not a failed condition), where a plain conditional put would have waited its
 * turn. Such a write is tried again, and then meets the condition — or fails it — like any other.
 * Backoff by p-retry: 20 ms, 40 ms, 80 ms, each × a random 1–2 so that the two writers part.
 */
export const retryOnTransactionConflict = async <T>(write: () => Promise<T>, attempts = 4): Promise<T> =>
  pRetry(write, {
    retries: attempts - 1,
    minTimeout: 20,
    factor: 2,
    randomize: true,
    shouldRetry: ({ error }) => isTransactionConflict(error),
  });

const isTransactionConflict = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict') &&
  !(error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');
