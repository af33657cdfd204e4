import type { RegisterReading } from '../rollups/register-deltas.ts';
import {
  addFigures,
  type Contribution,
  GRANULARITIES,
  type RollupFigures,
  type RollupKey,
  rollupPk,
} from '../rollups/rollup-model.ts';
import type { BatchLogEntry } from './batch-log.ts';
import type { ChunkPlan, MeterHourWrite } from './chunk-plan.ts';
import { REGISTER_ORIGIN_SK } from './meter-hour-state.ts';

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

/** A group's city and industry deltas, put (absent) in its transaction; sk `{createdAt}#{digest}`. */
export interface PendingDelta {
  key: RollupKey;
  createdAt: string;
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
 * Every item the plan names, one id each: the transaction's size is their number. A rollup-keyed
 * item is `pk NUL sk`; a batch-log overflow is named by meter, hour and message (no rollup has those).
 */
export const transactionItemKeys = (plan: Omit<TransactionPlan, 'chunks'>): string[] =>
  [
    ...plan.writes.map((w) => w.key),
    ...plan.bumps.map((b) => b.key),
    ...plan.origins.map((o) => o.key),
    ...(plan.pending ? [plan.pending.key] : []),
  ]
    .map(keyId)
    .concat(plan.overflowLogs.map((o) => ['batchLog', o.meterId, o.hour, o.messageId].join('\u0000')));

const keyId = (key: RollupKey) => `${key.pk}\u0000${key.sk}`;
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
    const meterHourPk = rollupPk('meter', meterId, 'hour');
    const meterPks = new Set(GRANULARITIES.map((gran) => rollupPk('meter', meterId, gran)));
    const hourWrites = new Map(plan.meterHours.map((w) => [w.hour, w]));
    const rollups = new Map(plan.rollups.map((r) => [keyId(r.key), r]));
    // A meter-hour write without a figure of its own (cannot happen today; kept total for safety).
    for (const hour of hourWrites.keys())
      if (!rollups.has(keyId({ pk: meterHourPk, sk: hour })))
        rollups.set(keyId({ pk: meterHourPk, sk: hour }), {
          key: { pk: meterHourPk, sk: hour },
          figures: {},
        });
    for (const rollup of rollups.values()) {
      const item = this.#addFigures(rollup, plan.factorRefs);
      const hourWrite = rollup.key.pk === meterHourPk ? hourWrites.get(rollup.key.sk) : undefined;
      if (meterPks.has(rollup.key.pk))
        item.lastReadingAt = later(item.lastReadingAt, hourWrite?.lastReadingAt ?? plan.lastReadingAt);
      if (hourWrite) this.#addMeterHour(item, hourWrite, meterId, messageId);
    }
    this.#addRegisterItems(plan, meterHourPk, messageId);
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
  #addRegisterItems(plan: ChunkPlan, meterHourPk: string, messageId: string): void {
    for (const check of plan.checks)
      this.#extra.bumps.push({
        key: { pk: meterHourPk, sk: check.hour },
        version: check.version,
        ...(check.next === undefined ? {} : { next: check.next }),
      });
    if (plan.createsOrigin)
      this.#extra.origins.push({
        key: { pk: meterHourPk, sk: REGISTER_ORIGIN_SK },
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
