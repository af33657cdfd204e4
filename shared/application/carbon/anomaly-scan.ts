import {
  DEFAULT_ANOMALY_THRESHOLDS,
  judgeHour,
  projectMonthEnd,
} from '../../domain/carbon/anomalies/anomaly.ts';
import { meterAnomalyAlert, projectedBreachAlert } from '../../domain/carbon/anomalies/anomaly-alerts.ts';
import {
  hoursEndingWith,
  monthProgressAt,
  sameHourInEarlierWeeks,
} from '../../domain/carbon/anomalies/anomaly-hours.ts';
import { BUDGET_METRICS, type BudgetMetric } from '../../domain/carbon/budgets/budget-model.ts';
import type { RollupItem } from '../../domain/carbon/rollups/emission-series.ts';
import { periodUtcRange } from '../../domain/carbon/rollups/period-range.ts';
import { co2eTonnesOf, tceOf } from '../../domain/carbon/rollups/rollup-figures.ts';
import type { EnterpriseRecord, MeterRecord } from '../../domain/registry/records.ts';
import type { AlertWriter } from '../../ports/alert-writer.ts';
import type { AlertReader, BudgetStore, RollupReader } from '../../ports/carbon-read-store.ts';
import type { JobRunStore } from '../../ports/job-run-store.ts';
import type { RegistryReader } from '../../ports/registry-store.ts';
import { type ProgressSink, runCheckpointed } from '../jobs/run-checkpointed.ts';
import { allEnterprises, allMeters } from '../registry/registry-lists.ts';
import { type BreachCaseDeps, openBreachCase } from './breach-case.ts';

/**
 * The hourly anomaly scan for one local hour. One checkpointed unit per enterprise judges each of its
 * active meters against the same hour in the previous weeks and checks the enterprise's month-end
 * projection against its month budget; a last unit opens a case for each budget breach of the month.
 * Reads are meter-level hour rollups (meters × 14 hour labels) and month rollups, never readings.
 * Every effect is a put-if-absent on a deterministic key, so a re-run or a resumed run adds nothing.
 */

export const HISTORY_WEEKS = 8;

export interface AnomalyScanDeps {
  registry: Pick<RegistryReader, 'listEnterprises' | 'listMeters'>;
  rollups: Pick<RollupReader, 'readPeriod'>;
  budgets: Pick<BudgetStore, 'readBudgets'>;
  alerts: AlertWriter;
  breaches: AlertReader;
  breachCases: BreachCaseDeps;
  runs: JobRunStore;
  timeZone: string;
  now: () => Date;
  progress?: ProgressSink;
}

export interface AnomalyScanRun {
  job: string;
  /** The local hour judged, e.g. `2026-11-28T14`. */
  hour: string;
}

export const runAnomalyScan = async (deps: AnomalyScanDeps, run: AnomalyScanRun) => {
  const enterprises = await allEnterprises(deps.registry);
  const meters = await allMeters(deps.registry, { status: 'active' });
  const progress = monthProgressAt(run.hour, deps.timeZone);
  // Month budgets of both metrics (tCO2e and tce): each is projected on its own.
  const budgets = new Map<string, Partial<Record<BudgetMetric, number>>>();
  const read = await deps.budgets.readBudgets(
    enterprises.flatMap((e) =>
      BUDGET_METRICS.map((metric) => ({
        level: 'enterprise' as const,
        targetId: e.id,
        period: progress.month,
        metric,
      })),
    ),
  );
  for (const budget of read)
    budgets.set(budget.targetId, { ...budgets.get(budget.targetId), [budget.metric]: budget.limitTonnes });
  const monthTotals = await deps.rollups.readPeriod(
    'enterprise',
    [...budgets.keys()],
    'month',
    progress.month,
  );
  const scan: ScanContext = {
    deps,
    hour: run.hour,
    history: sameHourInEarlierWeeks(run.hour, HISTORY_WEEKS),
    recent: hoursEndingWith(run.hour, DEFAULT_ANOMALY_THRESHOLDS.flatRunHours, deps.timeZone),
    progress,
    budgets,
    monthTotals,
  };
  const metersOf = Map.groupBy(meters, (meter) => meter.enterpriseId);
  const enterpriseUnits = enterprises
    .map((enterprise) => ({ enterprise, meters: metersOf.get(enterprise.id) ?? [] }))
    .filter(({ enterprise, meters }) => meters.length > 0 || budgets.has(enterprise.id))
    .map(({ enterprise, meters }) => ({
      id: `enterprise:${enterprise.id}`,
      run: () => scanEnterprise(scan, enterprise, meters),
    }));
  const caseUnit = { id: 'breachCases', run: () => openBreachCases(scan, enterprises) };
  return runCheckpointed({
    job: run.job,
    period: run.hour,
    units: [...enterpriseUnits, caseUnit],
    store: deps.runs,
    now: deps.now,
    ...(deps.progress ? { progress: deps.progress } : {}),
  });
};

interface ScanContext {
  deps: AnomalyScanDeps;
  hour: string;
  history: string[];
  recent: string[];
  progress: ReturnType<typeof monthProgressAt>;
  budgets: Map<string, Partial<Record<BudgetMetric, number>>>;
  monthTotals: Map<string, RollupItem>;
}

const co2eOf = (item: RollupItem | undefined): number | undefined =>
  item === undefined ? undefined : co2eTonnesOf(item);

/**
 * Only measurements are judged: an account meter's hours are its imported month spread flat
 * (docs/imports.md, "Readers"), so a flat run or a jump there says nothing about the plant — the scan
 * skips account meters (`source: feed`) and reads measured hours alone. A late or odd monthly file
 * is the import's plausibility check and the offline scan's business.
 */
const measured = (meters: readonly MeterRecord[]) => meters.filter((m) => m.source !== 'feed');

const scanEnterprise = async (scan: ScanContext, enterprise: EnterpriseRecord, all: MeterRecord[]) => {
  const { deps, hour } = scan;
  const meters = measured(all);
  const labels = [...new Set([...scan.history, ...scan.recent])];
  const ids = meters.map((m) => m.id);
  const byLabel = new Map(
    ids.length === 0
      ? []
      : await Promise.all(
          labels.map(
            async (label) =>
              [label, await deps.rollups.readPeriod('meter', ids, 'hour', label, { feeds: false })] as const,
          ),
        ),
  );
  const valueAt = (label: string, meterId: string) => co2eOf(byLabel.get(label)?.get(meterId));
  const raisedAt = deps.now().toISOString();
  let anomalies = 0;
  let raised = 0;
  for (const meter of meters) {
    const current = valueAt(hour, meter.id);
    // No item for the hour means no reading yet: silence is the offline alert's business, and late
    // readings may still arrive. A drop to zero is a meter that reports zeros.
    if (current === undefined) continue;
    const anomaly = judgeHour({
      current,
      sameHourHistory: scan.history.flatMap((label) => valueAt(label, meter.id) ?? []),
      // A missing hour breaks a flat run (NaN equals nothing).
      recentHours: scan.recent.map((label) => valueAt(label, meter.id) ?? Number.NaN),
    });
    if (anomaly === undefined) continue;
    anomalies += 1;
    if (await deps.alerts.raiseAlert(meterAnomalyAlert(meter, hour, anomaly, raisedAt))) raised += 1;
  }
  const projectedBreach = await checkProjection(scan, enterprise, raisedAt);
  return { meters: meters.length, anomalies, raised, projectedBreach };
};

/** Projects the month end of each metric the enterprise has a month budget of; true when one breaches. */
const checkProjection = async (scan: ScanContext, enterprise: EnterpriseRecord, raisedAt: string) => {
  const limits = scan.budgets.get(enterprise.id) ?? {};
  let breached = false;
  for (const metric of BUDGET_METRICS) {
    const limit = limits[metric];
    if (limit === undefined) continue;
    const item = scan.monthTotals.get(enterprise.id);
    const monthToDate = item === undefined ? 0 : metric === 'tce' ? tceOf(item) : co2eTonnesOf(item);
    const { month, elapsedHours, hoursInMonth } = scan.progress;
    const projection = projectMonthEnd(monthToDate, elapsedHours, hoursInMonth, limit);
    if (!projection?.projectedBreach) continue;
    await scan.deps.alerts.raiseAlert(
      projectedBreachAlert(enterprise, month, monthToDate, projection, limit, raisedAt, metric),
    );
    breached = true;
  }
  return breached;
};

/** Every enterprise budget breach raised since the judged hour's month began gets its case, once. */
const openBreachCases = async (scan: ScanContext, enterprises: EnterpriseRecord[]) => {
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  const from = periodUtcRange(scan.progress.month, scan.deps.timeZone).start.toISOString();
  const counts = { opened: 0, resumed: 0, alreadyOpen: 0 };
  let cursor: string | undefined;
  do {
    const page = await scan.deps.breaches.listAlerts({
      kind: 'budgetBreach',
      level: 'enterprise',
      from,
      limit: 100,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const alert of page.items) {
      const enterprise = byId.get(alert.targetId) ?? { id: alert.targetId, name: alert.targetId, uscc: '—' };
      counts[await openBreachCase(scan.deps.breachCases, alert, enterprise)] += 1;
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return counts;
};
