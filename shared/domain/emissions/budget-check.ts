import { monthsOfYear } from './period-range.ts';
import { CITY_ID, type RollupLevel } from './rollup-model.ts';

/**
 * Carbon budgets and the alerts they raise. A budget caps one target's location-based tCO2e
 * (rollup `co2eT`) over a calendar year (`2026`) or month (`2026-11`), local time. A warning is
 * due at total ≥ warningRatio × limit, a breach at total ≥ limit; a total over the limit owes both.
 *
 * The check is level-triggered, not edge-triggered: it asks "at or over the threshold, and no
 * alert yet?" and raises with a conditional put on a deterministic key (`<kind>#<period>`). So one
 * crossing raises ONE alert however many readings follow, a retried check changes nothing, and a
 * crash between an ingest and its check is healed by the next message's check.
 */

export const BUDGET_LEVELS = ['enterprise', 'industry', 'city'] as const satisfies readonly RollupLevel[];
export type BudgetLevel = (typeof BUDGET_LEVELS)[number];
export const BUDGET_ALERT_KINDS = ['budgetWarning', 'budgetBreach'] as const;
export type BudgetAlertKind = (typeof BUDGET_ALERT_KINDS)[number];
export const DEFAULT_WARNING_RATIO = 0.8;

export interface BudgetKey {
  level: BudgetLevel;
  targetId: string;
  /** `2026` (year) or `2026-11` (month). */
  period: string;
}

export interface BudgetRecord extends BudgetKey {
  limitTonnes: number;
  warningRatio: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface PeriodTotal extends BudgetKey {
  /** Location-based tCO2e of the target over the period. */
  co2eT: number;
}

export interface BudgetAlert {
  kind: BudgetAlertKind;
  level: BudgetLevel;
  targetId: string;
  period: string;
  raisedAt: string;
  /** The total when the alert was raised, tCO2e. */
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
  const used = `${round(total, 3)} / ${budget.limitTonnes} tCO2e，${round((total / budget.limitTonnes) * 100, 1)}%`;
  return kind === 'budgetBreach'
    ? `${who} 碳排放已超出预算（${used}）`
    : `${who} 碳排放已达预算预警线 ${round(budget.warningRatio * 100, 1)}%（${used}）`;
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
  const totalByKey = new Map(totals.map((total) => [keyOf(total), total.co2eT]));
  return budgets.flatMap((budget) => {
    const total = totalByKey.get(keyOf(budget)) ?? 0;
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
        raisedAt: now.toISOString(),
        value: total,
        limit: budget.limitTonnes,
        threshold,
        message: messageFor(kind, budget, total),
      }));
  });
};

/** What checkBudgets needs from storage (the DynamoDB adapter is carbon-read-store.ts). */
export interface BudgetCheckPorts {
  /** The budgets that exist among these keys (absent ones are left out). */
  readBudgets(keys: readonly BudgetKey[]): Promise<BudgetRecord[]>;
  /** Month rollup totals (`period` is a month); months without a rollup may be left out. */
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
  const monthKeys = new Map<string, BudgetKey>();
  for (const budget of budgets) {
    const months = budget.period.length === 4 ? monthsOfYear(budget.period) : [budget.period];
    for (const month of months) {
      const key = { level: budget.level, targetId: budget.targetId, period: month };
      monthKeys.set(keyOf(key), key);
    }
  }
  const monthTotals = await ports.readMonthTotals([...monthKeys.values()]);
  const byKey = new Map(monthTotals.map((total) => [keyOf(total), total.co2eT]));
  return budgets.map((budget) => {
    const months = budget.period.length === 4 ? monthsOfYear(budget.period) : [budget.period];
    const co2eT = months.reduce(
      (sum, month) => sum + (byKey.get(keyOf({ ...budget, period: month })) ?? 0),
      0,
    );
    return { level: budget.level, targetId: budget.targetId, period: budget.period, co2eT };
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
  const keys = targets.flatMap(([level, targetId]) => periods.map((period) => ({ level, targetId, period })));
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
