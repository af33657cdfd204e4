import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { QuarantineCounter } from '../../../application/reports/carbon-report-job.ts';

/**
 * Counts quarantined messages per meter for the report's data-completeness section. Reads the
 * day partitions `QUARANTINE#{yyyy-mm-dd}` (UTC day of receipt) projecting only the meter id, so the
 * cost is one small query page per day and per thousand bad messages.
 */
export class DynamoQuarantineCounter implements QuarantineCounter {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async countByMeter(utcDays: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const day of utcDays) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page: QueryCommandOutput = await this.#client.send(
          new QueryCommand({
            TableName: this.#table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `QUARANTINE#${day}` },
            ProjectionExpression: 'meterId',
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) {
          const meterId = typeof item.meterId === 'string' ? item.meterId : '';
          counts.set(meterId, (counts.get(meterId) ?? 0) + 1);
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey !== undefined);
    }
    return counts;
  }
}
