import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { MAX_BATCH_LOG } from '../../../domain/carbon/ingest/ingest-plan.ts';
import { FEED_MONTH } from '../../../domain/carbon/rollups/feed-days.ts';
import type { RecalculationRecord, UnitResult } from '../../../domain/carbon/rollups/recalculation-model.ts';
import type { StoredMeterHour } from '../../../domain/carbon/rollups/recompute-hour.ts';
import { type RollupKey, rollupKeysFor } from '../../../domain/carbon/rollups/rollup-model.ts';
import type { HourCorrection, RecalculationStore } from '../../../ports/recalculation-store.ts';
import { isConditionFailed } from '../conditional-write.ts';
import { feedOverflows } from './batch-log-reader.ts';
import {
  batchLogOverflowPk,
  feedMonthPk,
  RECALC_SK,
  RECALCS_GSI1PK,
  recalcPk,
  rollupItemKey,
  rollupPk,
  UNIT_SK_PREFIX,
  unitSk,
} from './carbon-keys.ts';

const KEYS = new Set(['pk', 'sk', 'kind', 'gsi1pk', 'gsi1sk']);
const strip = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEYS.has(name))) as T;

type Entry = StoredMeterHour['entries'][number];

export class DynamoRecalculationStore implements RecalculationStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async create(record: RecalculationRecord): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          pk: recalcPk(record.id),
          sk: RECALC_SK,
          kind: 'recalculation',
          gsi1pk: RECALCS_GSI1PK,
          gsi1sk: `${record.createdAt}#${record.id}`,
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(id: string): Promise<RecalculationRecord | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: { pk: recalcPk(id), sk: RECALC_SK } }),
    );
    return Item ? strip<RecalculationRecord>(Item) : undefined;
  }

  async listRecent(limit: number): Promise<RecalculationRecord[]> {
    const { Items } = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': RECALCS_GSI1PK },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => strip<RecalculationRecord>(item));
  }

  async claim(id: string, now: string, leaseUntil: string): Promise<RecalculationRecord | undefined> {
    try {
      const { Attributes } = await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: recalcPk(id), sk: RECALC_SK },
          UpdateExpression: 'SET leaseUntil = :until',
          ConditionExpression:
            'attribute_exists(pk) AND #status IN (:queued, :running) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':until': leaseUntil,
            ':now': now,
            ':queued': 'queued',
            ':running': 'running',
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? strip<RecalculationRecord>(Attributes) : undefined;
    } catch (error) {
      if (isConditionFailed(error)) return undefined;
      throw error;
    }
  }

  async update(id: string, fields: Partial<RecalculationRecord>): Promise<void> {
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
    if (entries.length === 0) return;
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: { pk: recalcPk(id), sk: RECALC_SK },
        UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:f${i}`, value])),
      }),
    );
  }

  async readMeterDay(meterId: string, day: string) {
    const hours = await this.#readHours(meterId, day);
    // A feed month is recalculated with its month's first day (docs/imports.md, "Recalculation").
    if (!day.endsWith('-01')) return hours;
    const { Item } = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: feedMonthPk('meter', meterId), sk: day.slice(0, 7) },
      }),
    );
    if (Item === undefined) return hours;
    const hour = `${day}T00`;
    const own = Array.isArray(Item.batchLog) ? (Item.batchLog as Entry[]) : [];
    // A slot's later changes keep their entries on items of their own (month-plan.ts).
    const entries = feedOverflows(Item) ? [...own, ...(await this.#overflow(meterId, day.slice(0, 7)))] : own;
    return [
      ...hours,
      {
        hour,
        item: Item,
        entries: entries.map((entry) => ({ ...entry, hour })),
        lv: typeof Item.lv === 'number' ? Item.lv : 0,
        feedMonth: day.slice(0, 7),
      },
    ];
  }

  async #readHours(meterId: string, day: string) {
    const items = await this.#queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
      ExpressionAttributeValues: {
        ':pk': rollupPk('meter', meterId, 'hour'),
        ':a': `${day}T00`,
        ':b': `${day}T23`,
      },
    });
    return Promise.all(
      items.map(async (item) => {
        const hour = String(item.sk);
        const own = Array.isArray(item.batchLog) ? (item.batchLog as Entry[]) : [];
        const full = typeof item.logSize === 'number' && item.logSize >= MAX_BATCH_LOG;
        const overflow = full ? await this.#overflow(meterId, hour) : [];
        return {
          hour,
          item,
          entries: [...own, ...overflow].map((entry) => ({ ...entry, hour })),
          lv: typeof item.lv === 'number' ? item.lv : 0,
        };
      }),
    );
  }

  async #overflow(meterId: string, hour: string): Promise<Entry[]> {
    const items = await this.#queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :hour)',
      ExpressionAttributeValues: { ':pk': batchLogOverflowPk(meterId), ':hour': `${hour}#` },
    });
    return items as unknown as Entry[];
  }

  async #queryAll(input: {
    KeyConditionExpression: string;
    ExpressionAttributeValues: Record<string, unknown>;
  }) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          ...input,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /**
   * One transaction: the difference ADDed to the meter-hour item and the 11 items above it, the
   * recalculation's marker and log line on the meter-hour item. A feed month's difference goes to
   * the month and feed month items of its levels instead, marker and log line on the account
   * meter's feed month item. Conditioned on the item's `lv`
   * (nothing wrote it since it was read) and on the marker being absent (not applied before).
   */
  async applyCorrection(c: HourCorrection): Promise<'applied' | 'changed'> {
    const periods = { hour: c.hour, day: c.hour.slice(0, 10), month: c.hour.slice(0, 7) };
    const meterHour = rollupPk('meter', c.meter.id, 'hour');
    const keys =
      c.feedMonth === undefined ? rollupKeysFor(c.meter, periods) : feedMonthKeys(c.meter, c.feedMonth);
    const marked = c.feedMonth === undefined ? meterHour : feedMonthPk('meter', c.meter.id);
    const items = keys.map(rollupItemKey).map((Key) => ({
      Update: { TableName: this.#table, Key, ...correctionUpdate(c, Key.pk === marked) },
    }));
    try {
      await this.#client.send(new TransactWriteCommand({ TransactItems: items }));
      return 'applied';
    } catch (error) {
      // A condition failed (the item moved, or this correction is in) or a writer was busy: re-read.
      if (error instanceof TransactionCanceledException) return 'changed';
      throw error;
    }
  }

  async putUnit(recalcId: string, unit: UnitResult): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          pk: recalcPk(recalcId),
          sk: unitSk(unit.meterId, unit.day),
          kind: 'recalculationUnit',
          ...unit,
        },
      }),
    );
  }

  async listUnits(recalcId: string): Promise<UnitResult[]> {
    const items = await this.#queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :unit)',
      ExpressionAttributeValues: { ':pk': recalcPk(recalcId), ':unit': UNIT_SK_PREFIX },
    });
    return items.map((item) => strip<UnitResult>(item));
  }
}

/** A feed month's items: the month and feed month items of each level it was booked on. */
const feedMonthKeys = (meter: HourCorrection['meter'], month: string): RollupKey[] =>
  rollupKeysFor(meter, { hour: '', day: '', month })
    .filter((key) => key.granularity === 'month')
    .flatMap((key) => [key, { ...key, granularity: FEED_MONTH, period: month }]);

/** The update of one item of a correction; the meter-hour item also takes the marker and log line. */
const correctionUpdate = (c: HourCorrection, meterHour: boolean) => {
  const names = Object.keys(c.difference);
  const adds = names.map((_, i) => `#f${i} :f${i}`);
  if (c.factorRefs.length > 0) adds.push('factorRefs :refs');
  const values: Record<string, unknown> = {
    ...Object.fromEntries(names.map((name, i) => [`:f${i}`, c.difference[name]])),
    ...(c.factorRefs.length > 0 ? { ':refs': new Set(c.factorRefs) } : {}),
  };
  const update = {
    ...(names.length > 0
      ? { ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#f${i}`, n])) }
      : {}),
  };
  if (!meterHour)
    return { ...update, UpdateExpression: `ADD ${adds.join(', ')}`, ExpressionAttributeValues: values };
  Object.assign(values, {
    ':one': 1,
    ':ids': new Set([c.recalcId]),
    ':id': c.recalcId,
    ':empty': [],
    ':log': [c.log],
  });
  if (c.expectedLv !== 0) values[':lv'] = c.expectedLv;
  return {
    ...update,
    UpdateExpression: `ADD ${[...adds, 'lv :one', 'recalcs :ids'].join(', ')} SET recalcLog = list_append(if_not_exists(recalcLog, :empty), :log)`,
    ExpressionAttributeValues: values,
    ConditionExpression: `attribute_exists(pk) AND ${c.expectedLv === 0 ? 'attribute_not_exists(lv)' : 'lv = :lv'} AND (attribute_not_exists(recalcs) OR NOT contains(recalcs, :id))`,
  };
};
