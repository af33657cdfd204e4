import type { BudgetRecord } from './budget-check.ts';
import { figuresOf, type RollupItem } from './emission-series.ts';

/**
 * Ranking of entities by one period's location-based tCO2e. Every registered entity is ranked,
 * zeros included (one that reported nothing is worth seeing), ties by id so the order is stable.
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
}

export const rankEmitters = (
  entities: readonly RankedEntity[],
  items: ReadonlyMap<string, RollupItem>,
  limit: number,
): RankingRow[] =>
  entities
    .map((entity) => {
      const figures = figuresOf(items.get(entity.id));
      return {
        id: entity.id,
        ...(entity.name === undefined ? {} : { name: entity.name }),
        co2eT: figures.co2eT,
        co2eMarketT: figures.co2eMarketT,
      };
    })
    .sort((a, b) => b.co2eT - a.co2eT || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map((row, index) => ({ rank: index + 1, ...row }));

/** Budget use of a row: its total over the budget's limit (1 = the whole budget). */
export const budgetUse = (row: Pick<RankingRow, 'co2eT'>, budget: BudgetRecord) => ({
  period: budget.period,
  limitTonnes: budget.limitTonnes,
  warningRatio: budget.warningRatio,
  use: Math.round((row.co2eT / budget.limitTonnes) * 1e6) / 1e6,
});
