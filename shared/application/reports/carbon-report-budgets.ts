import type { BudgetMetric, BudgetRecord } from '../../domain/carbon/budgets/budget-model.ts';
import { type EmissionFigures, figuresOf, sumFigures } from '../../domain/carbon/rollups/emission-series.ts';
import type { ReportSubject } from '../../domain/reports/carbon-report.ts';
import type { ReportGranularity } from '../../domain/reports/report-periods.ts';
import type { BudgetStore, RollupReader } from '../../ports/carbon-read-store.ts';

/**
 * The month budgets a carbon report shows, carbon (tCO2e) and energy (tce), each with what was used:
 * the month's total for a monthly report, the month to date for a daily one.
 */

interface BudgetPorts {
  budgets: Pick<BudgetStore, 'readBudgets'>;
  rollups: RollupReader;
}

export const monthBudgetsOf = async (
  deps: BudgetPorts,
  subject: ReportSubject,
  period: string,
): Promise<Partial<Record<BudgetMetric, BudgetRecord>>> => {
  const month = period.slice(0, 7);
  const found = await deps.budgets.readBudgets(
    (['co2e', 'tce'] as const).map((metric) => ({
      level: subject.level,
      targetId: subject.id,
      period: month,
      metric,
    })),
  );
  return Object.fromEntries(found.map((budget) => [budget.metric, budget]));
};

const usedInMonth = async (
  deps: BudgetPorts,
  subject: ReportSubject,
  granularity: ReportGranularity,
  period: string,
  current: EmissionFigures,
): Promise<EmissionFigures> => {
  if (granularity === 'month') return current;
  const monthStart = `${period.slice(0, 7)}-01`;
  const days = await deps.rollups.readSeries(subject.level, subject.id, 'day', monthStart, period);
  return sumFigures([...days.values()].map(figuresOf));
};

/** `budget` (tCO2e) and `energyBudget` (tce) of the report input, each present when set. */
export const budgetsWithUse = async (
  deps: BudgetPorts,
  subject: ReportSubject,
  granularity: ReportGranularity,
  period: string,
  current: EmissionFigures,
  budgets: Partial<Record<BudgetMetric, BudgetRecord>>,
) => {
  if (budgets.co2e === undefined && budgets.tce === undefined) return {};
  const used = await usedInMonth(deps, subject, granularity, period, current);
  const shape = (budget: BudgetRecord, usedTonnes: number) => ({
    limitTonnes: budget.limitTonnes,
    warningRatio: budget.warningRatio,
    period: budget.period,
    usedTonnes,
  });
  return {
    ...(budgets.co2e ? { budget: shape(budgets.co2e, used.co2eT) } : {}),
    ...(budgets.tce ? { energyBudget: shape(budgets.tce, used.tce) } : {}),
  };
};
