import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
  type ScanCommandOutput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { isOpenState, OPEN_SHARDS, openShardOf } from '../../domain/workflow/open-records.ts';
import { LEDGER_SK_PREFIX, ledgerPk, MARKER_SK, openKeysOf } from './workflow-open-items.ts';

export interface OpenIndexBackfillReport {
  /** Open records given their index keys and OPEN marker. */
  indexed: number;
  /** Open records that already had them (written by the new code, or a second run). */
  alreadyIndexed: number;
  /** Open records changed while the backfill ran: their new write carries the keys already. */
  changedMeanwhile: number;
  /** Records per kind and terminal state, written as the closed ledger. */
  closed: Record<string, Record<string, number>>;
}

const PREFIXES = ['CASE', 'SUGGESTION'] as const;

/**
 * Puts the workflow records written before the sparse `open` index into it (workflow-open-items.ts):
 * every open record gets its keys and its OPEN marker, each on condition that the record is still at
 * the version read; the closed ledger is recounted from the records and written whole. Run it once
 * right after the deploy that adds the index, in a quiet hour (a record closed during the scan may be
 * missed by the recount; a second run recounts); running it again changes nothing else.
 */
export const backfillOpenIndex = async (
  client: DynamoDBDocumentClient,
  table: string,
): Promise<OpenIndexBackfillReport> => {
  const report: OpenIndexBackfillReport = { indexed: 0, alreadyIndexed: 0, changedMeanwhile: 0, closed: {} };
  const ledger = new Map<string, Record<string, number>>();
  for await (const record of workflowRecords(client, table)) {
    const prefix = String(record.pk).split('#')[0] ?? '';
    const id = String(record.id);
    const state = String(record.state);
    if (isOpenState(prefix, state)) {
      report[await indexOpen(client, table, prefix, record)]++;
      continue;
    }
    const key = `${prefix}#${openShardOf(id)}`;
    const counts = ledger.get(key) ?? {};
    counts[state] = (counts[state] ?? 0) + 1;
    ledger.set(key, counts);
    const kind = report.closed[prefix] ?? {};
    kind[state] = (kind[state] ?? 0) + 1;
    report.closed[prefix] = kind;
  }
  await writeLedger(client, table, ledger);
  return report;
};

const indexOpen = async (
  client: DynamoDBDocumentClient,
  table: string,
  prefix: string,
  record: Record<string, unknown>,
): Promise<'indexed' | 'alreadyIndexed' | 'changedMeanwhile'> => {
  if (record.openpk !== undefined) return 'alreadyIndexed';
  const id = String(record.id);
  const keys = openKeysOf(prefix, id, String(record.state));
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table,
              Key: { pk: record.pk, sk: record.sk },
              UpdateExpression: 'SET openpk = :p, opensk = :s',
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':p': keys.openpk, ':s': keys.opensk, ':v': record.version },
            },
          },
          { Put: { TableName: table, Item: { pk: record.pk, sk: MARKER_SK, kind: 'open', id, ...keys } } },
        ],
      }),
    );
    return 'indexed';
  } catch (error) {
    if (error instanceof TransactionCanceledException) return 'changedMeanwhile';
    throw error;
  }
};

/** Every shard of both kinds, zero where nothing is closed, so a recount also clears stale counts. */
const writeLedger = async (
  client: DynamoDBDocumentClient,
  table: string,
  ledger: Map<string, Record<string, number>>,
) => {
  for (const prefix of PREFIXES) {
    for (let shard = 0; shard < OPEN_SHARDS; shard++) {
      const counts = ledger.get(`${prefix}#${shard}`) ?? {};
      await client.send(
        new PutCommand({
          TableName: table,
          Item: { pk: ledgerPk(prefix), sk: `${LEDGER_SK_PREFIX}${shard}`, ...counts },
        }),
      );
    }
  }
};

async function* workflowRecords(client: DynamoDBDocumentClient, table: string) {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await client.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'sk = :record AND (begins_with(pk, :case) OR begins_with(pk, :suggestion))',
        ExpressionAttributeValues: { ':record': 'RECORD', ':case': 'CASE#', ':suggestion': 'SUGGESTION#' },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    yield* page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}
