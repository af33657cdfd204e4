import { getEmissionRankingsRoute } from '../../shared/contracts/emissions.ts';
import { EMISSIONS_UNIT, ENERGY_UNIT } from '../../shared/domain/emissions/emission-series.ts';
import { granularityOfPeriod, isPeriodLabel } from '../../shared/domain/emissions/period-range.ts';
import { budgetUse, type RankedEntity, rankEmitters } from '../../shared/domain/emissions/rankings.ts';
import { UnprocessableError } from '../../shared/domain/errors.ts';
import { allEnterprises, allMeters } from '../../shared/domain/registry/registry-lists.ts';
import type { RegistryReader } from '../../shared/ports/registry-store.ts';
import { httpHandler } from '../middleware/http.ts';
import { carbonStore, registryReader } from './emissions-context.ts';

const store = carbonStore();
const registry = registryReader();

/** The entities of a level, from the registry; industries are the class codes enterprises are in. */
const entitiesOf = async (
  reader: RegistryReader,
  level: 'enterprise' | 'industry' | 'meter',
): Promise<RankedEntity[]> => {
  if (level === 'meter')
    return (await allMeters(reader)).map((meter) => ({ id: meter.id, name: meter.name }));
  const enterprises = await allEnterprises(reader);
  if (level === 'enterprise')
    return enterprises.map((enterprise) => ({ id: enterprise.id, name: enterprise.name }));
  return [...new Set(enterprises.map((enterprise) => enterprise.industryCode))].map((id) => ({ id }));
};

/**
 * Cost: one registry listing and one BatchGet per 100 entities for the rollups, one more for the
 * budgets of the rows shown — it grows with entities, never with readings.
 */
export const handler = httpHandler(getEmissionRankingsRoute, async ({ query }) => {
  const granularity = granularityOfPeriod(query.period);
  if (!granularity || !isPeriodLabel(query.period)) {
    throw new UnprocessableError(
      '统计周期 period 不是本地的小时、日或月 (period is not a local hour, day or month)',
      [
        {
          path: '/query/period',
          message: '请用 2026-11、2026-11-28 或 2026-11-28T09 (use 2026-11, 2026-11-28 or 2026-11-28T09)',
        },
      ],
    );
  }
  const entities = await entitiesOf(registry, query.level);
  const items = await store.readPeriod(
    query.level,
    entities.map((entity) => entity.id),
    granularity,
    query.period,
  );
  const rows = rankEmitters(entities, items, query.limit, query.metric);
  // Budgets exist for enterprises, industries and the city, per month or year: a month ranking shows use.
  const budgetLevel = query.level === 'meter' || granularity !== 'month' ? undefined : query.level;
  const budgets = budgetLevel
    ? await store.readBudgets(
        rows.map((row) => ({
          level: budgetLevel,
          targetId: row.id,
          period: query.period,
          metric: query.metric,
        })),
      )
    : [];
  const budgetById = new Map(budgets.map((budget) => [budget.targetId, budget]));
  return {
    level: query.level,
    period: query.period,
    granularity,
    metric: query.metric,
    units: { emissions: EMISSIONS_UNIT, energy: ENERGY_UNIT } as const,
    entities: entities.length,
    items: rows.map((row) => {
      const budget = budgetById.get(row.id);
      return budget ? { ...row, budget: budgetUse(row, budget) } : row;
    }),
  };
});
