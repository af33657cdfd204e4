import type { Economics } from '../../registry/economics.ts';

/**
 * Emission intensity (排放强度): location-based tCO2e per 万元 of industrial value added
 * (单位工业增加值二氧化碳排放, the indicator of the national carbon-intensity targets), or per 万元
 * of industrial output value (工业总产值) when an enterprise gave no value added — each row says
 * which. The yearly figure is the denominator of a year; a month takes one twelfth of it (output is
 * not booked by month here, and an even share keeps months of one year comparable).
 * docs/intensity.md gives the rule and its sources.
 */

export type IntensityBasis = 'valueAdded' | 'outputValue';
export type IntensityPeriod = 'month' | 'year';

export interface Denominator {
  basis: IntensityBasis;
  year: string;
  /** 万元 attributed to the period: the year's figure, or a twelfth of it for a month. */
  tenThousandYuan: number;
}

const YEAR = /^\d{4}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `2026` is a year, `2026-11` a month; nothing else has an intensity. */
export const intensityPeriodOf = (period: string): IntensityPeriod | undefined =>
  YEAR.test(period) ? 'year' : MONTH.test(period) ? 'month' : undefined;

const round = (value: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/** The period's share of the year's figure, value added first; undefined when the year has none. */
export const denominatorOf = (economics: Economics | undefined, period: string): Denominator | undefined => {
  const kind = intensityPeriodOf(period);
  if (!kind) return undefined;
  const year = period.slice(0, 4);
  const figures = economics?.[year];
  const basis: IntensityBasis | undefined =
    figures?.valueAdded !== undefined
      ? 'valueAdded'
      : figures?.outputValue !== undefined
        ? 'outputValue'
        : undefined;
  if (!figures || !basis) return undefined;
  const yearly = figures[basis] ?? 0;
  if (!(yearly > 0)) return undefined;
  return { basis, year, tenThousandYuan: kind === 'year' ? yearly : yearly / 12 };
};

export interface IntensityEntity {
  id: string;
  name?: string;
  economics?: Economics;
}

export interface PeriodFigures {
  co2eT: number;
  co2eMarketT: number;
  tce: number;
}

export interface IntensityRow extends PeriodFigures {
  rank: number;
  id: string;
  name?: string;
  intensity: { tCO2ePer10kYuan: number; basis: IntensityBasis; year: string; denominator10kYuan: number };
}

export interface IntensityRanking {
  rows: IntensityRow[];
  /** Enterprises with figures for the period's year: the ranked ones. */
  ranked: number;
  /** Enterprises left out because the year has neither figure (无产值数据). */
  withoutEconomics: number;
}

const ZERO: PeriodFigures = { co2eT: 0, co2eMarketT: 0, tce: 0 };

/**
 * Highest intensity first (the least efficient are the ones to look at), ties by id. Enterprises
 * without a figure for the year are not ranked — a rank against nothing would mislead — and counted.
 */
export const rankByIntensity = (
  entities: readonly IntensityEntity[],
  figures: ReadonlyMap<string, PeriodFigures>,
  period: string,
  limit: number,
): IntensityRanking => {
  const scored = entities.flatMap((entity) => {
    const denominator = denominatorOf(entity.economics, period);
    if (!denominator) return [];
    const { co2eT, co2eMarketT, tce } = figures.get(entity.id) ?? ZERO;
    const intensity = {
      tCO2ePer10kYuan: round(co2eT / denominator.tenThousandYuan, 6),
      basis: denominator.basis,
      year: denominator.year,
      denominator10kYuan: round(denominator.tenThousandYuan, 6),
    };
    return [
      {
        id: entity.id,
        ...(entity.name === undefined ? {} : { name: entity.name }),
        co2eT,
        co2eMarketT,
        tce,
        intensity,
      },
    ];
  });
  const rows = scored
    .sort(
      (a, b) =>
        b.intensity.tCO2ePer10kYuan - a.intensity.tCO2ePer10kYuan || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, limit)
    .map((row, index) => ({ rank: index + 1, ...row }));
  return { rows, ranked: scored.length, withoutEconomics: entities.length - scored.length };
};
