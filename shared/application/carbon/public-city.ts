import {
  type EmissionFigures,
  figuresOf,
  type SeriesPoint,
} from '../../domain/carbon/rollups/emission-series.ts';
import { type EnterpriseFigures, withholdSeries } from '../../domain/carbon/rollups/minimum-count.ts';
import type { Granularity } from '../../domain/carbon/rollups/rollup-model.ts';
import type { RollupReader } from '../../ports/carbon-read-store.ts';
import type { RegistryReader } from '../../ports/registry-store.ts';
import { allEnterprises } from '../registry/registry-lists.ts';

/**
 * The city series as shown to those who may not read enterprise data: every enterprise's rollups
 * of the same periods are read (one Query each, a few at a time) to count who fills each cell, and
 * the minimum-count rule applied (minimum-count.ts).
 */
const CONCURRENT_QUERIES = 8;

export interface PublicCityPorts {
  registry: Pick<RegistryReader, 'listEnterprises'>;
  rollups: Pick<RollupReader, 'readSeries'>;
}

export const enterpriseFigures = async (
  ports: PublicCityPorts,
  granularity: Granularity,
  first: string,
  last: string,
): Promise<EnterpriseFigures> => {
  const ids = (await allEnterprises(ports.registry)).map((e) => e.id);
  const byEnterprise = new Map<string, Map<string, EmissionFigures>>();
  for (let start = 0; start < ids.length; start += CONCURRENT_QUERIES)
    await Promise.all(
      ids.slice(start, start + CONCURRENT_QUERIES).map(async (id) => {
        const items = await ports.rollups.readSeries('enterprise', id, granularity, first, last);
        if (items.size > 0)
          byEnterprise.set(id, new Map([...items].map(([period, item]) => [period, figuresOf(item)])));
      }),
    );
  return byEnterprise;
};

export const publicCitySeries = async (
  ports: PublicCityPorts,
  granularity: Granularity,
  series: readonly SeriesPoint[],
  totals: EmissionFigures,
) => {
  const first = series[0]?.period ?? '';
  const last = series.at(-1)?.period ?? first;
  return withholdSeries(series, totals, await enterpriseFigures(ports, granularity, first, last));
};
