import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ReadingMeter } from '../../domain/emissions/reading-emissions.ts';
import type { Contribution } from '../../domain/emissions/rollup-model.ts';
import { GRANULARITIES, rollupPk } from '../../domain/emissions/rollup-model.ts';
import {
  batchLogOverflowPk,
  type ChunkPlan,
  type ChunkState,
  MAX_BATCH_LOG,
  type MeterHourState,
  type MeterHourWrite,
  REGISTER_ORIGIN_SK,
} from '../../domain/telemetry/ingest-plan.ts';
import type { ReadingBatch } from '../../domain/telemetry/reading-batch.ts';
import type { IngestStore } from '../../ports/ingest-store.ts';

/**
 * DynamoDB counters of the ingest, for the benchmark (the local runtime runs handlers in process,
 * so the bench reads them directly). `itemWrites` counts the items of committed transactions (all
 * are writes: rollup updates, neighbour bumps, the register origin):
 * the figure "item writes per reading"; `writeRequests` counts TransactWriteItems calls.
 */
export interface IngestWriteMetrics {
  writeRequests: number;
  committed: number;
  cancelled: number;
  itemWrites: number;
  /** Of itemWrites: register neighbours bumped (cumulative meters). */
  neighbourBumps: number;
  readRequests: number;
}

export const ingestWriteMetrics: IngestWriteMetrics = {
  writeRequests: 0,
  committed: 0,
  cancelled: 0,
  itemWrites: 0,
  neighbourBumps: 0,
  readRequests: 0,
};

export const resetIngestWriteMetrics = (): void => {
  for (const name of Object.keys(ingestWriteMetrics) as (keyof IngestWriteMetrics)[])
    ingestWriteMetrics[name] = 0;
};

const MAX_TRANSACTION_ITEMS = 100;
/** Cancellation codes that mean "re-read and re-plan", not "the store is broken". */
const RETRYABLE = new Set(['ConditionalCheckFailed', 'TransactionConflict', 'ThrottlingError']);
const STATE_PROJECTION = 'sk, rv, regs, msgs, logSize';

interface StoredRegister {
  t: number;
  v: number;
}

/** Applies ingest chunk plans to the `carbon` table: one TransactWriteItems per chunk. */
export class DynamoIngestStore implements IngestStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async readChunkState(meterId: string, hours: readonly string[], neighbours: boolean): Promise<ChunkState> {
    const pk = rollupPk('meter', meterId, 'hour');
    const sorted = [...hours].sort();
    const first = sorted[0] ?? '';
    const last = sorted.at(-1) ?? '';
    const span = this.#queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':pk': pk, ':a': first, ':b': last },
    });
    if (!neighbours) return { hours: await span, read: true };
    // Nearest earlier and later hours that hold anything: Limit 1 on each side of the span.
    const [inside, before, after] = await Promise.all([
      span,
      this.#queryOne({
        KeyConditionExpression: 'pk = :pk AND sk < :a',
        ExpressionAttributeValues: { ':pk': pk, ':a': first },
        ScanIndexForward: false,
      }),
      this.#queryOne({
        KeyConditionExpression: 'pk = :pk AND sk > :b',
        ExpressionAttributeValues: { ':pk': pk, ':b': last },
      }),
    ]);
    return { hours: [...before, ...inside, ...after], read: true };
  }

  async applyChunk(meter: ReadingMeter, batch: ReadingBatch, plan: ChunkPlan): Promise<'applied' | 'retry'> {
    const items = this.#transactItems(meter, batch, plan);
    if (items.length > MAX_TRANSACTION_ITEMS)
      throw new Error(`chunk of ${batch.messageId} needs ${items.length} transaction items (max 100)`);
    ingestWriteMetrics.writeRequests += 1;
    try {
      await this.#client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        ingestWriteMetrics.cancelled += 1;
        const codes = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
        if (codes.some((code) => RETRYABLE.has(code))) return 'retry';
      }
      throw error;
    }
    ingestWriteMetrics.committed += 1;
    ingestWriteMetrics.itemWrites += items.length;
    ingestWriteMetrics.neighbourBumps += plan.checks.length;
    return 'applied';
  }

  #transactItems(meter: ReadingMeter, batch: ReadingBatch, plan: ChunkPlan) {
    const meterHourPk = rollupPk('meter', meter.id, 'hour');
    const meterPks = new Set(GRANULARITIES.map((gran) => rollupPk('meter', meter.id, gran)));
    const writesByHour = new Map(plan.meterHours.map((w) => [w.hour, w]));
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = plan.rollups.map((rollup) => {
      const meterHour = rollup.key.pk === meterHourPk ? writesByHour.get(rollup.key.sk) : undefined;
      writesByHour.delete(meterHour?.hour ?? '');
      return { Update: this.#update(rollup, plan, batch, meterPks.has(rollup.key.pk), meterHour) };
    });
    // A meter-hour write without a figure of its own (cannot happen today; kept total for safety).
    for (const write of writesByHour.values()) {
      items.push({
        Update: this.#update(
          { key: { pk: meterHourPk, sk: write.hour }, figures: {} },
          plan,
          batch,
          true,
          write,
        ),
      });
    }
    // Neighbours are bumped, not only checked: two messages measured against the same stored
    // reading must conflict, or both would count the same gap (a ConditionCheck lets both pass).
    for (const check of plan.checks) {
      items.push({
        Update: {
          TableName: this.#table,
          Key: { pk: meterHourPk, sk: check.hour },
          UpdateExpression: 'ADD rv :one',
          ConditionExpression: 'rv = :rv',
          ExpressionAttributeValues: { ':rv': check.version, ':one': 1 },
        },
      });
    }
    for (const write of plan.meterHours.filter((w) => w.logTo === 'overflow')) {
      items.push({
        Put: {
          TableName: this.#table,
          Item: {
            pk: batchLogOverflowPk(meter.id),
            sk: `${write.hour}#${write.logEntry.messageId}`,
            kind: 'batchLog',
            hour: write.hour,
            ...write.logEntry,
          },
        },
      });
    }
    if (plan.createsOrigin) {
      items.push({
        Put: {
          TableName: this.#table,
          Item: {
            pk: meterHourPk,
            sk: REGISTER_ORIGIN_SK,
            kind: 'registerOrigin',
            createdBy: batch.messageId,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    return items;
  }

  #update(
    rollup: Contribution,
    plan: ChunkPlan,
    batch: ReadingBatch,
    meterLevel: boolean,
    meterHour: MeterHourWrite | undefined,
  ) {
    const expression = newExpression();
    addFigures(
      expression,
      rollup,
      plan,
      meterLevel ? (meterHour?.lastReadingAt ?? plan.lastReadingAt) : undefined,
    );
    if (meterHour) addMeterHourState(expression, meterHour, batch.messageId);
    const { names, values, add, set, conditions } = expression;
    return {
      TableName: this.#table,
      Key: rollup.key,
      UpdateExpression: [
        add.length > 0 ? `ADD ${add.join(', ')}` : '',
        set.length > 0 ? `SET ${set.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' '),
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
      ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
    };
  }

  async #queryAll(input: Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues'>) {
    const states: MeterHourState[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      ingestWriteMetrics.readRequests += 1;
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          ...input,
          ProjectionExpression: STATE_PROJECTION,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      states.push(...(page.Items ?? []).map(toState));
      start = page.LastEvaluatedKey;
    } while (start);
    return states;
  }

  async #queryOne(
    input: Pick<
      QueryCommandInput,
      'KeyConditionExpression' | 'ExpressionAttributeValues' | 'ScanIndexForward'
    >,
  ) {
    ingestWriteMetrics.readRequests += 1;
    const page = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        ...input,
        ProjectionExpression: STATE_PROJECTION,
        Limit: 1,
      }),
    );
    return (page.Items ?? []).map(toState);
  }
}

interface UpdateExpressionParts {
  names: Record<string, string>;
  values: Record<string, unknown>;
  add: string[];
  set: string[];
  conditions: string[];
}

const newExpression = (): UpdateExpressionParts => ({
  names: {},
  values: {},
  add: [],
  set: [],
  conditions: [],
});

/** Every rollup item: ADD the figures and factor refs, SET the units (and the last reading time). */
const addFigures = (
  e: UpdateExpressionParts,
  rollup: Contribution,
  plan: ChunkPlan,
  lastReadingAt?: string,
) => {
  for (const [index, [name, value]] of Object.entries(rollup.figures).entries()) {
    e.names[`#f${index}`] = name;
    e.values[`:f${index}`] = value;
    e.add.push(`#f${index} :f${index}`);
  }
  for (const [index, [name, value]] of Object.entries(rollup.units ?? {}).entries()) {
    e.names[`#u${index}`] = name;
    e.values[`:u${index}`] = value;
    e.set.push(`#u${index} = :u${index}`);
  }
  if (plan.factorRefs.length > 0) {
    e.values[':refs'] = new Set(plan.factorRefs);
    e.add.push('factorRefs :refs');
  }
  if (lastReadingAt !== undefined) {
    e.values[':lastReadingAt'] = lastReadingAt;
    e.set.push('lastReadingAt = :lastReadingAt');
  }
};

/** The meter-hour item also holds the ingest state: marker, registers and their version, batch log. */
const addMeterHourState = (e: UpdateExpressionParts, write: MeterHourWrite, messageId: string) => {
  if (write.logTo === 'item') {
    e.values[':entry'] = [write.logEntry];
    e.values[':empty'] = [];
    e.values[':maxLog'] = MAX_BATCH_LOG;
    e.set.push('batchLog = list_append(if_not_exists(batchLog, :empty), :entry)');
    e.values[':one'] = 1;
    e.add.push('logSize :one');
    // A full log fails the write; the retry re-reads logSize and sends the entry to overflow.
    e.conditions.push('(attribute_not_exists(logSize) OR logSize < :maxLog)');
  }
  if (write.marksMessage) {
    e.values[':mid'] = messageId;
    e.values[':mids'] = new Set([messageId]);
    e.add.push('msgs :mids');
    e.conditions.push('(attribute_not_exists(msgs) OR NOT contains(msgs, :mid))');
  }
  if (write.registers) {
    e.values[':regs'] = write.registers.map((r): StoredRegister => ({ t: r.ts, v: r.value }));
    e.set.push('regs = :regs');
  }
  if (write.expectedVersion === undefined) return;
  e.values[':one'] = 1;
  e.add.push('rv :one');
  if (write.expectedVersion === 0) e.conditions.push('attribute_not_exists(rv)');
  else {
    e.values[':rv'] = write.expectedVersion;
    e.conditions.push('rv = :rv');
  }
};

const toState = (item: Record<string, unknown>): MeterHourState => ({
  hour: String(item.sk),
  version: typeof item.rv === 'number' ? item.rv : 0,
  registers: Array.isArray(item.regs)
    ? (item.regs as StoredRegister[]).map((r) => ({ ts: Number(r.t), value: Number(r.v) }))
    : [],
  messageIds: item.msgs instanceof Set ? [...(item.msgs as Set<string>)] : [],
  logSize: typeof item.logSize === 'number' ? item.logSize : 0,
});
