import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import pRetry from 'p-retry';

const MAX_KEYS_PER_REQUEST = 100;
const MAX_ROUNDS = 8;

type Key = Record<string, unknown>;

/** Thrown by a round that left keys unprocessed: the only failure retried here (the SDK retries the rest). */
class UnprocessedKeysError extends Error {
  constructor(count: number) {
    super(`BatchGet left ${count} keys unprocessed`);
  }
}

/**
 * Gets many items of one table by key: chunks of 100 (BatchGetItem's limit) and retries of the
 * unprocessed keys with a short backoff (p-retry: 50 ms doubling, up to 8 rounds). Items come back in
 * no particular order; absent keys are simply missing.
 */
export const batchGetAll = async (
  client: DynamoDBDocumentClient,
  table: string,
  keys: readonly Key[],
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for (let offset = 0; offset < keys.length; offset += MAX_KEYS_PER_REQUEST) {
    let pending: Key[] = keys.slice(offset, offset + MAX_KEYS_PER_REQUEST);
    const round = async (): Promise<void> => {
      const result = await client.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      );
      items.push(...(result.Responses?.[table] ?? []));
      pending = (result.UnprocessedKeys?.[table]?.Keys ?? []) as Key[];
      if (pending.length > 0) throw new UnprocessedKeysError(pending.length);
    };
    await pRetry(round, {
      retries: MAX_ROUNDS - 1,
      minTimeout: 50,
      factor: 2,
      shouldRetry: ({ error }) => error instanceof UnprocessedKeysError,
    });
  }
  return items;
};
