import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { TransactionPlan } from '../../domain/carbon/ingest/transaction-plan.ts';
import type { ImportRecord, RefusedRow } from '../../domain/imports/import-record.ts';
import type { ActivitySlot, SlotBooking, SlotChange } from '../../domain/imports/slot.ts';
import type { ImportStore } from '../../ports/import-store.ts';
import type { ApplyOutcome } from '../../ports/ingest-store.ts';
import { batchPutAll } from './batch-write.ts';
import { cancelledOutcome } from './carbon/cancelled-transaction.ts';
import { feedMonthPk } from './carbon/carbon-keys.ts';
import { transactItemsOf } from './carbon/ingest-store.ts';
import { whenConditionFails } from './conditional-write.ts';
import { slotBookingWrite, slotKey, slotMicro, slotPk } from './slot-items.ts';

/**
 * Imports, refused rows and activity slots in the carbon table (layout: docs/imports.md):
 *   pk `IMPORT#<id>` sk `#import` (gsi1pk `IMPORTS`, gsi1sk `<createdAt>#<id>`) — the record;
 *   pk `IMPORT#<id>` sk `ROW#<line, 7 digits>` — a refused row;
 *   pk `SLOT#<accountId>#<meterId>` sk `<period>` — the activity slot (slot-items.ts).
 */
const importPk = (id: string) => `IMPORT#${id}`;
const IMPORT_SK = '#import';
const INDEX_PK = 'IMPORTS';
const KEYS = new Set(['pk', 'sk', 'itemType', 'gsi1pk', 'gsi1sk']);
const strip = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEYS.has(name))) as T;

/** True when the write landed, false when its condition did not hold (conditional-write.ts). */
const conditional = (write: () => Promise<unknown>): Promise<boolean> =>
  whenConditionFails(
    write().then(() => true),
    () => false,
  );

export class DynamoImportStore implements ImportStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async create(record: ImportRecord): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          pk: importPk(record.id),
          sk: IMPORT_SK,
          itemType: 'import',
          gsi1pk: INDEX_PK,
          gsi1sk: `${record.createdAt}#${record.id}`,
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(id: string): Promise<ImportRecord | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: importPk(id), sk: IMPORT_SK },
        ConsistentRead: true,
      }),
    );
    return Item ? strip<ImportRecord>(Item) : undefined;
  }

  /** Newest first; of one enterprise's accounts only when named (a filter: a page may hold fewer). */
  async list(limit: number, cursor?: Record<string, unknown>, enterpriseId?: string) {
    const { Items, LastEvaluatedKey } = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': INDEX_PK, ...(enterpriseId ? { ':ent': enterpriseId } : {}) },
        ...(enterpriseId ? { FilterExpression: 'enterpriseId = :ent' } : {}),
        ScanIndexForward: false,
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: cursor } : {}),
      }),
    );
    return {
      items: (Items ?? []).map((item) => strip<ImportRecord>(item)),
      ...(LastEvaluatedKey ? { next: LastEvaluatedKey } : {}),
    };
  }

  async update(id: string, fields: Partial<ImportRecord>, whileStatus?: readonly string[]): Promise<boolean> {
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
    if (entries.length === 0) return true;
    const statuses = whileStatus ?? [];
    return conditional(() =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: importPk(id), sk: IMPORT_SK },
          UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
          ConditionExpression:
            statuses.length > 0
              ? `attribute_exists(pk) AND #status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`
              : 'attribute_exists(pk)',
          ExpressionAttributeNames: {
            ...Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
            ...(statuses.length > 0 ? { '#status': 'status' } : {}),
          },
          ExpressionAttributeValues: {
            ...Object.fromEntries(entries.map(([, value], i) => [`:f${i}`, value])),
            ...Object.fromEntries(statuses.map((s, i) => [`:s${i}`, s])),
          },
        }),
      ),
    );
  }

  async claim(id: string, now: string, until: string): Promise<ImportRecord | undefined> {
    const claimed = this.#client.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: { pk: importPk(id), sk: IMPORT_SK },
        UpdateExpression: 'SET leaseUntil = :until',
        ConditionExpression:
          'attribute_exists(pk) AND #status IN (:queued, :running, :withdrawing) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':until': until,
          ':now': now,
          ':queued': 'queued',
          ':running': 'running',
          ':withdrawing': 'withdrawing',
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const result = await whenConditionFails(claimed, () => undefined);
    return result?.Attributes ? strip<ImportRecord>(result.Attributes) : undefined;
  }

  async putRefused(id: string, rows: readonly RefusedRow[]): Promise<void> {
    await batchPutAll(
      this.#client,
      this.#table,
      rows.map((row) => ({ pk: importPk(id), sk: `ROW#${String(row.row).padStart(7, '0')}`, ...row })),
    );
  }

  async listRefused(id: string): Promise<RefusedRow[]> {
    const rows: RefusedRow[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :row)',
          ExpressionAttributeValues: { ':pk': importPk(id), ':row': 'ROW#' },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      rows.push(...(page.Items ?? []).map((item) => strip<RefusedRow>(item)));
      start = page.LastEvaluatedKey;
    } while (start);
    return rows;
  }

  async holdsMessage(meterId: string, period: string, messageId: string): Promise<boolean> {
    const { Item } = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: feedMonthPk('meter', meterId), sk: period },
        ProjectionExpression: 'msgs',
        ConsistentRead: true,
      }),
    );
    return Item?.msgs instanceof Set && (Item.msgs as Set<string>).has(messageId);
  }

  async getSlot(accountId: string, meterId: string, period: string): Promise<ActivitySlot | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: slotPk(accountId, meterId), sk: period },
        ConsistentRead: true,
      }),
    );
    return Item ? strip<ActivitySlot>(Item) : undefined;
  }

  async listSlots(accountId: string, meterId: string): Promise<ActivitySlot[]> {
    const slots: ActivitySlot[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': slotPk(accountId, meterId) },
          ProjectionExpression: 'accountId, meterId, #period, version, counted, #current, pending',
          ExpressionAttributeNames: { '#period': 'period', '#current': 'current' },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      slots.push(...(page.Items ?? []).map((item) => ({ ...strip<ActivitySlot>(item), history: [] })));
      start = page.LastEvaluatedKey;
    } while (start);
    return slots;
  }

  async bookSlots(plan: TransactionPlan, bookings: readonly SlotBooking[]): Promise<ApplyOutcome> {
    const items = [
      ...transactItemsOf(this.#table, plan),
      ...bookings.map((b) => slotBookingWrite(this.#table, b)),
    ];
    try {
      await this.#client.send(new TransactWriteCommand({ TransactItems: items }));
      return 'applied';
    } catch (error) {
      const outcome = cancelledOutcome(error);
      if (outcome === undefined) throw error;
      return outcome;
    }
  }

  async slotHistory(accountId: string, meterId: string, period: string, limit: number): Promise<number[]> {
    const { Items } = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND sk < :period',
        ExpressionAttributeValues: { ':pk': slotPk(accountId, meterId), ':period': period },
        ProjectionExpression: '#current, pending',
        ExpressionAttributeNames: { '#current': 'current' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).flatMap((item) => {
      const micro = slotMicro(item);
      return micro === undefined ? [] : [micro];
    });
  }

  async beginChange(slot: ActivitySlot, change: SlotChange): Promise<boolean> {
    const { pending: _pending, ...rest } = slot;
    return conditional(() =>
      this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            ...slotKey(slot),
            itemType: 'slot',
            ...rest,
            pending: change,
          },
          ConditionExpression:
            slot.version === 0
              ? 'attribute_not_exists(pk)'
              : 'version = :version AND attribute_not_exists(pending)',
          ...(slot.version === 0 ? {} : { ExpressionAttributeValues: { ':version': slot.version } }),
        }),
      ),
    );
  }

  async settle(slot: ActivitySlot, messageId: string): Promise<boolean> {
    return conditional(() =>
      this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: { ...slotKey(slot), itemType: 'slot', ...slot },
          ConditionExpression: 'pending.messageId = :message',
          ExpressionAttributeValues: { ':message': messageId },
        }),
      ),
    );
  }

  async putHistory(slot: ActivitySlot): Promise<boolean> {
    return conditional(() =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: slotKey(slot),
          UpdateExpression: 'SET history = :history',
          ConditionExpression: 'version = :version AND attribute_not_exists(pending)',
          ExpressionAttributeValues: { ':history': slot.history, ':version': slot.version },
        }),
      ),
    );
  }
}
