import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  ScanCommand,
  type ScanCommandOutput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../../domain/cases/case-record.ts';
import { caseListingItems } from './case-index.ts';
import { stripKeys } from './workflow-layout.ts';
import { sidePuts } from './workflow-transaction.ts';

export interface CaseRelistReport {
  /** Cases whose listing snapshots were written again from their record. */
  relisted: number;
  /** Cases changed while this ran: their own write carries the new snapshots already. */
  changedMeanwhile: number;
}

/**
 * Writes every case's listing snapshots again from its record (case-index.ts), each case in one
 * transaction on condition that the record is still at the version read. For cases written before a
 * change of the listing layout — 2026-12: `LIST#FACET`, the state/category keys of `LIST#ALL`, and
 * `LIST#GEO` moved from geohash-7 to geohash-6 cells. Until it has run, the supervisors' filtered
 * lists miss those cases and duplicate detection does not see them. Running it again rewrites the
 * same items; it retires nothing (a snapshot that no longer applies was tombstoned when it stopped).
 */
export const relistCases = async (
  client: DynamoDBDocumentClient,
  table: string,
): Promise<CaseRelistReport> => {
  const report: CaseRelistReport = { relisted: 0, changedMeanwhile: 0 };
  for await (const item of caseRecords(client, table)) {
    const record = stripKeys<CaseRecord>(item);
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: table,
                Key: { pk: item.pk, sk: item.sk },
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': record.version },
              },
            },
            ...sidePuts(table, caseListingItems(record)),
          ],
        }),
      );
      report.relisted++;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      report.changedMeanwhile++;
    }
  }
  return report;
};

async function* caseRecords(client: DynamoDBDocumentClient, table: string) {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await client.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'sk = :record AND begins_with(pk, :case)',
        ExpressionAttributeValues: { ':record': 'RECORD', ':case': 'CASE#' },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    yield* page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}
