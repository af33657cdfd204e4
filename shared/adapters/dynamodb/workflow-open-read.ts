import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { OPEN_SHARDS } from '../../domain/workflow/open-records.ts';
import type { OpenWorkflow } from '../../ports/workflow-store.ts';
import { stripKeys } from './workflow-layout.ts';
import { LEDGER_SK_PREFIX, ledgerPk, MARKER_SK, OPEN_INDEX, openPartition } from './workflow-open-items.ts';

export type { OpenWorkflow };

/**
 * One kind's open records, opened trace and closed counts — `WorkflowStore.openRecords` of the
 * DynamoDB adapter, for the hourly escalation and the not-one-missed reconciliation: the sparse
 * `open` index (records and OPEN markers of open work only) and the closed ledger, a read whose cost
 * follows the open work, not every case ever closed (workflow-open-items.ts).
 */
export const readOpenKind = async <R>(
  client: DynamoDBDocumentClient,
  table: string,
  prefix: string,
): Promise<OpenWorkflow<R>> => {
  const [shards, ledger] = await Promise.all([
    Promise.all(
      Array.from({ length: OPEN_SHARDS }, (_, shard) =>
        queryAll(client, {
          TableName: table,
          IndexName: OPEN_INDEX,
          KeyConditionExpression: 'openpk = :p',
          ExpressionAttributeValues: { ':p': openPartition(prefix, shard) },
        }),
      ),
    ),
    queryAll(client, {
      TableName: table,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :shard)',
      ExpressionAttributeValues: { ':p': ledgerPk(prefix), ':shard': LEDGER_SK_PREFIX },
      ConsistentRead: true,
    }),
  ]);
  const open: OpenWorkflow<R> = { records: [], opened: [], closedByState: {} };
  for (const item of shards.flat()) {
    if (item.sk === MARKER_SK) open.opened.push(String(item.id));
    else open.records.push(stripKeys<R>(item));
  }
  for (const item of ledger) {
    for (const [state, count] of Object.entries(item)) {
      if (state === 'pk' || state === 'sk' || typeof count !== 'number') continue;
      open.closedByState[state] = (open.closedByState[state] ?? 0) + count;
    }
  }
  return open;
};

const queryAll = async (
  client: DynamoDBDocumentClient,
  input: QueryCommand['input'],
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await client.send(
      new QueryCommand({ ...input, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
};
