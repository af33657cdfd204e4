import { FixedPointRangeError, isStorableNumber, QUANTITY_SCALE } from '../rollups/fixed-point.ts';
import { readingDateOf } from '../rollups/meter-accounting.ts';
import { type ReadingEmissions, readingEmissions } from '../rollups/reading-emissions.ts';
import {
  applyReading,
  type Delta,
  type DeltaFlag,
  type RegisterReading,
} from '../rollups/register-deltas.ts';
import { type LocalPeriods, quantityFigure } from '../rollups/rollup-model.ts';
import type { PlanContext } from './chunk-plan.ts';
import type { ChunkState } from './meter-hour-state.ts';
import type { ReadingBatch } from './reading-batch.ts';
import { quantityProblem, type RejectedReading } from './reading-checks.ts';

/**
 * What the readings of a chunk amount to before they are summed: the quantities to account (an
 * interval reading's own, a register's deltas), the readings accepted, and those refused on their
 * own (reading-checks.ts). Pure.
 */

type Reading = ReadingBatch['readings'][number];
export type Periods = (ts: number) => LocalPeriods;

export interface Accounted {
  ts: number;
  quantity: number;
  sign: 1 | -1;
  flag?: DeltaFlag;
}

export interface Steps {
  accounted: Accounted[];
  acceptedTs: number[];
  conflicts: number[];
  newRegisters: RegisterReading[];
  /** Hours of the stored readings the new ones were measured against: their versions must hold. */
  used: Set<string>;
  rejected: RejectedReading[];
}

/** The accounting of a quantity at an instant, once per plan; undefined when it does not fit fixed point. */
export type Accountant = (quantity: number, ts: number) => ReadingEmissions | undefined;

export const memoAccountant = (ctx: PlanContext, periodsOf: Periods): Accountant => {
  const memo = new Map<string, ReadingEmissions | undefined>();
  return (quantity, ts) => {
    const when = readingDateOf(periodsOf(ts).day);
    const key = `${when.date}|${quantity}`;
    if (memo.has(key)) return memo.get(key);
    let result: ReadingEmissions | undefined;
    try {
      result = readingEmissions(ctx.meter, quantity, when, ctx.library, ctx.accounting);
    } catch (error) {
      if (!(error instanceof FixedPointRangeError)) throw error;
    }
    memo.set(key, result);
    return result;
  };
};

/** The quantity in the canonical unit, as it will be stored. */
const canonicalOf = (ctx: PlanContext, result: ReadingEmissions | undefined): number | undefined =>
  result === undefined
    ? undefined
    : Number(result.figures[quantityFigure(ctx.meter.energyType)] ?? 0) / QUANTITY_SCALE;

const HOUR_MS = 3_600_000;
const emptySteps = (): Steps => ({
  accounted: [],
  acceptedTs: [],
  conflicts: [],
  newRegisters: [],
  used: new Set(),
  rejected: [],
});

const indexOf = (ctx: PlanContext, reading: Reading) => ctx.batch.readings.indexOf(reading);

const reject = (
  ctx: PlanContext,
  reading: Reading,
  field: 'quantity' | 'register',
  problem: Pick<RejectedReading, 'reason' | 'message'>,
): RejectedReading => ({
  index: indexOf(ctx, reading),
  ts: Date.parse(reading.ts),
  path: `/readings/${indexOf(ctx, reading)}/${field}`,
  ...problem,
});

const unstorable = (value: number) => ({
  reason: 'unrepresentable' as const,
  message: `数值超出可存储范围 (${value} is outside what DynamoDB can store: 0 or 1e-130 … 1e126)`,
});

/** Interval readings: each quantity is its own; each is judged on its own. */
export const intervalSteps = (ctx: PlanContext, sorted: readonly Reading[], account: Accountant): Steps => {
  const steps = emptySteps();
  const hours = ctx.meter.expectedIntervalSeconds / 3600;
  for (const reading of sorted) {
    const ts = Date.parse(reading.ts);
    const quantity = reading.quantity ?? 0;
    if (!isStorableNumber(quantity)) {
      steps.rejected.push(reject(ctx, reading, 'quantity', unstorable(quantity)));
      continue;
    }
    const problem = quantityProblem(ctx, quantity, canonicalOf(ctx, account(quantity, ts)), hours);
    if (problem) {
      steps.rejected.push(reject(ctx, reading, 'quantity', problem));
      continue;
    }
    steps.accounted.push({ ts, quantity, sign: 1 });
    steps.acceptedTs.push(ts);
  }
  return steps;
};

/** A register reading the meter cannot have shown, judged before its deltas. */
const registerProblem = (ctx: PlanContext, value: number) => {
  if (!isStorableNumber(value)) return unstorable(value);
  const rollover = ctx.meter.rolloverValue;
  if (rollover === undefined || value <= rollover || ctx.acceptImplausible) return undefined;
  return {
    reason: 'absurd value' as const,
    message: `计数器读数超过翻转值 (register ${value} is above the rollover value ${rollover})`,
  };
};

type RegisterVerdict =
  | { kind: 'duplicate' | 'conflict' }
  | { kind: 'rejected'; rejection: RejectedReading }
  | { kind: 'accepted'; accounted: Accounted[] };

/** One register reading against the readings known so far. */
const judgeRegister = (
  ctx: PlanContext,
  reading: Reading,
  next: RegisterReading,
  known: readonly RegisterReading[],
  account: Accountant,
): RegisterVerdict => {
  const invalid = registerProblem(ctx, next.value);
  if (invalid) return { kind: 'rejected', rejection: reject(ctx, reading, 'register', invalid) };
  const outcome = applyReading(known, next, ctx.meter.rolloverValue);
  if (outcome.kind === 'duplicate' || outcome.kind === 'conflict') return { kind: outcome.kind };
  if (outcome.kind === 'first') return { kind: 'accepted', accounted: [] };
  const problem = deltasProblem(ctx, outcome.add, known, account);
  if (problem) return { kind: 'rejected', rejection: reject(ctx, reading, 'register', problem) };
  return {
    kind: 'accepted',
    accounted: [
      ...outcome.add.map((d) => ({ ...d, sign: 1 as const })),
      ...outcome.remove.map((d) => ({ ...d, sign: -1 as const })),
    ],
  };
};

/** Cumulative registers: deltas against the stored readings either side; a reading is refused with its deltas. */
export const registerSteps = (
  ctx: PlanContext,
  sorted: readonly Reading[],
  state: ChunkState,
  periodsOf: Periods,
  account: Accountant,
): Steps => {
  const steps = emptySteps();
  const hourOf = new Map<number, string>();
  const known: RegisterReading[] = state.hours.flatMap((h) =>
    h.registers.map((r) => {
      hourOf.set(r.ts, h.hour);
      return r;
    }),
  );
  for (const reading of sorted) {
    const next: RegisterReading = { ts: Date.parse(reading.ts), value: reading.register ?? Number.NaN };
    const verdict = judgeRegister(ctx, reading, next, known, account);
    if (verdict.kind === 'conflict') steps.conflicts.push(next.ts);
    if (verdict.kind === 'rejected') steps.rejected.push(verdict.rejection);
    if (verdict.kind !== 'accepted') continue;
    steps.accounted.push(...verdict.accounted);
    for (const neighbour of neighboursOf(known, next.ts)) steps.used.add(hourOf.get(neighbour.ts) ?? '');
    known.push(next);
    hourOf.set(next.ts, periodsOf(next.ts).hour);
    steps.newRegisters.push(next);
    steps.acceptedTs.push(next.ts);
  }
  return steps;
};

/** The first problem of the deltas a register reading would add, each judged over its own gap. */
const deltasProblem = (
  ctx: PlanContext,
  deltas: readonly Delta[],
  known: readonly RegisterReading[],
  account: Accountant,
) => {
  for (const d of deltas) {
    const canonical = canonicalOf(ctx, account(d.quantity, d.ts));
    const problem = quantityProblem(ctx, d.quantity, canonical, gapHours(known, d.ts), d.flag);
    if (problem) return problem;
  }
  return undefined;
};

/** Hours from the stored reading before `ts` (one hour when there is none). */
const gapHours = (known: readonly RegisterReading[], ts: number): number => {
  const prev = known.filter((r) => r.ts < ts).reduce((a, r) => Math.max(a, r.ts), Number.NEGATIVE_INFINITY);
  return Number.isFinite(prev) ? (ts - prev) / HOUR_MS : 1;
};

/** The stored readings just before and just after an instant. */
const neighboursOf = (known: readonly RegisterReading[], ts: number): RegisterReading[] => {
  let prev: RegisterReading | undefined;
  let next: RegisterReading | undefined;
  for (const r of known) {
    if (r.ts < ts && (prev === undefined || r.ts > prev.ts)) prev = r;
    if (r.ts > ts && (next === undefined || r.ts < next.ts)) next = r;
  }
  return [prev, next].filter((r): r is RegisterReading => r !== undefined);
};
