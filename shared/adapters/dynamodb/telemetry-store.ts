import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { quarantinedAtOf } from '../../domain/telemetry/quarantine-id.ts';
import type { QuarantineRecord } from '../../domain/telemetry/reading-batch.ts';
import type { StoredQuarantine, TelemetryStore } from '../../ports/telemetry-store.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const DAY_SECONDS = 86_400;
const DEFAULT_PAGE = 50;

/**
 * Telemetry table layout:
 *   quarantine  pk QUARANTINE#{yyyy-mm-dd UTC}  sk {receivedAt}#{id}   (list a day, oldest first)
 * with `expiresAt` (epoch seconds) so retention is explicit. Accepted readings are not kept here:
 * each message's readings and results live in its meter-hour rollup item (ingest-plan.ts), the
 * write that also counts them, so a reading costs no extra item write.
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

  async quarantine(record: QuarantineRecord): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          ...keyOf(record.receivedAt, record.id),
          kind: 'quarantine',
          ...record,
          // Stored as text: the original may hold anything, including shapes DynamoDB cannot marshal.
          original: JSON.stringify(record.original) ?? 'undefined',
          expiresAt: this.#expiry(record.receivedAt),
        },
      }),
    );
  }

  async listQuarantine(day: string, page: { cursor?: string; limit?: number }) {
    const pk = `QUARANTINE#${day}`;
    const startKey = decodeCursor(page.cursor, { pk: { equals: pk }, sk: 'any' });
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        Limit: page.limit ?? DEFAULT_PAGE,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return { items: (result.Items ?? []).map(fromItem), ...(cursor ? { cursor } : {}) };
  }

  async getQuarantine(id: string): Promise<StoredQuarantine | undefined> {
    const at = quarantinedAtOf(id);
    if (at === undefined) return undefined;
    const result = await this.#client.send(new GetCommand({ TableName: this.#table, Key: keyOf(at, id) }));
    return result.Item ? fromItem(result.Item) : undefined;
  }

  async markReplayed(id: string, replay: { at: string; by: string; outcome: 'applied' | 'duplicate' }) {
    const at = quarantinedAtOf(id);
    if (at === undefined) return false;
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: keyOf(at, id),
          UpdateExpression: 'SET replayedAt = :at, replayedBy = :by, replayOutcome = :outcome',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': replay.at, ':by': replay.by, ':outcome': replay.outcome },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  #expiry(iso: string): number {
    return Math.floor(Date.parse(iso) / 1000) + this.#retentionDays * DAY_SECONDS;
  }
}

const keyOf = (receivedAt: string, id: string) => ({
  pk: `QUARANTINE#${receivedAt.slice(0, 10)}`,
  sk: `${receivedAt}#${id}`,
});

const fromItem = (item: Record<string, unknown>): StoredQuarantine => {
  const { pk: _pk, sk: _sk, kind: _kind, expiresAt: _expiresAt, original, ...rest } = item;
  let parsed: unknown = original;
  if (typeof original === 'string') {
    try {
      parsed = original === 'undefined' ? undefined : JSON.parse(original);
    } catch {
      parsed = original;
    }
  }
  return { ...(rest as unknown as StoredQuarantine), original: parsed };
};
