import type { FactorLibrary } from '../carbon/factors.ts';
import type { UsedMeasuredParameter } from '../carbon/measured-parameters.ts';
import { MASS_SCALE, toFixed } from '../emissions/fixed-point.ts';
import type { MeterAccounting } from '../emissions/meter-accounting.ts';
import { type ReadingMeter, scaleFigures } from '../emissions/reading-emissions.ts';
import type { DeltaFlag, RegisterReading } from '../emissions/register-deltas.ts';
import {
  aggregate,
  type Contribution,
  type LocalPeriods,
  localPeriodsOf,
  rollupKeysFor,
} from '../emissions/rollup-model.ts';
import type { MeterRecord } from '../registry/records.ts';
import type { ReadingBatch } from './reading-batch.ts';
import type { PlausibleLimit, RejectedReading } from './reading-checks.ts';
import {
  type Accountant,
  type Accounted,
  intervalSteps,
  memoAccountant,
  type Periods,
  registerSteps,
  type Steps,
} from './reading-steps.ts';
import { linksAfter, linksConsistent } from './register-links.ts';

/**
 * Plans what one message does to the `carbon` table, chunk by chunk. Pure: the store reads the
 * state, this decides, the store writes the plan in one transaction per chunk.
 *
 * The meter-level hour rollup item (`ROLLUP#meter#<id>#hour`, sk local hour) is also the meter's
 * ingest state for that hour, so a single-hour message writes its 12 rollup items and nothing else:
 *   msgs      string set of message ids applied in this hour — the dedup marker, conditioned on;
 *   regs      cumulative meters: the register readings of this hour [{t: epoch ms, v}];
 *   rv        cumulative meters: version of `regs`, conditioned on by every message that used them;
 *   batchLog  one entry per message (readings, deltas, CO2e, factor refs, batch handle) for tracing,
 *             at most MAX_BATCH_LOG entries (`logSize` counts them) so the hot item stays small;
 *             later entries of that hour overflow to their own item, pk `BATCHLOG#meter#<id>`,
 *             sk `<hour>#<messageId>` (one more write, only for meters sending > 100 messages an hour);
 *   lastReadingAt  latest reading time written by the message (also on the meter day/month items).
 *   nx        cumulative meters: the hour of the next item holding registers ('' for none): the
 *             forward link that shows a read was not a snapshot (register-links.ts).
 * A cumulative meter's first message also creates sk `#origin` in that partition (it sorts before
 * every hour and carries no figures, only its link): the one item two racing first messages both write.
 */
export const REGISTER_ORIGIN_SK = '#origin';
/** Batch-log entries kept on a meter-hour item (~350 bytes each for a one-reading message). */
export const MAX_BATCH_LOG = 100;
export const batchLogOverflowPk = (meterId: string): string => `BATCHLOG#meter#${meterId}`;

export type MeterHourKind = 'interval' | 'cumulative';

/** The ingest state held by one meter-hour rollup item, as read. */
export interface MeterHourState {
  hour: string;
  /** `rv`; 0 when the item does not exist yet. */
  version: number;
  registers: RegisterReading[];
  messageIds: string[];
  /** Entries in the item's batch log (`logSize`). */
  logSize: number;
  /** `nx`: the hour of the next register-bearing item, '' for none, undefined if never linked (register-links.ts). */
  next?: string;
}

/** What the store read before planning a chunk. Interval meters need no read on the first try. */
export interface ChunkState {
  /**
   * Meter-hour items that exist: for cumulative meters every item from the nearest one before the
   * chunk's first hour to the nearest one after its last hour (the register readings either side).
   */
  hours: MeterHourState[];
  /** False on an interval meter's first attempt: dedup then rests on the write's condition only. */
  read: boolean;
}

export interface BatchLogEntry {
  messageId: string;
  batchHandle: string;
  clientId: string;
  receivedAt: string;
  /** The message's readings that fall in this hour (empty for a correction entry). */
  readings: ReadingBatch['readings'];
  /** Quantities accounted in this hour: + added, − removed (a late reading split an interval). */
  deltas: {
    ts: string;
    quantity: number;
    co2eT: number;
    /** Energy consumption, tce (absent in entries written before tce was counted). */
    tce?: number;
    sign: 1 | -1;
    flag?: DeltaFlag;
  }[];
  co2eT: number;
  tce?: number;
  /** `id@version#sha256:…` of every factor used (entries written before hashes: `id@version`). */
  factorRefs: string[];
  gwpSet: string;
  /** The accounting method, e.g. `gbt-32150` (absent in entries written before methods existed). */
  method?: string;
  /** The grid programme of the location-based figure (electricity), else absent. */
  programme?: string;
  /** The grid programme of the market-based figure (electricity). */
  marketProgramme?: string;
  /** Measured parameters (实测值) that replaced library defaults, each as used. */
  measuredParameters?: UsedMeasuredParameter[];
  /** The meter as accounted (unit, grid region, green power): what a trace or recalculation replays. */
  activity?: LoggedActivity;
  /** Register readings refused because the same instant already holds another value. */
  conflicts?: string[];
  correction?: true;
  /** Reached the meter's own rollups only (another source counts: docs/imports.md); a recalculation does the same. */
  recordedOnly?: true;
  /** Imported activity (shared/domain/imports): the file, row, uploader and time it came from. */
  source?: ImportSource;
}

/** Where an imported slot message came from (docs/imports.md). */
export interface ImportSource {
  kind: 'import';
  importId: string;
  fileName: string;
  row: number;
  uploadedBy: string;
  uploadedAt: string;
  accountId: string;
  period: string;
  /** The value in force before and after, in the unit logged in `activity`. */
  previousValue?: number;
  value?: number;
  /** `withdrawal`: the import was withdrawn; `correction`: a new value replaced one in force. */
  change: 'new' | 'correction' | 'withdrawal';
}

/** A snapshot of the meter fields the accounting read, kept with each batch-log entry. */
export interface LoggedActivity {
  energyType: string;
  unit: string;
  gridRegion?: string;
  greenPower?: boolean;
}

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

/** Rollup items per transaction left for a chunk's own hours, days and months. */
const CHUNK_KEY_BUDGET: Record<MeterHourKind, number> = {
  interval: 96,
  // A cumulative chunk may also correct the hours of later stored readings and check its neighbours.
  cumulative: 60,
};

type Reading = ReadingBatch['readings'][number];

export interface ReadingChunk {
  hours: string[];
  readings: Reading[];
}

/**
 * Deterministic split of a message into chunks of whole local hours, each small enough for one
 * TransactWriteItems (100 items). The same message always splits the same way, so a retry applies
 * exactly the chunks that are missing.
 */
export const chunkReadings = (
  readings: readonly Reading[],
  kind: MeterHourKind,
  timeZone: string,
): ReadingChunk[] => {
  const byHour = new Map<string, { periods: LocalPeriods; readings: Reading[] }>();
  for (const reading of readings) {
    const periods = localPeriodsOf(new Date(reading.ts), timeZone);
    const group = byHour.get(periods.hour) ?? { periods, readings: [] };
    group.readings.push(reading);
    byHour.set(periods.hour, group);
  }
  const chunks: ReadingChunk[] = [];
  let current: { hours: string[]; readings: Reading[]; days: Set<string>; months: Set<string> } | undefined;
  for (const hour of [...byHour.keys()].sort()) {
    const group = byHour.get(hour);
    if (group === undefined) continue;
    const grown = current && {
      hours: current.hours.length + 1,
      days: new Set([...current.days, group.periods.day]).size,
      months: new Set([...current.months, group.periods.month]).size,
    };
    if (current && grown && 4 * (grown.hours + grown.days + grown.months) <= CHUNK_KEY_BUDGET[kind]) {
      current.hours.push(hour);
      current.readings.push(...group.readings);
      current.days.add(group.periods.day);
      current.months.add(group.periods.month);
    } else {
      current = {
        hours: [hour],
        readings: [...group.readings],
        days: new Set([group.periods.day]),
        months: new Set([group.periods.month]),
      };
      chunks.push(current);
    }
  }
  return chunks.map(({ hours, readings: rs }) => ({ hours, readings: rs }));
};

export interface Accounting {
  contributions: Contribution[];
  factorRefs: string[];
  measuredParameters: UsedMeasuredParameter[];
  /** Per local hour, the quantities accounted there (for the batch log). */
  deltasByHour: Map<string, BatchLogEntry['deltas']>;
}

/** Runs each quantity through the accounting engine, spread over its 12 rollup keys. */
export const accountSteps = (
  ctx: PlanContext,
  accounted: readonly Accounted[],
  periodsOf: Periods,
  account: Accountant,
): Accounting => {
  const contributions: Contribution[] = [];
  const refs = new Set<string>();
  const measured = new Map<string, UsedMeasuredParameter>();
  const deltasByHour = new Map<string, BatchLogEntry['deltas']>();
  for (const item of accounted) {
    const periods = periodsOf(item.ts);
    const result = account(item.quantity, item.ts);
    // Accepted quantities were checked to fit; a correction of one that once fitted fits again.
    if (result === undefined) throw new Error(`quantity ${item.quantity} no longer fits fixed point`);
    for (const ref of result.factorRefs) refs.add(ref);
    for (const p of result.measuredParameters) measured.set(`${p.parameter}|${p.validFrom}|${p.value}`, p);
    const figures = scaleFigures(result.figures, item.sign);
    for (const key of rollupKeysFor(ctx.meter, periods)) contributions.push({ key, figures });
    const list = deltasByHour.get(periods.hour) ?? [];
    list.push({
      ts: new Date(item.ts).toISOString(),
      quantity: item.quantity,
      co2eT: result.co2eT,
      tce: result.tce,
      sign: item.sign,
      ...(item.flag ? { flag: item.flag } : {}),
    });
    deltasByHour.set(periods.hour, list);
  }
  return {
    contributions,
    factorRefs: [...refs].sort(),
    measuredParameters: [...measured.values()],
    deltasByHour,
  };
};

const keyId = (key: { pk: string; sk: string }) => `${key.pk}\u0000${key.sk}`;

/**
 * Sums everything per rollup key: the figures, one `readings` per accepted reading where it was
 * taken, and one `batches` on every key of the chunk's hours (each is written: it carries the marker).
 */
export const rollupsOf = (
  ctx: PlanContext,
  sorted: readonly Reading[],
  steps: Steps,
  accounting: Accounting,
  periodsOf: Periods,
) => {
  const counted = steps.acceptedTs.flatMap((ts) =>
    rollupKeysFor(ctx.meter, periodsOf(ts)).map((key) => ({ key, figures: { readings: 1 } })),
  );
  const batchKeys = new Map(
    sorted
      .flatMap((r) => rollupKeysFor(ctx.meter, periodsOf(Date.parse(r.ts))))
      .map((key) => [keyId(key), key]),
  );
  const marked = [...batchKeys.values()].map((key) => ({ key, figures: {} }));
  return aggregate([...accounting.contributions, ...counted, ...marked]).map((c) =>
    batchKeys.has(keyId(c.key)) ? { ...c, figures: { ...c.figures, batches: 1 } } : c,
  );
};

/** The entry's CO2e in tonnes, summed in milligrams so the log shows the stored resolution. */
const sumCo2e = (deltas: BatchLogEntry['deltas']) =>
  deltas.reduce((s, d) => s + d.sign * toFixed(d.co2eT, MASS_SCALE), 0) / MASS_SCALE;

/** The entry's energy in tce, summed the same way. */
const sumTce = (deltas: BatchLogEntry['deltas']) =>
  deltas.reduce((s, d) => s + d.sign * toFixed(d.tce ?? 0, MASS_SCALE), 0) / MASS_SCALE;

/** The chunk's own meter-hour items: marker, registers, batch log entry, last reading time. */
export const chunkHourWrites = (
  ctx: PlanContext,
  chunk: ReadingChunk,
  state: Map<string, MeterHourState>,
  steps: Steps,
  accounting: Accounting,
  periodsOf: Periods,
): MeterHourWrite[] =>
  chunk.hours.map((hour) => {
    const refused = new Set(steps.rejected.map((r) => r.index));
    const inHour = chunk.readings
      .filter((r) => periodsOf(Date.parse(r.ts)).hour === hour && !refused.has(ctx.batch.readings.indexOf(r)))
      .sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
    const existing = state.get(hour);
    const deltas = accounting.deltasByHour.get(hour) ?? [];
    const conflicts = steps.conflicts.filter((ts) => periodsOf(ts).hour === hour);
    const registers = [
      ...(existing?.registers ?? []),
      ...steps.newRegisters.filter((r) => periodsOf(r.ts).hour === hour),
    ];
    return {
      hour,
      marksMessage: true,
      logTo: logTarget(existing),
      ...(ctx.meter.readingKind === 'cumulative'
        ? { expectedVersion: existing?.version ?? 0, registers: registers.sort((a, b) => a.ts - b.ts) }
        : {}),
      logEntry: {
        ...entryBaseOf(ctx, accounting),
        readings: inHour,
        deltas,
        co2eT: sumCo2e(deltas),
        tce: sumTce(deltas),
        ...(conflicts.length > 0 ? { conflicts: conflicts.map((ts) => new Date(ts).toISOString()) } : {}),
      },
      lastReadingAt: inHour.at(-1)?.ts ?? ctx.batch.receivedAt,
    };
  });

const logTarget = (item: MeterHourState | undefined): MeterHourWrite['logTo'] =>
  (item?.logSize ?? 0) >= MAX_BATCH_LOG ? 'overflow' : 'item';

/** What every entry of the message names: who sent it, and how it was accounted. */
const entryBaseOf = (ctx: PlanContext, accounting: Accounting) => {
  const { location, market } = ctx.accounting;
  const { meter } = ctx;
  const electricity = meter.energyType === 'electricity';
  return {
    messageId: ctx.batch.messageId,
    batchHandle: ctx.batchHandle,
    clientId: ctx.batch.clientId,
    receivedAt: ctx.batch.receivedAt,
    factorRefs: accounting.factorRefs,
    gwpSet: location.gwpSet.id,
    method: location.method,
    ...(electricity ? { programme: location.programme } : {}),
    ...(electricity && market ? { marketProgramme: market.programme } : {}),
    ...(accounting.measuredParameters.length > 0
      ? { measuredParameters: accounting.measuredParameters }
      : {}),
    ...(meter.recordedOnly ? { recordedOnly: true as const } : {}),
    activity: {
      energyType: meter.energyType,
      unit: meter.unit,
      ...(meter.gridRegion === undefined ? {} : { gridRegion: meter.gridRegion }),
      ...(electricity ? { greenPower: meter.greenPower } : {}),
    },
  };
};

/** Hours outside the chunk a late reading corrected (the hour of the next stored reading). */
const correctionWrites = (
  ctx: PlanContext,
  chunk: ReadingChunk,
  state: Map<string, MeterHourState>,
  accounting: Accounting,
): MeterHourWrite[] =>
  [...accounting.deltasByHour.entries()]
    .filter(([hour]) => !chunk.hours.includes(hour))
    .map(([hour, deltas]) => {
      const item = state.get(hour);
      if (item === undefined) throw new Error(`correction in hour ${hour}, which holds no register reading`);
      return {
        hour,
        marksMessage: false,
        logTo: logTarget(item),
        expectedVersion: item.version,
        logEntry: {
          ...entryBaseOf(ctx, accounting),
          readings: [],
          deltas,
          co2eT: sumCo2e(deltas),
          tce: sumTce(deltas),
          correction: true,
        },
      };
    });

/**
 * Decides the writes of one chunk given the state read. A chunk whose hours already hold the
 * message id is a duplicate (a redelivery, or a retry after this chunk committed).
 */
export const planChunk = (ctx: PlanContext, chunk: ReadingChunk, state: ChunkState): ChunkDecision => {
  const periodsOf: Periods = (ts) => localPeriodsOf(new Date(ts), ctx.timeZone);
  const stateByHour = new Map(state.hours.map((h) => [h.hour, h]));
  const cumulative = ctx.meter.readingKind === 'cumulative';
  const lastHour = chunk.hours.at(-1) ?? '';
  if (cumulative && !linksConsistent(state.hours, lastHour, REGISTER_ORIGIN_SK)) return { kind: 'stale' };
  // Only the chunk's own hours carry its marker (a neighbour may hold another chunk of this message).
  if (chunk.hours.some((hour) => stateByHour.get(hour)?.messageIds.includes(ctx.batch.messageId)))
    return { kind: 'duplicate' };
  const sorted = [...chunk.readings].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  const account = memoAccountant(ctx, periodsOf);
  const steps = cumulative
    ? registerSteps(ctx, sorted, state, periodsOf, account)
    : intervalSteps(ctx, sorted, account);
  if (steps.rejected.length > 0 && steps.rejected.length === ctx.batch.readings.length)
    throw new ReadingRejection(
      steps.rejected[0]?.reason ?? 'implausible',
      steps.rejected.map(({ path, message }) => ({ path, message })),
    );
  const accounting = accountSteps(ctx, steps.accounted, periodsOf, account);
  const meterHours = [
    ...chunkHourWrites(ctx, chunk, stateByHour, steps, accounting, periodsOf),
    ...(cumulative ? correctionWrites(ctx, chunk, stateByHour, accounting) : []),
  ];
  const written = new Set(meterHours.map((w) => w.hour));
  const checks = [...steps.used]
    .sort()
    .filter((hour) => !written.has(hour) && stateByHour.has(hour))
    .map((hour) => ({ hour, version: stateByHour.get(hour)?.version ?? 0 }));
  // Only a chunk that holds a register creates the origin (one whose readings were all refused would
  // claim it and leave it empty).
  const createsOrigin =
    cumulative && steps.newRegisters.length > 0 && !state.hours.some((h) => h.registers.length > 0);
  const origin = cumulative ? linkWrites(state, stateByHour, meterHours, checks, lastHour) : {};
  return {
    kind: 'apply',
    rollups: rollupsOf(ctx, sorted, steps, accounting, periodsOf),
    meterHours,
    checks,
    createsOrigin,
    ...(createsOrigin && origin.next !== undefined ? { originNext: origin.next } : {}),
    factorRefs: accounting.factorRefs,
    accepted: steps.acceptedTs.length,
    rejected: steps.rejected,
    lastReadingAt: sorted.at(-1)?.ts ?? ctx.batch.receivedAt,
  };
};

/**
 * Sets the forward links the plan changes (register-links.ts): on the hours it writes, and as a
 * bump on read items it does not write (the predecessor of a new hour). Returns the origin's link.
 */
const linkWrites = (
  state: ChunkState,
  stateByHour: ReadonlyMap<string, MeterHourState>,
  meterHours: MeterHourWrite[],
  checks: ChunkPlan['checks'],
  lastHour: string,
): { next?: string } => {
  const registersAfter = new Map(
    meterHours.map((w) => [w.hour, w.registers?.length ?? stateByHour.get(w.hour)?.registers.length ?? 0]),
  );
  // A new origin is a node of the list too: it links to the first hour holding registers.
  const read = stateByHour.has(REGISTER_ORIGIN_SK)
    ? state.hours
    : [...state.hours, { hour: REGISTER_ORIGIN_SK, version: 0, registers: [], messageIds: [], logSize: 0 }];
  const links = linksAfter(read, registersAfter, lastHour, REGISTER_ORIGIN_SK);
  for (const write of meterHours) {
    const next = links.get(write.hour);
    if (next !== undefined) write.next = next;
  }
  for (const item of state.hours) {
    const next = links.get(item.hour);
    if (next === undefined || next === item.next || registersAfter.has(item.hour)) continue;
    const check = checks.find((c) => c.hour === item.hour);
    if (check) check.next = next;
    else checks.push({ hour: item.hour, version: item.version, next });
  }
  const originNext = links.get(REGISTER_ORIGIN_SK);
  return originNext === undefined ? {} : { next: originNext };
};
