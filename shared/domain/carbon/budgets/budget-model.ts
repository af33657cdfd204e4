import type { RollupLevel } from '../rollups/rollup-model.ts';

/**
 * Carbon and energy budgets (the dual control of 双控: carbon in tCO2e and energy in tce). A budget
 * caps one target's total of one metric over a calendar year (`2026`) or month (`2026-11`), local
 * time: `co2e` the location-based tCO2e (rollup `co2eT`), `tce` the energy consumption (rollup `tce`).
 *
 * Layout (carbon table): pk `BUDGET#<level>#<id>`, sk `<period>` for co2e (as before metrics
 * existed) and `<period>#tce` for tce; gsi1 `BUDGETS` / `<level>#<id>#<period>[#tce]`. Alerts are
 * keyed per metric too (alert-writer.ts): `<kind>#<period>` and `<kind>#tce#<period>`.
 */

export const BUDGET_LEVELS = ['enterprise', 'industry', 'city'] as const satisfies readonly RollupLevel[];
export type BudgetLevel = (typeof BUDGET_LEVELS)[number];
export const BUDGET_METRICS = ['co2e', 'tce'] as const;
export type BudgetMetric = (typeof BUDGET_METRICS)[number];
export const DEFAULT_BUDGET_METRIC: BudgetMetric = 'co2e';
export const DEFAULT_WARNING_RATIO = 0.8;

export interface BudgetKey {
  level: BudgetLevel;
  targetId: string;
  /** `2026` (year) or `2026-11` (month). */
  period: string;
  /** Absent: co2e (budgets written before tce budgets existed). */
  metric?: BudgetMetric;
}

export interface BudgetRecord extends BudgetKey {
  metric: BudgetMetric;
  /** The cap, in tCO2e or tce as `metric` says. */
  limitTonnes: number;
  warningRatio: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** A target's totals over a budget period: both metrics, as the rollups hold them. */
export interface PeriodTotal extends BudgetKey {
  /** Location-based tCO2e. */
  co2eT: number;
  /** Energy consumption, tce. */
  tce: number;
}

export const metricOf = (key: Pick<BudgetKey, 'metric'>): BudgetMetric => key.metric ?? DEFAULT_BUDGET_METRIC;

/** The unit of a metric's figures, as messages and reports print it. */
export const METRIC_UNITS: Readonly<Record<BudgetMetric, string>> = { co2e: 'tCO2e', tce: 'tce' };

/** zh-CN: what a metric measures (碳排放 / 能耗). */
export const METRIC_LABELS: Readonly<Record<BudgetMetric, string>> = { co2e: '碳排放', tce: '能耗' };

/** The total of a metric. */
export const totalOf = (total: Pick<PeriodTotal, 'co2eT' | 'tce'>, metric: BudgetMetric): number =>
  metric === 'tce' ? total.tce : total.co2eT;

/** The sort key of a budget within its target: the period, and `#tce` for an energy budget. */
export const budgetSortKey = (key: BudgetKey): string =>
  metricOf(key) === 'co2e' ? key.period : `${key.period}#${metricOf(key)}`;
