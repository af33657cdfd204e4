import type { RegisterReading } from '../rollups/register-deltas.ts';
import {
  addFigures,
  type Contribution,
  GRANULARITIES,
  type RollupFigures,
  type RollupKey,
  rollupKeyId,
} from '../rollups/rollup-model.ts';
import type { BatchLogEntry } from './batch-log.ts';
import type { ChunkPlan, MeterHourWrite } from './chunk-plan.ts';
import { REGISTER_ORIGIN_PERIOD } from './meter-hour-state.ts';

/** One message's chunk plan and whose it is. */
export interface PlannedChunk {
  meterId: string;
  messageId: string;
  plan: ChunkPlan;
}

/** The ingest state a transaction writes on one meter-hour item (see ingest-plan.ts). */
export interface MeterHourUpdate {
  /** Message ids the item records as applied; the write is conditioned on holding none of them. */
  markers: string[];
  /** Batch-log entries appended to the item; conditioned on the log having room for all. */
  logEntries: BatchLogEntry[];
  /** Cumulative meters: the hour's full register list, and the `rv` the write is conditioned on. */
  registers?: RegisterReading[];
  expectedVersion?: number;
  /** The item's forward link after the write (register-links.ts). */
  next?: string;
}

/** One item update: integer figures and factor refs added, the last reading time set. */
export interface ItemWrite {
  key: RollupKey;
  figures: RollupFigures;
  factorRefs: string[];
  /** Meter-level items only. */
  lastReadingAt?: string;
  meterHour?: MeterHourUpdate;
}

/** One shared item's delta, as a pending item holds it (deferred-deltas.ts). */
export interface DeferredWrite {
  key: RollupKey;
  figures: RollupFigures;
  factorRefs: string[];
}

/** Which pending item: its shard, when its group wrote it, and the digest of the group's messages. */
export interface PendingRef {
  shard: number;
  createdAt: string;
  digest: string;
}

/** One string per pending item, for maps and sets (not a stored key). */
export const pendingRefId = (ref: PendingRef): string =>
  `${ref.shard}\u0000${ref.createdAt}\u0000${ref.digest}`;

/** A group's city and industry deltas, put (absent) in its transaction. */
export interface PendingDelta extends PendingRef {
  writes: DeferredWrite[];
}

/**
 * Everything one TransactWriteItems does, for one message chunk or for several messages merged.
 * Merging is what makes a batch cheap: the messages of a batch share their enterprise, industry and
 * city items (and a meter's day and month), so each shared item is written once with the sum.
 */
export interface TransactionPlan {
  writes: ItemWrite[];
  /**
   * Register neighbours a plan measured against, or whose forward link it changes: `rv` bumped,
   * conditioned on the version read (0: not yet versioned), and the link set.
   */
  bumps: { key: RollupKey; version: number; next?: string }[];
  /** Batch-log entries of meter-hours whose log is full, each on its own item (one per message). */
  overflowLogs: { meterId: string; hour: string; messageId: string; entry: BatchLogEntry }[];
  /** Register origins of cumulative meters' first messages (conditioned on being absent). */
  origins: { key: RollupKey; createdBy: string; next?: string }[];
  /** Messages (chunks) merged in. */
  chunks: number;
  /** The group's deferred city and industry deltas (deferred-deltas.ts); absent: written in place. */
  pending?: PendingDelta;
}

/**
 * Every item the plan names, one id each: the transaction's size is their number. Rollups (and
 * register origins, in a meter's hour series) by their key, the rest by what they are.
 */
export const transactionItemKeys = (plan: Omit<TransactionPlan, 'chunks'>): string[] => [
  ...[...plan.writes, ...plan.bumps, ...plan.origins].map((w) => `rollup\u0000${keyId(w.key)}`),
  ...(plan.pending ? [`pending\u0000${pendingRefId(plan.pending)}`] : []),
  ...plan.overflowLogs.map((o) => ['batchLog', o.meterId, o.hour, o.messageId].join('\u0000')),
];

const keyId = rollupKeyId;
const meterHour = (meterId: string, hour: string): RollupKey => ({
  level: 'meter',
  id: meterId,
  granularity: 'hour',
  period: hour,
});
const later = (a: string | undefined, b: string | undefined) => (a === undefined || (b ?? '') > a ? b : a);

/**
 * Merges chunk plans into one transaction. The caller keeps the plans merge-safe: at most one plan
 * that reads or writes a meter's registers per meter (its versions were read for it alone), and no
 * message twice (the markers of one item are conditioned together).
 */
export const mergeChunkPlans = (chunks: readonly PlannedChunk[]): TransactionPlan => {
  const merged = new MergedTransaction();
  for (const chunk of chunks) merged.add(chunk);
  return merged.plan();
};

class MergedTransaction {
  readonly #writes = new Map<string, ItemWrite>();
  readonly #extra: Omit<TransactionPlan, 'writes' | 'chunks'> = { bumps: [], overflowLogs: [], origins: [] };
  #chunks = 0;

  add({ meterId, messageId, plan }: PlannedChunk): void {
    this.#chunks += 1;
    const own = (key: RollupKey) => key.level === 'meter' && key.id === meterId;
    const hourWrites = new Map(plan.meterHours.map((w) => [w.hour, w]));
    const rollups = new Map(plan.rollups.map((r) => [keyId(r.key), r]));
    // A meter-hour write without a figure of its own (cannot happen today; kept total for safety).
    for (const hour of hourWrites.keys())
      if (!rollups.has(keyId(meterHour(meterId, hour))))
        rollups.set(keyId(meterHour(meterId, hour)), { key: meterHour(meterId, hour), figures: {} });
    for (const rollup of rollups.values()) {
      const item = this.#addFigures(rollup, plan.factorRefs);
      const { granularity, period } = rollup.key;
      const hourWrite = own(rollup.key) && granularity === 'hour' ? hourWrites.get(period) : undefined;
      if (own(rollup.key) && granularity !== 'feedmonth' && GRANULARITIES.includes(granularity))
        item.lastReadingAt = later(item.lastReadingAt, hourWrite?.lastReadingAt ?? plan.lastReadingAt);
      if (hourWrite) this.#addMeterHour(item, hourWrite, meterId, messageId);
    }
    this.#addRegisterItems(plan, meterId, messageId);
  }

  plan(): TransactionPlan {
    const plan = { writes: [...this.#writes.values()], ...this.#extra, chunks: this.#chunks };
    const ids = transactionItemKeys(plan);
    // DynamoDB refuses a transaction that names one item twice; a merge that would is a caller bug.
    if (new Set(ids).size !== ids.length) throw new Error('merged transaction names an item twice');
    return plan;
  }

  /** The item's write, its figures added (exactly) and factor refs set. */
  #addFigures(rollup: Contribution, factorRefs: readonly string[]): ItemWrite {
    const id = keyId(rollup.key);
    const item: ItemWrite = this.#writes.get(id) ?? { key: rollup.key, figures: {}, factorRefs: [] };
    this.#writes.set(id, item);
    addFigures(item.figures, rollup.figures);
    item.factorRefs = [...new Set([...item.factorRefs, ...factorRefs])].sort();
    return item;
  }

  /** Neighbours bumped (and relinked), and the register origin a first message creates. */
  #addRegisterItems(plan: ChunkPlan, meterId: string, messageId: string): void {
    for (const check of plan.checks)
      this.#extra.bumps.push({
        key: meterHour(meterId, check.hour),
        version: check.version,
        ...(check.next === undefined ? {} : { next: check.next }),
      });
    if (plan.createsOrigin)
      this.#extra.origins.push({
        key: meterHour(meterId, REGISTER_ORIGIN_PERIOD),
        createdBy: messageId,
        ...(plan.originNext === undefined ? {} : { next: plan.originNext }),
      });
  }

  #addMeterHour(item: ItemWrite, write: MeterHourWrite, meterId: string, messageId: string): void {
    const state: MeterHourUpdate = item.meterHour ?? { markers: [], logEntries: [] };
    item.meterHour = state;
    if (write.marksMessage) state.markers.push(messageId);
    if (write.logTo === 'item') state.logEntries.push(write.logEntry);
    else this.#extra.overflowLogs.push({ meterId, hour: write.hour, messageId, entry: write.logEntry });
    if (write.registers === undefined && write.expectedVersion === undefined) return;
    if (state.registers !== undefined || state.expectedVersion !== undefined)
      throw new Error(`two register plans for ${meterId} ${write.hour} in one transaction`);
    if (write.registers !== undefined) state.registers = write.registers;
    if (write.expectedVersion !== undefined) state.expectedVersion = write.expectedVersion;
    if (write.next !== undefined) state.next = write.next;
  }
}

/** The items a chunk's plan writes: a group fits one transaction while the union of theirs does. */
export const transactionKeysOf = (chunk: PlannedChunk): string[] =>
  transactionItemKeys(mergeChunkPlans([chunk]));
