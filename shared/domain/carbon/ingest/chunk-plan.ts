import type { MeterRecord } from '../../registry/records.ts';
import type { FactorLibrary } from '../accounting/factors.ts';
import type { MeterAccounting } from '../rollups/meter-accounting.ts';
import type { ReadingMeter } from '../rollups/reading-emissions.ts';
import type { RegisterReading } from '../rollups/register-deltas.ts';
import type { Contribution } from '../rollups/rollup-model.ts';
import type { BatchLogEntry } from './batch-log.ts';
import type { ReadingBatch } from './reading-batch.ts';
import type { PlausibleLimit, RejectedReading } from './reading-checks.ts';

/** What planning a chunk starts from (PlanContext) and what it decides (ChunkDecision). */

export interface MeterHourWrite {
  hour: string;
  /** Version condition: 0 = item must not have `rv` yet; undefined = no version condition. */
  expectedVersion?: number;
  /** Chunk hours carry the message id (dedup marker) and are conditioned on not holding it yet. */
  marksMessage: boolean;
  /** Cumulative: the hour's full register list after this message. */
  registers?: RegisterReading[];
  logEntry: BatchLogEntry;
  /**
   * `item`: append to the meter-hour item's batch log (conditioned on it not being full);
   * `overflow`: the log is full, the entry gets its own item.
   */
  logTo: 'item' | 'overflow';
  lastReadingAt?: string;
  /** Cumulative: the item's forward link after the plan (register-links.ts). */
  next?: string;
}

export interface ChunkPlan {
  kind: 'apply';
  rollups: Contribution[];
  meterHours: MeterHourWrite[];
  /**
   * Items the plan relied on without writing them (register neighbours), or whose forward link it
   * changes: their `rv` is bumped, conditioned on the version read, and `next` set.
   */
  checks: { hour: string; version: number; next?: string }[];
  /**
   * Cumulative meter without any stored register: the plan creates the meter's register origin
   * item (condition: absent), so two first messages racing cannot both count from nothing.
   */
  createsOrigin: boolean;
  /** The origin's link when the plan creates it: the first hour holding registers. */
  originNext?: string;
  factorRefs: string[];
  /** Readings accepted (not duplicates) in the chunk. */
  accepted: number;
  /** Readings refused on their own (reading-checks.ts): quarantined one by one, the rest applies. */
  rejected: RejectedReading[];
  /** Latest reading of the chunk, SET on the meter-level items. */
  lastReadingAt: string;
}

/**
 * `stale`: the read was not a snapshot (a concurrent message half visible, register-links.ts):
 * read again and plan again.
 */
export type ChunkDecision = ChunkPlan | { kind: 'duplicate' } | { kind: 'stale' };

export interface PlanContext {
  meter: Pick<
    MeterRecord,
    'readingKind' | 'rolloverValue' | 'unit' | 'expectedIntervalSeconds' | 'recordedOnly'
  > &
    ReadingMeter;
  batch: ReadingBatch;
  batchHandle: string;
  library: FactorLibrary;
  /** Method, programmes and GWP set of the meter's figures (meter-accounting.ts). */
  accounting: MeterAccounting;
  timeZone: string;
  /** The meter's plausible quantity per hour, when it has one (plausible-limits.ts). */
  limit?: PlausibleLimit;
  /** An admin's replay after review: plausibility is not judged (reading-checks.ts). */
  acceptImplausible?: boolean;
}

/**
 * Every reading of the message was refused: the whole message is quarantined with their reasons
 * (nothing of it is written), as any refused message is.
 */
export class ReadingRejection extends Error {
  readonly reason: string;
  readonly path: string;
  readonly issues: { path: string; message: string }[];
  constructor(reason: string, issues: { path: string; message: string }[]) {
    super(issues[0]?.message ?? reason);
    this.name = 'ReadingRejection';
    this.reason = reason;
    this.path = issues[0]?.path ?? '/readings';
    this.issues = issues;
  }
}
