import { allEnterprises } from '../../../shared/application/registry/registry-lists.ts';
import {
  EMISSIONS_UNIT,
  ENERGY_UNIT,
  figuresOf,
  sumFigures,
} from '../../../shared/domain/carbon/rollups/emission-series.ts';
import {
  type IntensityPeriod,
  intensityPeriodOf,
  type PeriodFigures,
  rankByIntensity,
} from '../../../shared/domain/carbon/rollups/intensity.ts';
import { UnprocessableError } from '../../../shared/domain/errors.ts';
import type { RollupReader } from '../../../shared/ports/carbon-read-store.ts';
import type { RegistryReader } from '../../../shared/ports/registry-store.ts';

/**
 * `metric=intensity` of the rankings: enterprises by tCO2e per 万元 of value added (or output value)
 * over a month or a year (shared/domain/carbon/rollups/intensity.ts, docs/intensity.md). Cost: one
 * registry listing and one BatchGet per 100 enterprises per month read (one for a month, twelve for
 * a year).
 */

export interface IntensityQuery {
  level: 'enterprise' | 'industry' | 'meter';
  period: string;
  limit: number;
}

const refuse = (path: string, message: string): never => {
  throw new UnprocessableError(message, [{ path, message }]);
};

const monthsOf = (period: string, kind: IntensityPeriod): string[] =>
  kind === 'month'
    ? [period]
    : Array.from({ length: 12 }, (_, index) => `${period}-${String(index + 1).padStart(2, '0')}`);

/** Each enterprise's figures over the period: the month's rollup, or the sum of the year's months. */
const figuresOver = async (
  store: RollupReader,
  ids: readonly string[],
  months: readonly string[],
): Promise<Map<string, PeriodFigures>> => {
  const reads = await Promise.all(months.map((month) => store.readPeriod('enterprise', ids, 'month', month)));
  return new Map(ids.map((id) => [id, sumFigures(reads.map((items) => figuresOf(items.get(id))))]));
};

export const intensityRanking = async (
  store: RollupReader,
  registry: RegistryReader,
  query: IntensityQuery,
) => {
  if (query.level !== 'enterprise') {
    refuse(
      '/query/level',
      '排放强度仅按企业排名 (intensity is ranked for enterprises only: level=enterprise)',
    );
  }
  const kind = intensityPeriodOf(query.period);
  if (!kind) {
    return refuse(
      '/query/period',
      '排放强度的统计周期须为月或年，如 2026-11 或 2026 (intensity needs a month or a year, e.g. 2026-11 or 2026)',
    );
  }
  const enterprises = await allEnterprises(registry);
  const ids = enterprises.map((enterprise) => enterprise.id);
  const figures = await figuresOver(store, ids, monthsOf(query.period, kind));
  const ranking = rankByIntensity(enterprises, figures, query.period, query.limit);
  return {
    level: 'enterprise' as const,
    period: query.period,
    granularity: kind,
    metric: 'intensity' as const,
    units: { emissions: EMISSIONS_UNIT, energy: ENERGY_UNIT, intensity: 'tCO2e/万元' } as const,
    entities: ranking.ranked,
    withoutEconomics: ranking.withoutEconomics,
    items: ranking.rows,
  };
};
