import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { quarantinedAtOf, uniquePartOf } from '../../../domain/carbon/ingest/quarantine-id.ts';
import type { QuarantineRecord } from '../../../domain/carbon/ingest/reading-batch.ts';
import type { ReplayMark, StoredQuarantine, TelemetryStore } from '../../../ports/telemetry-store.ts';
import { failedConditionIndex, isConditionFailed } from '../conditional-write.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';

const DAY_SECONDS = 86_400;
const DEFAULT_PAGE = 50;

/**
 * Telemetry table layout:
 *   quarantine  pk QUARANTINE#{yyyy-mm-dd UTC}  sk {receivedAt}#{id}   (list a day, oldest first)
 *               + receipts (deliveries counted), lastDelivery, lastReceivedAt
 *   its key     pk QUARANTINEKEY#{digest}  sk KEY  → entryPk, entrySk, id
 *               (one per message or refused reading: the id's digest, quarantine-records.ts)
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

  /**
   * Keeps the entry once per key: the first receipt puts it with its key item (one transaction,
   * the key conditioned on being absent); a later one adds a receipt to the entry the key names,
   * unless it is the same delivery again (a queue redelivery or the ingest's own retry).
   */
  async quarantine(record: QuarantineRecord): Promise<void> {
    const entryKey = keyOf(record.receivedAt, record.id);
    const expiresAt = this.#expiry(record.receivedAt);
    const { delivery, ...fields } = record;
    try {
      await this.#client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.#table,
                Item: {
                  ...markerKeyOf(record.id),
                  kind: 'quarantineKey',
                  entryPk: entryKey.pk,
                  entrySk: entryKey.sk,
                  id: record.id,
                  expiresAt,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.#table,
                Item: {
                  ...entryKey,
                  kind: 'quarantine',
                  ...fields,
                  // Stored as text: the original may hold anything, even numbers DynamoDB cannot store.
                  original: JSON.stringify(record.original) ?? 'undefined',
                  receipts: 1,
                  lastDelivery: delivery,
                  expiresAt,
                },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (failedConditionIndex(error) < 0) throw error;
      await this.#countReceipt(record);
    }
  }

  async #countReceipt(record: QuarantineRecord): Promise<void> {
    const marker = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: markerKeyOf(record.id), ConsistentRead: true }),
    );
    const entryPk = marker.Item?.entryPk;
    const entrySk = marker.Item?.entrySk;
    if (typeof entryPk !== 'string' || typeof entrySk !== 'string') return;
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: entryPk, sk: entrySk },
          UpdateExpression: 'ADD receipts :one SET lastDelivery = :delivery, lastReceivedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND lastDelivery <> :delivery',
          ExpressionAttributeValues: { ':one': 1, ':delivery': record.delivery, ':at': record.receivedAt },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
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

  async markReplayed(id: string, replay: ReplayMark) {
    const at = quarantinedAtOf(id);
    if (at === undefined) return false;
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: keyOf(at, id),
          UpdateExpression: `SET replayedAt = :at, replayedBy = :by, replayOutcome = :outcome${
            replay.override ? ', replayOverride = :override' : ''
          }`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: {
            ':at': replay.at,
            ':by': replay.by,
            ':outcome': replay.outcome,
            ...(replay.override ? { ':override': replay.override } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  #expiry(iso: string): number {
    return Math.floor(Date.parse(iso) / 1000) + this.#retentionDays * DAY_SECONDS;
  }
}

/** The key item of an entry: its id's digest (the part after the instant). */
const markerKeyOf = (id: string) => ({ pk: `QUARANTINEKEY#${uniquePartOf(id)}`, sk: 'KEY' });

const keyOf = (receivedAt: string, id: string) => ({
  pk: `QUARANTINE#${receivedAt.slice(0, 10)}`,
  sk: `${receivedAt}#${id}`,
});

const fromItem = (item: Record<string, unknown>): StoredQuarantine => {
  const {
    pk: _pk,
    sk: _sk,
    kind: _kind,
    expiresAt: _expiresAt,
    lastDelivery: _lastDelivery,
    original,
    ...rest
  } = item;
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
