import { type BudgetMetric, type BudgetRecord, totalOf } from '../budgets/budget-model.ts';
import { figuresOf, type RollupItem } from './emission-series.ts';

/**
 * Ranking of entities by one period's location-based tCO2e, or by its energy consumption in tce.
 * Every registered entity is ranked, zeros included (one that reported nothing is worth seeing),
 * ties by id so the order is stable.
 */

export interface RankedEntity {
  id: string;
  name?: string;
}

export interface RankingRow {
  rank: number;
  id: string;
  name?: string;
  co2eT: number;
  co2eMarketT: number;
  tce: number;
}

export const rankEmitters = (
  entities: readonly RankedEntity[],
  items: ReadonlyMap<string, RollupItem>,
  limit: number,
  metric: BudgetMetric = 'co2e',
): RankingRow[] =>
  entities
    .map((entity) => {
      const figures = figuresOf(items.get(entity.id));
      return {
        id: entity.id,
        ...(entity.name === undefined ? {} : { name: entity.name }),
        co2eT: figures.co2eT,
        co2eMarketT: figures.co2eMarketT,
        tce: figures.tce,
      };
    })
    .sort((a, b) => totalOf(b, metric) - totalOf(a, metric) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map((row, index) => ({ rank: index + 1, ...row }));

/** Budget use of a row: its total of the budget's metric over the limit (1 = the whole budget). */
export const budgetUse = (row: Pick<RankingRow, 'co2eT' | 'tce'>, budget: BudgetRecord) => ({
  period: budget.period,
  metric: budget.metric,
  limitTonnes: budget.limitTonnes,
  warningRatio: budget.warningRatio,
  use: Math.round((totalOf(row, budget.metric) / budget.limitTonnes) * 1e6) / 1e6,
});
