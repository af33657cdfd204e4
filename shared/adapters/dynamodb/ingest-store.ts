import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { rollupPk } from '../../domain/emissions/rollup-model.ts';
import { type ChunkState, MAX_BATCH_LOG, type MeterHourState } from '../../domain/telemetry/ingest-plan.ts';
import {
  type ItemWrite,
  MAX_TRANSACTION_ITEMS,
  type MeterHourUpdate,
  type TransactionPlan,
} from '../../domain/telemetry/transaction-plan.ts';
import type { ApplyOutcome, IngestStore } from '../../ports/ingest-store.ts';

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
  /** Message chunks in committed transactions (more than `committed` when batches merge). */
  chunksCommitted: number;
  readRequests: number;
}

export const ingestWriteMetrics: IngestWriteMetrics = {
  writeRequests: 0,
  committed: 0,
  cancelled: 0,
  itemWrites: 0,
  neighbourBumps: 0,
  chunksCommitted: 0,
  readRequests: 0,
};

export const resetIngestWriteMetrics = (): void => {
  for (const name of Object.keys(ingestWriteMetrics) as (keyof IngestWriteMetrics)[])
    ingestWriteMetrics[name] = 0;
};

/** Cancellation codes that mean "another writer was busy on an item": the same plan may be sent again. */
const CONTENDED = new Set(['TransactionConflict', 'ThrottlingError']);
const STATE_PROJECTION = 'sk, rv, regs, msgs, logSize, nx';

interface StoredRegister {
  t: number;
  v: number;
}

/** Applies ingest transaction plans to the `carbon` table: one TransactWriteItems each. */
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

  async apply(plan: TransactionPlan): Promise<ApplyOutcome> {
    const items = this.#transactItems(plan);
    if (items.length > MAX_TRANSACTION_ITEMS)
      throw new Error(`transaction of ${plan.chunks} chunks needs ${items.length} items (max 100)`);
    ingestWriteMetrics.writeRequests += 1;
    try {
      await this.#client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        ingestWriteMetrics.cancelled += 1;
        const codes = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
        if (codes.includes('ConditionalCheckFailed')) return 'conditionFailed';
        if (codes.some((code) => CONTENDED.has(code))) return 'contended';
      }
      throw error;
    }
    ingestWriteMetrics.committed += 1;
    ingestWriteMetrics.itemWrites += items.length;
    ingestWriteMetrics.neighbourBumps += plan.bumps.length;
    ingestWriteMetrics.chunksCommitted += plan.chunks;
    return 'applied';
  }

  #transactItems(plan: TransactionPlan) {
    const table = this.#table;
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = plan.writes.map((write) => ({
      Update: { TableName: table, Key: write.key, ...updateOf(write) },
    }));
    // Neighbours are bumped, not only checked: two messages measured against the same stored
    // reading must conflict, or both would count the same gap (a ConditionCheck lets both pass).
    // The bump also carries the neighbour's new forward link when the plan adds an hour after it
    // (register-links.ts); version 0 is an item never versioned (the register origin).
    for (const bump of plan.bumps) {
      items.push({
        Update: {
          TableName: table,
          Key: bump.key,
          UpdateExpression: `ADD rv :one${bump.next === undefined ? '' : ' SET nx = :nx'}`,
          ConditionExpression:
            bump.version === 0 ? 'attribute_exists(pk) AND attribute_not_exists(rv)' : 'rv = :rv',
          ExpressionAttributeValues: {
            ':one': 1,
            ...(bump.version === 0 ? {} : { ':rv': bump.version }),
            ...(bump.next === undefined ? {} : { ':nx': bump.next }),
          },
        },
      });
    }
    for (const overflow of plan.overflowLogs) {
      items.push({
        Put: {
          TableName: table,
          Item: { ...overflow.key, kind: 'batchLog', hour: overflow.hour, ...overflow.entry },
        },
      });
    }
    for (const origin of plan.origins) {
      items.push({
        Put: {
          TableName: table,
          Item: {
            ...origin.key,
            kind: 'registerOrigin',
            createdBy: origin.createdBy,
            ...(origin.next === undefined ? {} : { nx: origin.next }),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    return items;
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

/**
 * The update of one item: ADD the integer figures (a bigint past 2^53 is marshalled exactly), factor
 * refs and ingest markers; SET the ingest state.
 */
const updateOf = (write: ItemWrite) => {
  const e = newExpression();
  addFigures(e, write);
  if (write.meterHour) addMeterHourState(e, write.meterHour);
  const { names, values, add, set, conditions } = e;
  return {
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
};

const addFigures = (e: UpdateExpressionParts, write: ItemWrite) => {
  for (const [index, [name, value]] of Object.entries(write.figures).entries()) {
    e.names[`#f${index}`] = name;
    e.values[`:f${index}`] = value;
    e.add.push(`#f${index} :f${index}`);
  }
  if (write.factorRefs.length > 0) {
    e.values[':refs'] = new Set(write.factorRefs);
    e.add.push('factorRefs :refs');
  }
  if (write.lastReadingAt !== undefined) {
    e.values[':lastReadingAt'] = write.lastReadingAt;
    e.set.push('lastReadingAt = :lastReadingAt');
  }
};

/**
 * The meter-hour item also holds the ingest state: markers, registers and their version, batch log.
 * Every write to it also bumps `lv`, so a recalculation that read the item writes only if nothing
 * changed it since (recalculation-store.ts).
 */
const addMeterHourState = (e: UpdateExpressionParts, state: MeterHourUpdate) => {
  e.values[':lvOne'] = 1;
  e.add.push('lv :lvOne');
  if (state.logEntries.length > 0) {
    e.values[':entries'] = state.logEntries;
    e.values[':empty'] = [];
    e.values[':logRoom'] = MAX_BATCH_LOG - state.logEntries.length + 1;
    e.values[':logAdded'] = state.logEntries.length;
    e.set.push('batchLog = list_append(if_not_exists(batchLog, :empty), :entries)');
    e.add.push('logSize :logAdded');
    // A log without room fails the write; the re-planned retry sends the entries to overflow items.
    e.conditions.push('(attribute_not_exists(logSize) OR logSize < :logRoom)');
  }
  if (state.markers.length > 0) {
    e.values[':mids'] = new Set(state.markers);
    e.add.push('msgs :mids');
    const absent = state.markers.map((id, index) => {
      e.values[`:mid${index}`] = id;
      return `NOT contains(msgs, :mid${index})`;
    });
    e.conditions.push(`(attribute_not_exists(msgs) OR (${absent.join(' AND ')}))`);
  }
  if (state.registers) {
    e.values[':regs'] = state.registers.map((r): StoredRegister => ({ t: r.ts, v: r.value }));
    e.set.push('regs = :regs');
  }
  if (state.next !== undefined) {
    e.values[':nx'] = state.next;
    e.set.push('nx = :nx');
  }
  if (state.expectedVersion === undefined) return;
  e.values[':one'] = 1;
  e.add.push('rv :one');
  if (state.expectedVersion === 0) e.conditions.push('attribute_not_exists(rv)');
  else {
    e.values[':rv'] = state.expectedVersion;
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
  ...(typeof item.nx === 'string' ? { next: item.nx } : {}),
});
