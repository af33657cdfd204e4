import { monthsOfYear } from '../rollups/period-range.ts';
import { CITY_ID } from '../rollups/rollup-model.ts';
import {
  type BudgetKey,
  type BudgetLevel,
  type BudgetMetric,
  type BudgetRecord,
  METRIC_LABELS,
  METRIC_UNITS,
  type PeriodTotal,
  totalOf,
} from './budget-model.ts';

export * from './budget-model.ts';

/**
 * Budgets (budget-model.ts) and the alerts they raise. A warning is due at total ≥ warningRatio ×
 * limit, a breach at total ≥ limit; a total over the limit owes both — per metric: a tce budget
 * raises its own alerts beside the tCO2e one.
 *
 * The check is level-triggered, not edge-triggered: it asks "at or over the threshold, and no
 * alert yet?" and raises with a conditional put on a deterministic key (`<kind>#[tce#]<period>`). So
 * one crossing raises ONE alert however many readings follow, a retried check changes nothing, and
 * a crash between an ingest and its check is healed by the next message's check.
 */

export const BUDGET_ALERT_KINDS = ['budgetWarning', 'budgetBreach'] as const;
export type BudgetAlertKind = (typeof BUDGET_ALERT_KINDS)[number];

export interface BudgetAlert {
  kind: BudgetAlertKind;
  level: BudgetLevel;
  targetId: string;
  period: string;
  /** Which budget: tCO2e or tce. */
  metric: BudgetMetric;
  raisedAt: string;
  /** The total when the alert was raised, in the metric's unit. */
  value: number;
  limit: number;
  /** The threshold crossed: warningRatio × limit, or the limit. */
  threshold: number;
  message: string;
}

const LEVEL_LABELS: Record<BudgetLevel, string> = { enterprise: '企业', industry: '行业', city: '全市' };

const keyOf = (key: BudgetKey): string => `${key.level}#${key.targetId}#${key.period}`;
const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

const messageFor = (kind: BudgetAlertKind, budget: BudgetRecord, total: number): string => {
  const who = `${LEVEL_LABELS[budget.level]} ${budget.targetId} ${budget.period}`;
  const what = METRIC_LABELS[budget.metric];
  const used = `${round(total, 3)} / ${budget.limitTonnes} ${METRIC_UNITS[budget.metric]}，${round((total / budget.limitTonnes) * 100, 1)}%`;
  return kind === 'budgetBreach'
    ? `${who} ${what}已超出预算（${used}）`
    : `${who} ${what}已达预算预警线 ${round(budget.warningRatio * 100, 1)}%（${used}）`;
};

/**
 * The budget alerts that should exist for these totals: for each budget with a total, a warning at
 * ≥ warningRatio × limit and a breach at ≥ limit. A budget without a total counts as zero used.
 */
export const budgetAlertsFor = (
  totals: readonly PeriodTotal[],
  budgets: readonly BudgetRecord[],
  now: Date,
): BudgetAlert[] => {
  const totalByKey = new Map(totals.map((total) => [keyOf(total), total]));
  return budgets.flatMap((budget) => {
    const found = totalByKey.get(keyOf(budget));
    const total = found === undefined ? 0 : totalOf(found, budget.metric);
    const thresholds: [BudgetAlertKind, number][] = [
      ['budgetWarning', budget.warningRatio * budget.limitTonnes],
      ['budgetBreach', budget.limitTonnes],
    ];
    return thresholds
      .filter(([, threshold]) => total >= threshold && total > 0)
      .map(([kind, threshold]) => ({
        kind,
        level: budget.level,
        targetId: budget.targetId,
        period: budget.period,
        metric: budget.metric,
        raisedAt: now.toISOString(),
        value: total,
        limit: budget.limitTonnes,
        threshold,
        message: messageFor(kind, budget, total),
      }));
  });
};

const BUDGET_METRIC_KEYS: readonly BudgetMetric[] = ['co2e', 'tce'];

/** What checkBudgets needs from storage (the DynamoDB adapter is carbon-read-store.ts). */
export interface BudgetCheckPorts {
  /** The budgets that exist among these keys (absent ones are left out). */
  readBudgets(keys: readonly BudgetKey[]): Promise<BudgetRecord[]>;
  /** Month rollup totals of both metrics (`period` is a month); months without a rollup may be left out. */
  readMonthTotals(keys: readonly BudgetKey[]): Promise<PeriodTotal[]>;
  /** Puts the alert unless one with its key exists; true when this call raised it. */
  raiseAlert(alert: BudgetAlert): Promise<boolean>;
}

export interface BudgetCheckDeps extends BudgetCheckPorts {
  now: () => Date;
}

export interface BudgetCheckInput {
  enterpriseId: string;
  industryCode: string;
  /** Local periods the applied message touched (hours, days or months); their months and years are checked. */
  periods: readonly string[];
}

/** Months and years (budget periods) covering the given local period labels. */
export const budgetPeriodsOf = (periods: readonly string[]): string[] => {
  const months = new Set(periods.map((period) => period.slice(0, 7)).filter((p) => /^\d{4}-\d{2}$/.test(p)));
  const years = new Set([...months].map((month) => month.slice(0, 4)));
  return [...years, ...months];
};

/** Totals for budget periods: a month is its rollup, a year the sum of its 12 month rollups. */
const totalsFor = async (
  ports: BudgetCheckPorts,
  budgets: readonly BudgetRecord[],
): Promise<PeriodTotal[]> => {
  const monthsOf = (period: string) => (period.length === 4 ? monthsOfYear(period) : [period]);
  const monthKeys = new Map<string, BudgetKey>();
  for (const budget of budgets) {
    for (const month of monthsOf(budget.period)) {
      const key = { level: budget.level, targetId: budget.targetId, period: month };
      monthKeys.set(keyOf(key), key);
    }
  }
  const monthTotals = await ports.readMonthTotals([...monthKeys.values()]);
  const byKey = new Map(monthTotals.map((total) => [keyOf(total), total]));
  const targets = new Map(
    budgets.map((b) => [keyOf(b), { level: b.level, targetId: b.targetId, period: b.period }]),
  );
  return [...targets.values()].map((target) => {
    const months = monthsOf(target.period).map((month) => byKey.get(keyOf({ ...target, period: month })));
    const sum = (pick: (t: PeriodTotal) => number) =>
      months.reduce((acc, month) => acc + (month === undefined ? 0 : pick(month)), 0);
    return { ...target, co2eT: sum((t) => t.co2eT), tce: sum((t) => t.tce) };
  });
};

/**
 * Raises the budget alerts due for the enterprise, its industry and the city in the periods an
 * ingested message touched. Reads only budgets first, so a message for a target without budgets
 * costs one batch read. Returns the alerts this call raised (empty when they already existed).
 */
export const checkBudgets = async (
  deps: BudgetCheckDeps,
  input: BudgetCheckInput,
): Promise<BudgetAlert[]> => {
  const targets: [BudgetLevel, string][] = [
    ['enterprise', input.enterpriseId],
    ['industry', input.industryCode],
    ['city', CITY_ID],
  ];
  const periods = budgetPeriodsOf(input.periods);
  const keys = targets.flatMap(([level, targetId]) =>
    periods.flatMap((period) => BUDGET_METRIC_KEYS.map((metric) => ({ level, targetId, period, metric }))),
  );
  if (keys.length === 0) return [];
  const budgets = await deps.readBudgets(keys);
  if (budgets.length === 0) return [];
  const due = budgetAlertsFor(await totalsFor(deps, budgets), budgets, deps.now());
  const raised: BudgetAlert[] = [];
  for (const alert of due) {
    if (await deps.raiseAlert(alert)) raised.push(alert);
  }
  return raised;
};
