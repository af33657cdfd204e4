import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { QuarantineRecord, ReadingBatch } from '../../domain/telemetry/reading-batch.ts';
import type { TelemetryStore } from '../../ports/telemetry-store.ts';

const DAY_SECONDS = 86_400;

/**
 * Telemetry table layout:
 *   batch       pk METER#{meterId}            sk MSG#{messageId}          (dedup by condition on the key)
 *   quarantine  pk QUARANTINE#{yyyy-mm-dd}    sk {receivedAt}#{id}        (list a day, newest last)
 * Both carry `expiresAt` (epoch seconds) so retention is explicit.
 */
export class DynamoTelemetryStore implements TelemetryStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #retentionDays: number;

  constructor(client: DynamoDBDocumentClient, table: string, retentionDays: number) {
    this.#client = client;
    this.#table = table;
    this.#retentionDays = retentionDays;
  }

  async saveBatch(batch: ReadingBatch): Promise<'stored' | 'duplicate'> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            pk: `METER#${batch.meterId}`,
            sk: `MSG#${batch.messageId}`,
            kind: 'batch',
            ...batch,
            expiresAt: this.#expiry(batch.receivedAt),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'stored';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'duplicate';
      throw error;
    }
  }

  async quarantine(record: QuarantineRecord): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          pk: `QUARANTINE#${record.receivedAt.slice(0, 10)}`,
          sk: `${record.receivedAt}#${record.id}`,
          kind: 'quarantine',
          ...record,
          // Stored as text: the original may hold anything, including shapes DynamoDB cannot marshal.
          original: JSON.stringify(record.original) ?? 'undefined',
          expiresAt: this.#expiry(record.receivedAt),
        },
      }),
    );
  }

  #expiry(iso: string): number {
    return Math.floor(Date.parse(iso) / 1000) + this.#retentionDays * DAY_SECONDS;
  }
}
