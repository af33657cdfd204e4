import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import pRetry from 'p-retry';

const MAX_ITEMS_PER_REQUEST = 25;

type Item = Record<string, unknown>;

/** Thrown by a round that left items unprocessed: the only failure retried here (the SDK retries the rest). */
class UnprocessedItemsError extends Error {
  constructor(count: number) {
    super(`BatchWrite left ${count} items unprocessed`);
  }
}

/**
 * Puts many items into one table: chunks of 25 (BatchWriteItem's limit), the unprocessed ones written
 * again until none is left (p-retry: 20 ms doubling, at most 1 s apart), as batch-get.ts reads.
 */
export const batchPutAll = async (
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly Item[],
): Promise<void> => {
  for (let offset = 0; offset < items.length; offset += MAX_ITEMS_PER_REQUEST) {
    let pending: Item[] = items.slice(offset, offset + MAX_ITEMS_PER_REQUEST).map((Item) => ({
      PutRequest: { Item },
    }));
    const round = async (): Promise<void> => {
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (result.UnprocessedItems?.[table] ?? []) as Item[];
      if (pending.length > 0) throw new UnprocessedItemsError(pending.length);
    };
    await pRetry(round, {
      retries: Number.POSITIVE_INFINITY,
      minTimeout: 20,
      maxTimeout: 1000,
      factor: 2,
      shouldRetry: ({ error }) => error instanceof UnprocessedItemsError,
    });
  }
};
