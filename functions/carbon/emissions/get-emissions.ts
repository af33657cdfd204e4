import { publicCitySeries } from '../../../shared/application/carbon/public-city.ts';
import { timeZone } from '../../../shared/config/env.ts';
import { getEmissionsRoute } from '../../../shared/contracts/carbon/emissions.ts';
import { CANONICAL_UNITS } from '../../../shared/domain/carbon/rollups/canonical-units.ts';
import {
  breakdownsOf,
  EMISSIONS_UNIT,
  ENERGY_UNIT,
  fillSeries,
  GAS_UNIT,
  sumFigures,
} from '../../../shared/domain/carbon/rollups/emission-series.ts';
import {
  assertMayViewLevel,
  mayReadEnterpriseData,
} from '../../../shared/domain/carbon/rollups/emissions-access.ts';
import { MINIMUM_ENTERPRISES } from '../../../shared/domain/carbon/rollups/minimum-count.ts';
import { MAX_PERIODS, periodsBetween } from '../../../shared/domain/carbon/rollups/period-range.ts';
import { UnprocessableError } from '../../../shared/domain/errors.ts';
import { httpHandler } from '../../middleware/http.ts';
import { carbonStore, registryReader, resolveTarget } from './emissions-context.ts';

const store = carbonStore();
const registry = registryReader();

export const handler = httpHandler(getEmissionsRoute, async ({ query, principal }) => {
  assertMayViewLevel(principal, query.level);
  const zone = timeZone();
  const periods = periodsBetween(query.from, query.to, query.granularity, zone);
  const max = MAX_PERIODS[query.granularity];
  if (periods.length > max) {
    throw new UnprocessableError(`时间范围过大 (at most ${max} ${query.granularity} periods per request)`, [
      {
        path: '/query/to',
        message: `区间超过 ${max} 个统计周期 (range covers more than ${max} ${query.granularity} periods)`,
      },
    ]);
  }
  const target = await resolveTarget(registry, query.level, query.id);
  const first = periods[0] ?? '';
  const items = await store.readSeries(
    query.level,
    target.id,
    query.granularity,
    first,
    periods.at(-1) ?? first,
  );
  const full = fillSeries(periods, items);
  const fullTotals = sumFigures(full);
  // Only staff read enterprise data; everyone else reaches the city alone, under the minimum count.
  const restricted = !mayReadEnterpriseData(principal);
  const { series, totals } = restricted
    ? await publicCitySeries({ registry, rollups: store }, query.granularity, full, fullTotals)
    : { series: full, totals: fullTotals };
  return {
    level: query.level,
    id: target.id,
    ...(target.name === undefined ? {} : { name: target.name }),
    ...(target.handle === undefined ? {} : { handle: target.handle }),
    granularity: query.granularity,
    timeZone: zone,
    units: {
      emissions: EMISSIONS_UNIT,
      gases: GAS_UNIT,
      energy: ENERGY_UNIT,
      quantities: { ...CANONICAL_UNITS },
    } as const,
    ...(restricted ? { minimumEnterprises: MINIMUM_ENTERPRISES } : {}),
    series,
    totals,
    breakdowns: breakdownsOf(totals),
  };
});
