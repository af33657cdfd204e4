import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * Two transactions writing the same item at the same moment: DynamoDB cancels one with
 * `TransactionConflict` (not a failed condition), where a plain conditional put would have waited its
 * turn. Such a write is tried again, and then meets the condition — or fails it — like any other.
 */
export const retryOnTransactionConflict = async <T>(write: () => Promise<T>, attempts = 4): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
    }
  }
};

const isTransactionConflict = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict') &&
  !(error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');
