import { allEnterprises, allMeters } from '../../../shared/application/registry/registry-lists.ts';
import { getEmissionRankingsRoute } from '../../../shared/contracts/carbon/emissions.ts';
import { EMISSIONS_UNIT, ENERGY_UNIT } from '../../../shared/domain/carbon/rollups/emission-series.ts';
import { granularityOfPeriod, isPeriodLabel } from '../../../shared/domain/carbon/rollups/period-range.ts';
import {
  budgetUse,
  type RankedEntity,
  rankEmitters,
} from '../../../shared/domain/carbon/rollups/rankings.ts';
import { UnprocessableError } from '../../../shared/domain/errors.ts';
import type { EnterpriseRecord } from '../../../shared/domain/registry/records.ts';
import type { RegistryReader } from '../../../shared/ports/registry-store.ts';
import { httpHandler } from '../../middleware/http.ts';
import { carbonStore, registryReader } from './emissions-context.ts';
import { intensityRanking } from './intensity-ranking.ts';

const store = carbonStore();
const registry = registryReader();

type Place = Pick<EnterpriseRecord, 'industryCode' | 'location'>;

/**
 * The entities of a level, from the registry; industries are the class codes enterprises are in.
 * Enterprises also give their class and place, which `include=registry` adds to their rows.
 */
const entitiesOf = async (
  reader: RegistryReader,
  level: 'enterprise' | 'industry' | 'meter',
): Promise<{ entities: RankedEntity[]; places: Map<string, Place> }> => {
  if (level === 'meter') {
    const meters = await allMeters(reader);
    return { entities: meters.map((meter) => ({ id: meter.id, name: meter.name })), places: new Map() };
  }
  const enterprises = await allEnterprises(reader);
  if (level === 'enterprise')
    return {
      entities: enterprises.map((enterprise) => ({ id: enterprise.id, name: enterprise.name })),
      places: new Map(enterprises.map((e) => [e.id, { industryCode: e.industryCode, location: e.location }])),
    };
  const classes = new Set(enterprises.map((enterprise) => enterprise.industryCode));
  return { entities: [...classes].map((id) => ({ id })), places: new Map() };
};

const placeOf = (place: Place | undefined) =>
  place === undefined
    ? {}
    : { industryCode: place.industryCode, ...(place.location ? { location: place.location } : {}) };

/**
 * Cost: one registry listing and one BatchGet per 100 entities for the rollups, one per 100 rows shown
 * for their budgets — it grows with entities, never with readings.
 */
export const handler = httpHandler(getEmissionRankingsRoute, async ({ query }) => {
  if (query.metric === 'intensity') return intensityRanking(store, registry, query);
  const metric = query.metric;
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
  const { entities, places } = await entitiesOf(registry, query.level);
  const items = await store.readPeriod(
    query.level,
    entities.map((entity) => entity.id),
    granularity,
    query.period,
  );
  const rows = rankEmitters(entities, items, query.limit, metric);
  // Budgets exist for enterprises, industries and the city, per month or year: a month ranking shows use.
  const budgetLevel = query.level === 'meter' || granularity !== 'month' ? undefined : query.level;
  const budgets = budgetLevel
    ? await store.readBudgets(
        rows.map((row) => ({
          level: budgetLevel,
          targetId: row.id,
          period: query.period,
          metric,
        })),
      )
    : [];
  const budgetById = new Map(budgets.map((budget) => [budget.targetId, budget]));
  return {
    level: query.level,
    period: query.period,
    granularity,
    metric,
    units: { emissions: EMISSIONS_UNIT, energy: ENERGY_UNIT } as const,
    entities: entities.length,
    items: rows.map((row) => {
      const budget = budgetById.get(row.id);
      const place = query.include === 'registry' ? placeOf(places.get(row.id)) : {};
      return budget ? { ...row, ...place, budget: budgetUse(row, budget) } : { ...row, ...place };
    }),
  };
});
