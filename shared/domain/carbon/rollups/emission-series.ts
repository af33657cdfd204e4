import { CANONICAL_UNITS } from './canonical-units.ts';
import { MASS_SCALE, QUANTITY_SCALE } from './fixed-point.ts';
import { breakdownTonnesOf, quantitiesOf, type TotalName, tceOf, totalTonnesOf } from './rollup-figures.ts';

/**
 * Turning stored rollup items (flat figures, see rollup-model.ts) into what the emissions API
 * answers: one point per period (zeros where nothing was recorded), totals, and breakdowns by scope,
 * energy type and gas. Pure: the items come in, no store is touched.
 */

/** A rollup item's attributes as stored (keys included or not; unknown attributes are ignored). */
export type RollupItem = Record<string, unknown>;

export const EMISSIONS_UNIT = 'tCO2e';
/** Energy consumption: tonnes of standard coal equivalent (吨标准煤, GB/T 2589). */
export const ENERGY_UNIT = 'tce';
export const GAS_UNIT = 't';
export const GASES = ['CO2', 'CH4', 'N2O'] as const;

export interface EmissionFigures {
  /** Location-based total, tCO2e. */
  co2eT: number;
  /** Market-based total (contracted green power at zero), tCO2e. */
  co2eMarketT: number;
  scope1T: number;
  scope2LocationT: number;
  scope2MarketT: number;
  /** tCO2e per energy type (location-based), e.g. `{ electricity: 1.2 }`. */
  energyTypes: Record<string, number>;
  /** Gas mass in tonnes (not CO2e), e.g. `{ CO2: 1.19, CH4: 0.0001 }`. */
  gases: Record<string, number>;
  /** Activity quantity per energy type, in its canonical unit (canonical-units.ts). */
  quantities: Record<string, { value: number; unit?: string }>;
  /** Energy consumption (综合能耗), tce per GB/T 2589; electricity at its calorific equivalent. */
  tce: number;
  /** tce per energy type. */
  tceByEnergyType: Record<string, number>;
  readings: number;
  batches: number;
}

export interface SeriesPoint extends EmissionFigures {
  period: string;
}

const TOTALS = {
  co2eT: 'co2e',
  co2eMarketT: 'co2eMarket',
  scope1T: 'scope1',
  scope2LocationT: 'scope2Location',
  scope2MarketT: 'scope2Market',
} as const satisfies Record<string, TotalName>;
const COUNTS = ['readings', 'batches'] as const;

export const zeroFigures = (): EmissionFigures => ({
  co2eT: 0,
  co2eMarketT: 0,
  scope1T: 0,
  scope2LocationT: 0,
  scope2MarketT: 0,
  energyTypes: {},
  gases: {},
  quantities: {},
  tce: 0,
  tceByEnergyType: {},
  readings: 0,
  batches: 0,
});

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Reads one rollup item (fixed point, or legacy doubles: rollup-figures.ts) into figures in tonnes. */
export const figuresOf = (item: RollupItem | undefined): EmissionFigures => {
  const figures = zeroFigures();
  if (!item) return figures;
  for (const [field, name] of Object.entries(TOTALS))
    figures[field as TotalField] = totalTonnesOf(item, name);
  for (const name of COUNTS) figures[name] = count(item[name]);
  const { energyTypes, gases, tceByEnergyType } = breakdownTonnesOf(item);
  return {
    ...figures,
    energyTypes,
    gases,
    quantities: quantitiesOf(item),
    tce: tceOf(item),
    tceByEnergyType,
  };
};

type TotalField = keyof typeof TOTALS;

/**
 * Sums of figures that came from fixed-point items are exact: each is brought back to its integer
 * steps (milligrams, millionths of a unit), added, and divided once, so 0.1 + 0.2 t is 0.3 t.
 */
const exactSum = (values: readonly number[], scale: number): number =>
  values.reduce((sum, value) => sum + Math.round(value * scale), 0) / scale;

const sumRecords = (records: readonly Record<string, number>[], scale: number): Record<string, number> => {
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(
    names.map((name) => [
      name,
      exactSum(
        records.map((r) => r[name] ?? 0),
        scale,
      ),
    ]),
  );
};

/**
 * Sum of several periods' figures. Quantities add per energy type in its canonical unit; a legacy
 * quantity in another unit (rollup-figures.ts) is left out beside a canonical one.
 */
export const sumFigures = (all: readonly EmissionFigures[]): EmissionFigures => {
  const total = zeroFigures();
  for (const field of Object.keys(TOTALS) as TotalField[])
    total[field] = exactSum(
      all.map((f) => f[field]),
      MASS_SCALE,
    );
  for (const name of COUNTS) total[name] = all.reduce((sum, f) => sum + f[name], 0);
  total.energyTypes = sumRecords(
    all.map((f) => f.energyTypes),
    MASS_SCALE,
  );
  total.gases = sumRecords(
    all.map((f) => f.gases),
    MASS_SCALE,
  );
  total.tce = exactSum(
    all.map((f) => f.tce),
    MASS_SCALE,
  );
  total.tceByEnergyType = sumRecords(
    all.map((f) => f.tceByEnergyType),
    MASS_SCALE,
  );
  for (const figures of all)
    for (const [type, quantity] of Object.entries(figures.quantities)) {
      const sum = total.quantities[type];
      if (sum === undefined) total.quantities[type] = { ...quantity };
      else if (sum.unit === quantity.unit) sum.value = exactSum([sum.value, quantity.value], QUANTITY_SCALE);
      else if (quantity.unit === canonicalUnitOf(type)) total.quantities[type] = { ...quantity };
    }
  return total;
};

const canonicalUnitOf = (type: string): string | undefined =>
  (CANONICAL_UNITS as Record<string, string>)[type];

/** One point for every period asked for, in order, zeros where no rollup item exists. */
export const fillSeries = (
  periods: readonly string[],
  itemsByPeriod: ReadonlyMap<string, RollupItem>,
): SeriesPoint[] => periods.map((period) => ({ period, ...figuresOf(itemsByPeriod.get(period)) }));

export interface Breakdowns {
  byScope: { scope: 'scope1' | 'scope2Location' | 'scope2Market'; tCO2e: number; share: number }[];
  byEnergyType: {
    energyType: string;
    tCO2e: number;
    share: number;
    quantity?: number;
    unit?: string;
    tce: number;
    tceShare: number;
  }[];
  byGas: { gas: string; tonnes: number }[];
}

/** Shares to 12 decimals: float division leaves noise nobody reads (0.30000000000000004). */
const shareOf = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 1e12) / 1e12 : 0;

/** Figures as shown: under the minimum-count rule (minimum-count.ts) scope figures may be withheld. */
export type ShownFigures = Omit<EmissionFigures, 'scope1T' | 'scope2LocationT' | 'scope2MarketT'> &
  Partial<Pick<EmissionFigures, 'scope1T' | 'scope2LocationT' | 'scope2MarketT'>>;

const scopeRows = (total: ShownFigures): Breakdowns['byScope'] => {
  const rows: [Breakdowns['byScope'][number]['scope'], number | undefined, number][] = [
    ['scope1', total.scope1T, total.co2eT],
    ['scope2Location', total.scope2LocationT, total.co2eT],
    ['scope2Market', total.scope2MarketT, total.co2eMarketT],
  ];
  return rows.flatMap(([scope, tCO2e, whole]) =>
    tCO2e === undefined ? [] : [{ scope, tCO2e, share: shareOf(tCO2e, whole) }],
  );
};

/**
 * Each scope's share is of the total it belongs to: scope 1 and location-based scope 2 of the
 * location-based total (co2eT), market-based scope 2 of the market-based total (co2eMarketT).
 * Energy types are location-based, so their shares are of co2eT. Withheld scopes have no row; when
 * gases were merged into `other`, only the gases shown are listed (no zeros standing for them).
 */
export const breakdownsOf = (total: ShownFigures): Breakdowns => ({
  byScope: scopeRows(total),
  byEnergyType: [...new Set([...Object.keys(total.energyTypes), ...Object.keys(total.tceByEnergyType)])]
    .map((energyType) => [energyType, total.energyTypes[energyType] ?? 0] as const)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([energyType, tCO2e]) => {
      const quantity = total.quantities[energyType];
      const tce = total.tceByEnergyType[energyType] ?? 0;
      return {
        energyType,
        tCO2e,
        share: shareOf(tCO2e, total.co2eT),
        ...(quantity ? { quantity: quantity.value, ...(quantity.unit ? { unit: quantity.unit } : {}) } : {}),
        tce,
        tceShare: shareOf(tce, total.tce),
      };
    }),
  byGas: [
    ...('other' in total.gases ? [] : GASES.map((gas) => ({ gas, tonnes: total.gases[gas] ?? 0 }))),
    ...Object.entries(total.gases)
      .filter(([gas]) => 'other' in total.gases || !(GASES as readonly string[]).includes(gas))
      .map(([gas, tonnes]) => ({ gas, tonnes })),
  ],
});
