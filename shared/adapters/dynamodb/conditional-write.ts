import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * How every adapter tells "the condition did not hold" from a real failure (the workflow, ingest and
 * import stores have their own, richer variants). A failed condition is an answer — someone else got
 * there first, the item is absent, the version moved — which the adapter maps to a result or a
 * domain error; anything else is rethrown.
 */

/**
 * A single-item write whose ConditionExpression did not hold. Matched by name too: a bundle holding
 * two copies of the SDK would fail `instanceof` with the other copy's class.
 */
export const isConditionFailed = (error: unknown): error is ConditionalCheckFailedException =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException');

/** The position of the first item of a cancelled transaction whose condition failed; -1 if none did. */
export const failedConditionIndex = (error: unknown): number =>
  error instanceof TransactionCanceledException
    ? (error.CancellationReasons ?? []).findIndex((reason) => reason.Code === 'ConditionalCheckFailed')
    : -1;

/** Awaits a conditional write; when its condition fails, answers `onFailed(error)` (which may throw). */
export const whenConditionFails = async <T, F>(
  write: Promise<T>,
  onFailed: (error: ConditionalCheckFailedException) => F,
): Promise<T | F> => {
  try {
    return await write;
  } catch (error) {
    if (isConditionFailed(error)) return onFailed(error);
    throw error;
  }
};
