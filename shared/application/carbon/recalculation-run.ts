import { addDays } from '../../domain/calendar/local-date.ts';
import type { AccountingDefaults } from '../../domain/carbon/accounting/accounting-context.ts';
import type { FactorLibrary } from '../../domain/carbon/accounting/factors.ts';
import { currentAccounting } from '../../domain/carbon/rollups/logged-accounting.ts';
import {
  addTotals,
  MAX_RECALC_ATTEMPTS,
  type RecalcTotals,
  type RecalculationRecord,
  totalsOfFigures,
  type UnitResult,
  zeroTotals,
} from '../../domain/carbon/rollups/recalculation-model.ts';
import {
  type AccountingChoice,
  asLogged,
  type HourOutcome,
  recomputeHour,
} from '../../domain/carbon/rollups/recompute-hour.ts';
import { localPeriodsOf } from '../../domain/carbon/rollups/rollup-model.ts';
import type { EnterpriseRecord, MeterRecord } from '../../domain/registry/records.ts';
import type { JobRunStore } from '../../ports/job-run-store.ts';
import type { RecalculationStore } from '../../ports/recalculation-store.ts';
import type { RegistryReader } from '../../ports/registry-store.ts';
import { type ProgressSink, runCheckpointed } from '../jobs/run-checkpointed.ts';
import { allMeters } from '../registry/registry-lists.ts';

/**
 * Runs one recalculation (recalculation-model.ts) as a checkpointed job: one unit per meter and
 * local day of the month, up to the day of its cutoff. A unit reads the meter's hour items of the
 * day (with their batch logs), recomputes each closed hour, and writes each hour that changed in one
 * transaction that lands only on an item unchanged since the read and not yet corrected by this
 * recalculation — so a unit re-run after a crash, or run while the ingest writes, counts nothing
 * twice. Its result (before, after, difference) is stored under the recalculation.
 */

export const RECALCULATION_JOB = 'recalculation';
/** Re-reads of a day whose items changed under the unit (the ingest wrote a late reading). */
const MAX_UNIT_ATTEMPTS = 8;

export interface RecalculationDeps {
  store: RecalculationStore;
  registry: Pick<RegistryReader, 'listMeters' | 'getEnterprise'>;
  runs: JobRunStore;
  library: FactorLibrary;
  /** The deployment's accounting now (for `accounting: current`). */
  accounting: AccountingDefaults;
  timeZone: string;
  now: () => Date;
  progress?: ProgressSink;
}

/** The local days of a month, up to and including `lastDay`. */
export const daysOfMonthUntil = (month: string, lastDay: string): string[] => {
  const days: string[] = [];
  for (let day = `${month}-01`; day.startsWith(month) && day <= lastDay; day = addDays(day, 1))
    days.push(day);
  return days;
};

const metersInScope = async (deps: RecalculationDeps, record: RecalculationRecord) =>
  record.scope.level === 'city'
    ? allMeters(deps.registry)
    : allMeters(deps.registry, { enterpriseId: record.scope.id });

export const runRecalculation = async (deps: RecalculationDeps, record: RecalculationRecord) => {
  const meters = await metersInScope(deps, record);
  const firstOpenHour = localPeriodsOf(new Date(record.cutoff), deps.timeZone).hour;
  const days = daysOfMonthUntil(record.period, firstOpenHour.slice(0, 10));
  const choose = await accountingChoice(deps, record, meters);
  const units = meters.flatMap((meter) =>
    days.map((day) => ({
      id: `${meter.id}#${day}`,
      run: () => recalculateUnit({ deps, record, meter, day, firstOpenHour, choose }),
    })),
  );
  const attempts = (record.attempts ?? 0) + 1;
  await deps.store.update(record.id, {
    status: 'running',
    totalUnits: units.length,
    attempts,
    ...(record.startedAt ? {} : { startedAt: deps.now().toISOString() }),
  });
  try {
    const outcome = await runCheckpointed({
      job: RECALCULATION_JOB,
      period: record.id,
      units,
      store: deps.runs,
      now: deps.now,
      ...(deps.progress ? { progress: deps.progress } : {}),
    });
    await deps.store.update(record.id, { status: 'succeeded', finishedAt: deps.now().toISOString() });
    return outcome;
  } catch (error) {
    // Queued again, it resumes from its checkpoint on the next run (an outage, a throttled table);
    // after MAX_RECALC_ATTEMPTS it stays failed for an admin to look at.
    const message = error instanceof Error ? error.message : String(error);
    const final = attempts >= MAX_RECALC_ATTEMPTS;
    await deps.store.update(record.id, {
      status: final ? 'failed' : 'queued',
      error: message,
      ...(final ? { finishedAt: deps.now().toISOString() } : {}),
    });
    throw error;
  }
};

/** As logged, or as configured now (each meter under its enterprise's programme). */
const accountingChoice = async (
  deps: RecalculationDeps,
  record: RecalculationRecord,
  meters: readonly MeterRecord[],
): Promise<(meter: MeterRecord) => AccountingChoice> => {
  if (record.accounting === 'as-logged') return () => asLogged;
  const enterprises = new Map<string, EnterpriseRecord | undefined>();
  for (const id of new Set(meters.map((m) => m.enterpriseId)))
    enterprises.set(id, await deps.registry.getEnterprise(id));
  return (meter) => (_entry, activityMeter) => ({
    ok: true,
    value: currentAccounting(deps.accounting, activityMeter, enterprises.get(meter.enterpriseId)),
  });
};

interface UnitRun {
  deps: RecalculationDeps;
  record: RecalculationRecord;
  meter: MeterRecord;
  day: string;
  firstOpenHour: string;
  choose: (meter: MeterRecord) => AccountingChoice;
}

const newUnit = (run: UnitRun): UnitResult => ({
  meterId: run.meter.id,
  enterpriseId: run.meter.enterpriseId,
  industryCode: run.meter.industryCode,
  day: run.day,
  before: zeroTotals(),
  after: zeroTotals(),
  hours: { changed: 0, unchanged: 0, skipped: {} },
  previousRefs: [],
  factorRefs: [],
  problems: [],
});

const recalculateUnit = async (run: UnitRun) => {
  for (let attempt = 1; attempt <= MAX_UNIT_ATTEMPTS; attempt += 1) {
    const unit = await tryUnit(run);
    if (unit === 'changed') continue;
    await run.deps.store.putUnit(run.record.id, unit);
    return { hoursChanged: unit.hours.changed };
  }
  throw new Error(`${run.meter.id} ${run.day}: its hour items kept changing under the recalculation`);
};

interface UnitTally {
  unit: UnitResult;
  previous: Set<string>;
  current: Set<string>;
}

const count = (tally: UnitTally, before: RecalcTotals, after: RecalcTotals, refs: [string[], string[]]) => {
  tally.unit.before = addTotals(tally.unit.before, before);
  tally.unit.after = addTotals(tally.unit.after, after);
  for (const ref of refs[0]) tally.previous.add(ref);
  for (const ref of refs[1]) tally.current.add(ref);
};

/** One pass over the day; 'changed' when an item moved under it (the pass is then made again). */
const tryUnit = async (run: UnitRun): Promise<UnitResult | 'changed'> => {
  const tally: UnitTally = { unit: newUnit(run), previous: new Set(), current: new Set() };
  for (const stored of await run.deps.store.readMeterDay(run.meter.id, run.day)) {
    if ((await settleHour(run, stored, tally)) === 'changed') return 'changed';
  }
  const { unit } = tally;
  unit.previousRefs = [...tally.previous].sort();
  unit.factorRefs = [...tally.current].sort();
  unit.problems = unit.problems.slice(0, 10);
  return unit;
};

/** Recomputes one hour and writes its difference when there is one. */
const settleHour = async (
  run: UnitRun,
  stored: Awaited<ReturnType<RecalculationStore['readMeterDay']>>[number],
  tally: UnitTally,
): Promise<'changed' | undefined> => {
  const { deps, record } = run;
  const { unit } = tally;
  const outcome: HourOutcome = recomputeHour({
    recalcId: record.id,
    hour: stored,
    meter: run.meter,
    library: deps.library,
    accountingOf: run.choose(run.meter),
    firstOpenHour: run.firstOpenHour,
  });
  if (outcome.kind === 'skipped') {
    unit.hours.skipped[outcome.reason] = (unit.hours.skipped[outcome.reason] ?? 0) + 1;
    if (outcome.detail) unit.problems.push(`${stored.hour}: ${outcome.detail}`);
    return undefined;
  }
  if (outcome.kind === 'applied') {
    const { log } = outcome;
    count(tally, log.before, log.after, [log.previousRefs, log.factorRefs]);
    unit.hours.changed += 1;
    return undefined;
  }
  const before = totalsOfFigures(outcome.before);
  const after = totalsOfFigures(outcome.after);
  count(tally, before, after, [outcome.previousRefs, outcome.factorRefs]);
  if (!outcome.changed) {
    unit.hours.unchanged += 1;
    return undefined;
  }
  const written = await deps.store.applyCorrection({
    recalcId: record.id,
    // Where the hour's entries were booked, as the ingest and the import decided (recorded only or counted).
    meter: outcome.recordedOnly ? { ...run.meter, recordedOnly: true } : run.meter,
    hour: stored.hour,
    ...(stored.feedMonth === undefined ? {} : { feedMonth: stored.feedMonth }),
    expectedLv: stored.lv,
    difference: outcome.difference,
    factorRefs: outcome.factorRefs,
    log: {
      id: record.id,
      at: deps.now().toISOString(),
      accounting: record.accounting,
      before,
      after,
      factorRefs: outcome.factorRefs,
      previousRefs: outcome.previousRefs,
      ...(record.accounting === 'current' && outcome.restatement ? { restatedAs: outcome.restatement } : {}),
    },
  });
  if (written === 'changed') return 'changed';
  unit.hours.changed += 1;
  return undefined;
};
