import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../../domain/cases/case-record.ts';
import { batchGetAll } from './batch-get.ts';
import { casePartitionKey } from './case-index.ts';

/**
 * When each case last changed: its newest timeline step. A step's `seq` is the version it produced
 * (workflow-store.ts), so the newest is `TL#{version}` — one key per case, read in batches.
 */
export const lastStepTimes = async (
  client: DynamoDBDocumentClient,
  table: string,
  records: readonly Pick<CaseRecord, 'id' | 'version'>[],
): Promise<Map<string, string>> => {
  const keys = records.map((record) => ({
    pk: casePartitionKey(record.id),
    sk: `TL#${String(record.version).padStart(6, '0')}`,
  }));
  const items = await batchGetAll(client, table, keys);
  return new Map(items.map((item) => [String(item.pk).replace(/^CASE#/, ''), String(item.at)]));
};
