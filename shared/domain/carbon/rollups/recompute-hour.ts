import { AccountingError } from '../accounting/errors.ts';
import type { FactorLibrary } from '../accounting/factors.ts';
import { UnitConversionError } from './canonical-units.ts';
import { addExact, type Exact, multiplyExact } from './fixed-point.ts';
import { type LoggedEntry, loggedAccounting, loggedMeter, type Rebuilt } from './logged-accounting.ts';
import { type ActivityMeter, type MeterAccounting, readingDateOf } from './meter-accounting.ts';
import { readingEmissions, scaleFigures } from './reading-emissions.ts';
import type { RecalcLogEntry, Restatement } from './recalculation-model.ts';
import { addFigures, type RollupFigures } from './rollup-model.ts';

/**
 * One meter-hour recomputed from its batch log (the item's own entries and any overflow entries),
 * every quantity through the accounting engine again with today's library: the figures it should
 * hold now, against those it holds. Pure.
 */

export interface StoredMeterHour {
  hour: string;
  /** The item as stored: figures, `lv`, `recalcs`, `recalcLog`. */
  item: Record<string, unknown>;
  entries: readonly (LoggedEntry & {
    deltas: readonly { quantity: number; sign: 1 | -1 }[];
    /** The entry reached the meter's own rollups only (docs/imports.md, "Which source counts"). */
    recordedOnly?: boolean;
  })[];
}

export type HourOutcome =
  | {
      kind: 'recomputed';
      before: RollupFigures;
      after: RollupFigures;
      /** after − before for every figure either holds. */
      difference: RollupFigures;
      changed: boolean;
      /** The hour's entries reached the meter's own rollups only: so does the difference. */
      recordedOnly: boolean;
      previousRefs: string[];
      factorRefs: string[];
      /** What the new figures were accounted with (for the log line of a restatement). */
      restatement?: Restatement;
    }
  | { kind: 'applied'; log: RecalcLogEntry }
  | { kind: 'skipped'; reason: 'current-hour' | 'legacy-item' | 'not-replayable'; detail?: string };

/** Integer figures a rollup item sums (fixed point): what a recalculation may change. */
const FIGURE = /^((co2e|co2eMarket|scope1|scope2Location|scope2Market|tce)_mg|[eg]_.+_mg|tce_.+_mg|qc_.+)$/;
/** Doubles written before fixed point: such an item cannot be corrected by integer differences. */
const LEGACY = /^((co2e|co2eMarket|scope1|scope2Location|scope2Market)T|[eg]_.+T|q_.+)$/;

const asExact = (value: unknown): Exact =>
  typeof value === 'bigint' ? value : typeof value === 'number' && Number.isFinite(value) ? value : 0;

export const storedFigures = (item: Record<string, unknown>): RollupFigures =>
  Object.fromEntries(
    Object.entries(item)
      .filter(([name]) => FIGURE.test(name))
      .map(([name, value]) => [name, asExact(value)]),
  );

const hasLegacy = (item: Record<string, unknown>) => Object.keys(item).some((name) => LEGACY.test(name));

const refsOf = (value: unknown): string[] =>
  value instanceof Set ? [...value].map(String).sort() : Array.isArray(value) ? value.map(String).sort() : [];

/** The accounting each entry is recomputed with: what it names, or what is configured now. */
export type AccountingChoice = (entry: LoggedEntry, meter: ActivityMeter) => Rebuilt<MeterAccounting>;
export const asLogged: AccountingChoice = (entry, meter) => loggedAccounting(entry, meter);

export interface RecomputeInput {
  recalcId: string;
  hour: StoredMeterHour;
  /** The meter's registry record now (entries without a snapshot are rebuilt from it). */
  meter: ActivityMeter | undefined;
  library: FactorLibrary;
  accountingOf: AccountingChoice;
  /** The local hour the run started in: it and later hours are the ingest's. */
  firstOpenHour: string;
}

/** The latest restatement of the hour (an `accounting: current` recalculation), if any. */
const restatementOf = (lines: readonly RecalcLogEntry[]): Restatement | undefined =>
  lines.findLast((line) => line.restatedAs !== undefined)?.restatedAs;

const restatementFrom = (accounting: MeterAccounting): Restatement => ({
  method: accounting.location.method,
  gwpSet: accounting.location.gwpSet.id,
  ...(accounting.market
    ? { programme: accounting.location.programme, marketProgramme: accounting.market.programme }
    : {}),
});

/** Why the hour is not to be recomputed, if it is not. */
const notToRecompute = (input: RecomputeInput): HourOutcome | undefined => {
  const { hour } = input;
  if (hour.hour >= input.firstOpenHour) return { kind: 'skipped', reason: 'current-hour' };
  if (hasLegacy(hour.item)) return { kind: 'skipped', reason: 'legacy-item' };
  // Every message writes one entry per hour it reaches (`batches` counts them; corrections add
  // entries of their own): fewer entries than messages would recompute a part as the whole.
  const batches = typeof hour.item.batches === 'number' ? hour.item.batches : 0;
  if (hour.entries.length < batches)
    return {
      kind: 'skipped',
      reason: 'not-replayable',
      detail: `批次记录只有 ${hour.entries.length} 条，而消息有 ${batches} 条，无法完整重算 (batch log holds ${hour.entries.length} entries for ${batches} messages)`,
    };
  // Counted and recorded-only entries in one hour (the admin changed which source counts within
  // it): the stored figures cannot be split between the two, so the hour is not guessed at.
  if (new Set(hour.entries.map(bookedOnMeterOnly)).size > 1)
    return {
      kind: 'skipped',
      reason: 'not-replayable',
      detail:
        '本小时部分记录计入企业、部分只记在计量点，无法拆分重算 (the hour holds counted and recorded-only entries)',
    };
  return undefined;
};

const bookedOnMeterOnly = (entry: StoredMeterHour['entries'][number]) => entry.recordedOnly === true;

const differenceOf = (before: RollupFigures, after: RollupFigures): RollupFigures => {
  const difference: RollupFigures = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = addExact(after[name] ?? 0, multiplyExact(before[name] ?? 0, -1));
    if (d !== 0) difference[name] = d;
  }
  return difference;
};

export const recomputeHour = (input: RecomputeInput): HourOutcome => {
  const { hour } = input;
  const lines = (hour.item.recalcLog as RecalcLogEntry[] | undefined) ?? [];
  const done = lines.find((e) => e.id === input.recalcId);
  if (done) return { kind: 'applied', log: done };
  const refused = notToRecompute(input);
  if (refused) return refused;
  const after: RollupFigures = {};
  const refs = new Set<string>();
  // An hour restated before is recomputed as restated, never put back to what its log named.
  const restated = restatementOf(lines);
  let used: MeterAccounting | undefined;
  for (const entry of hour.entries) {
    const added = recomputeEntry(input, restated ? { ...entry, ...restated } : entry, after, refs);
    if (typeof added === 'string') return { kind: 'skipped', reason: 'not-replayable', detail: added };
    used = added;
  }
  const before = storedFigures(hour.item);
  const difference = differenceOf(before, after);
  return {
    kind: 'recomputed',
    before,
    after,
    difference,
    changed: Object.keys(difference).length > 0,
    recordedOnly: hour.entries.length > 0 && hour.entries.every(bookedOnMeterOnly),
    previousRefs: refsOf(hour.item.factorRefs),
    factorRefs: [...refs].sort(),
    ...(used ? { restatement: restatementFrom(used) } : {}),
  };
};

/** Adds one entry's recomputed figures: the accounting used, or the problem that stopped it. */
const recomputeEntry = (
  input: RecomputeInput,
  entry: StoredMeterHour['entries'][number],
  into: RollupFigures,
  refs: Set<string>,
): MeterAccounting | string => {
  const meter = loggedMeter(entry, input.meter);
  if (!meter.ok) return meter.problem;
  const accounting = input.accountingOf(entry, meter.value);
  if (!accounting.ok) return accounting.problem;
  const when = readingDateOf(input.hour.hour);
  try {
    for (const delta of entry.deltas) {
      const result = readingEmissions(meter.value, delta.quantity, when, input.library, accounting.value);
      addFigures(into, scaleFigures(result.figures, delta.sign));
      for (const ref of result.factorRefs) refs.add(ref);
    }
  } catch (error) {
    if (error instanceof AccountingError || error instanceof UnitConversionError) return error.message;
    throw error;
  }
  return accounting.value;
};
