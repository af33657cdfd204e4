import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const MAX_KEYS_PER_REQUEST = 100;
const MAX_ROUNDS = 8;

type Key = Record<string, unknown>;

/**
 * Gets many items of one table by key: chunks of 100 (BatchGetItem's limit) and retries of the
 * unprocessed keys with a short backoff. Items come back in no particular order; absent keys are
 * simply missing.
 */
export const batchGetAll = async (
  client: DynamoDBDocumentClient,
  table: string,
  keys: readonly Key[],
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for (let offset = 0; offset < keys.length; offset += MAX_KEYS_PER_REQUEST) {
    let pending: Key[] = keys.slice(offset, offset + MAX_KEYS_PER_REQUEST);
    for (let round = 0; pending.length > 0; round += 1) {
      if (round >= MAX_ROUNDS) throw new Error(`BatchGet left ${pending.length} keys unprocessed`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
      const result = await client.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      );
      items.push(...(result.Responses?.[table] ?? []));
      pending = (result.UnprocessedKeys?.[table]?.Keys ?? []) as Key[];
    }
  }
  return items;
};
