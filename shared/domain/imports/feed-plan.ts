import type { FactorLibrary } from '../carbon/accounting/factors.ts';
import {
  type Accounting,
  accountSteps,
  type ChunkPlan,
  chunkHourWrites,
  type ImportSource,
  type PlanContext,
  type ReadingChunk,
  rollupsOf,
} from '../carbon/ingest/ingest-plan.ts';
import { memoAccountant, type Periods, type Steps } from '../carbon/ingest/reading-steps.ts';
import type { MeterAccounting } from '../carbon/rollups/meter-accounting.ts';
import { aggregate, type Contribution, rollupKeysFor } from '../carbon/rollups/rollup-model.ts';
import type { MeterRecord } from '../registry/records.ts';
import type { SlotChange, SlotValue } from './slot.ts';
import { spreadMonth } from './spread.ts';

/**
 * A slot message accounted as the ingest accounts readings (docs/imports.md): the old value's day
 * parts out (deltas −1), the new value's in (+1), by the same engine with the account meter's
 * registry record. month-plan.ts keeps the month of it: the day parts are accounted one by one (so
 * the figures are what booked days would sum to) but booked as one month. A feed that does not
 * count keeps only the meter-level items.
 */

export interface FeedPlanContext {
  meter: MeterRecord;
  accountId: string;
  period: string;
  counted: boolean;
  library: FactorLibrary;
  accounting: MeterAccounting;
  timeZone: string;
  batchHandle: string;
}

type Reading = { ts: string; quantity: number };

export const partsOf = (ctx: FeedPlanContext, value: SlotValue | undefined): Reading[] =>
  value === undefined
    ? []
    : spreadMonth(ctx.period, value.micro, ctx.timeZone).map((p) => ({ ts: p.ts, quantity: p.quantity }));

/** The plan context of one side of the change: its measured parameters join the meter's. */
const sideContext = (
  ctx: FeedPlanContext,
  change: SlotChange,
  value: SlotValue | undefined,
  readings: Reading[],
): PlanContext => {
  const measured = value?.measured ?? [];
  const replaced = new Set(measured.map((m) => m.parameter));
  const own = (ctx.meter.measuredParameters ?? []).filter(
    (m) => !replaced.has(m.parameter) || m.validTo < `${ctx.period}-01` || m.validFrom > `${ctx.period}-31`,
  );
  return {
    // A feed that does not count is booked as a recorded-only meter: its log entries say so, and a
    // recalculation of them moves the meter's own rollups only.
    meter: {
      ...ctx.meter,
      measuredParameters: [...own, ...measured],
      ...(ctx.counted ? {} : { recordedOnly: true }),
    },
    batch: {
      meterId: ctx.meter.id,
      messageId: change.messageId,
      clientId: (change.to ?? change.from)?.uploadedBy ?? 'import',
      receivedAt: change.at,
      readings,
    },
    batchHandle: ctx.batchHandle,
    library: ctx.library,
    accounting: ctx.accounting,
    timeZone: ctx.timeZone,
  };
};

const mergeAccounting = (a: Accounting, b: Accounting): Accounting => {
  const deltasByHour = new Map(a.deltasByHour);
  for (const [hour, deltas] of b.deltasByHour)
    deltasByHour.set(hour, [...(deltasByHour.get(hour) ?? []), ...deltas]);
  return {
    contributions: [...a.contributions, ...b.contributions],
    factorRefs: [...new Set([...a.factorRefs, ...b.factorRefs])].sort(),
    measuredParameters: [...a.measuredParameters, ...b.measuredParameters],
    deltasByHour,
  };
};

const stepsOf = (readings: Reading[], sign: 1 | -1, counted: boolean): Steps => ({
  accounted: readings.map((r) => ({ ts: Date.parse(r.ts), quantity: r.quantity, sign })),
  acceptedTs: counted ? readings.map((r) => Date.parse(r.ts)) : [],
  conflicts: [],
  newRegisters: [],
  used: new Set(),
  rejected: [],
});

const sourceOf = (ctx: FeedPlanContext, change: SlotChange): ImportSource => {
  const origin = change.kind === 'withdrawal' ? change.from : change.to;
  return {
    kind: 'import',
    importId: change.by,
    fileName: origin?.fileName ?? '',
    row: origin?.row ?? 0,
    uploadedBy: origin?.uploadedBy ?? '',
    uploadedAt: origin?.uploadedAt ?? change.at,
    accountId: ctx.accountId,
    period: ctx.period,
    ...(change.from ? { previousValue: change.from.micro / 1e6 } : {}),
    ...(change.to ? { value: change.to.micro / 1e6 } : {}),
    change: change.kind,
  };
};

/** The plan of the message's parts in their noon hours: every item a booked day would reach (month-plan.ts keeps the month's). */
export const planParts = (
  ctx: FeedPlanContext,
  change: SlotChange,
  hours: string[],
  periodsOf: Periods,
): ChunkPlan => {
  const added = partsOf(ctx, change.to);
  const removed = partsOf(ctx, change.from);
  const addCtx = sideContext(ctx, change, change.to, added);
  const removeCtx = sideContext(ctx, change, change.from, removed);
  // A new value counts its day parts as readings; a withdrawal to nothing takes them back; a
  // correction, and a withdrawal to the value before (one part a day for another), neither.
  const counting = change.kind === 'new' ? added : [];
  const addSteps = stepsOf(added, 1, change.kind === 'new');
  const accounting = mergeAccounting(
    accountSteps(
      removeCtx,
      stepsOf(removed, -1, false).accounted,
      periodsOf,
      memoAccountant(removeCtx, periodsOf),
    ),
    accountSteps(addCtx, addSteps.accounted, periodsOf, memoAccountant(addCtx, periodsOf)),
  );
  const primary = change.to ? addCtx : removeCtx;
  const logChunk: ReadingChunk = { hours, readings: change.to ? added : [] };
  const steps = { ...addSteps, acceptedTs: counting.map((r) => Date.parse(r.ts)) };
  let rollups = rollupsOf(primary, [...added, ...removed], steps, accounting, periodsOf);
  if (change.kind === 'withdrawal' && change.to === undefined)
    rollups = aggregate([...rollups, ...uncount(ctx, removed, periodsOf)]);
  if (!ctx.counted) rollups = rollups.filter((r) => r.key.level === 'meter');
  const stateByHour = new Map<string, never>();
  const source = sourceOf(ctx, change);
  const meterHours = chunkHourWrites(primary, logChunk, stateByHour, steps, accounting, periodsOf).map(
    (w) => ({
      ...w,
      logEntry: { ...w.logEntry, source, ...(change.kind === 'new' ? {} : { correction: true as const }) },
    }),
  );
  const last =
    [...added, ...removed]
      .map((r) => r.ts)
      .sort()
      .at(-1) ?? change.at;
  return {
    kind: 'apply',
    rollups,
    meterHours,
    checks: [],
    createsOrigin: false,
    factorRefs: accounting.factorRefs,
    accepted: counting.length,
    rejected: [],
    lastReadingAt: last,
  };
};

/** A withdrawn value's readings are taken back from the counts of every key they reached. */
const uncount = (ctx: FeedPlanContext, removed: Reading[], periodsOf: Periods): Contribution[] =>
  removed.flatMap((r) =>
    rollupKeysFor(ctx.meter, periodsOf(Date.parse(r.ts))).map((key) => ({ key, figures: { readings: -1 } })),
  );
