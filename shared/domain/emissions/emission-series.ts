/**
 * Turning stored rollup items (flat figures, see rollup-model.ts) into what the emissions API
 * answers: one point per period (zeros where nothing was recorded), totals, and breakdowns by scope,
 * energy type and gas. Pure: the items come in, no store is touched.
 */

/** A rollup item's attributes as stored (keys included or not; unknown attributes are ignored). */
export type RollupItem = Record<string, unknown>;

export const EMISSIONS_UNIT = 'tCO2e';
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
  /** Activity quantity per energy type, with the meter unit. */
  quantities: Record<string, { value: number; unit?: string }>;
  readings: number;
  batches: number;
}

export interface SeriesPoint extends EmissionFigures {
  period: string;
}

const SCALARS = [
  'co2eT',
  'co2eMarketT',
  'scope1T',
  'scope2LocationT',
  'scope2MarketT',
  'readings',
  'batches',
] as const;
const ENERGY = /^e_(.+)T$/;
const GAS = /^g_(.+)T$/;
const QUANTITY = /^q_(.+)$/;

/** Float sums drift (0.1 + 0.2); one microgram is below anything a meter measures. */
const tidy = (value: number): number => Math.round(value * 1e12) / 1e12;

export const zeroFigures = (): EmissionFigures => ({
  co2eT: 0,
  co2eMarketT: 0,
  scope1T: 0,
  scope2LocationT: 0,
  scope2MarketT: 0,
  energyTypes: {},
  gases: {},
  quantities: {},
  readings: 0,
  batches: 0,
});

const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? tidy(value) : 0;

/** Reads the flat attributes of one rollup item into structured figures. */
export const figuresOf = (item: RollupItem | undefined): EmissionFigures => {
  const figures = zeroFigures();
  if (!item) return figures;
  for (const name of SCALARS) figures[name] = num(item[name]);
  for (const [name, value] of Object.entries(item)) {
    const energy = ENERGY.exec(name)?.[1];
    const gas = GAS.exec(name)?.[1];
    const quantity = QUANTITY.exec(name)?.[1];
    if (energy !== undefined) figures.energyTypes[energy] = num(value);
    else if (gas !== undefined) figures.gases[gas] = num(value);
    else if (quantity !== undefined) {
      const unit = item[`u_${quantity}`];
      figures.quantities[quantity] = { value: num(value), ...(typeof unit === 'string' ? { unit } : {}) };
    }
  }
  return figures;
};

const addRecord = (into: Record<string, number>, from: Record<string, number>): void => {
  for (const [name, value] of Object.entries(from)) into[name] = tidy((into[name] ?? 0) + value);
};

/** Sum of several periods' figures; quantities keep the first unit seen (one meter unit per type). */
export const sumFigures = (all: readonly EmissionFigures[]): EmissionFigures => {
  const total = zeroFigures();
  for (const figures of all) {
    for (const name of SCALARS) total[name] = tidy(total[name] + figures[name]);
    addRecord(total.energyTypes, figures.energyTypes);
    addRecord(total.gases, figures.gases);
    for (const [type, quantity] of Object.entries(figures.quantities)) {
      const sum = total.quantities[type] ?? { value: 0, ...(quantity.unit ? { unit: quantity.unit } : {}) };
      sum.value = tidy(sum.value + quantity.value);
      total.quantities[type] = sum;
    }
  }
  return total;
};

/** One point for every period asked for, in order, zeros where no rollup item exists. */
export const fillSeries = (
  periods: readonly string[],
  itemsByPeriod: ReadonlyMap<string, RollupItem>,
): SeriesPoint[] => periods.map((period) => ({ period, ...figuresOf(itemsByPeriod.get(period)) }));

export interface Breakdowns {
  byScope: { scope: 'scope1' | 'scope2Location' | 'scope2Market'; tCO2e: number; share: number }[];
  byEnergyType: { energyType: string; tCO2e: number; share: number; quantity?: number; unit?: string }[];
  byGas: { gas: string; tonnes: number }[];
}

const shareOf = (part: number, whole: number): number => (whole > 0 ? tidy(part / whole) : 0);

/**
 * Each scope's share is of the total it belongs to: scope 1 and location-based scope 2 of the
 * location-based total (co2eT), market-based scope 2 of the market-based total (co2eMarketT).
 * Energy types are location-based, so their shares are of co2eT.
 */
export const breakdownsOf = (total: EmissionFigures): Breakdowns => ({
  byScope: [
    { scope: 'scope1', tCO2e: total.scope1T, share: shareOf(total.scope1T, total.co2eT) },
    {
      scope: 'scope2Location',
      tCO2e: total.scope2LocationT,
      share: shareOf(total.scope2LocationT, total.co2eT),
    },
    {
      scope: 'scope2Market',
      tCO2e: total.scope2MarketT,
      share: shareOf(total.scope2MarketT, total.co2eMarketT),
    },
  ],
  byEnergyType: Object.entries(total.energyTypes)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([energyType, tCO2e]) => {
      const quantity = total.quantities[energyType];
      return {
        energyType,
        tCO2e,
        share: shareOf(tCO2e, total.co2eT),
        ...(quantity ? { quantity: quantity.value, ...(quantity.unit ? { unit: quantity.unit } : {}) } : {}),
      };
    }),
  byGas: [
    ...GASES.map((gas) => ({ gas, tonnes: total.gases[gas] ?? 0 })),
    ...Object.entries(total.gases)
      .filter(([gas]) => !(GASES as readonly string[]).includes(gas))
      .map(([gas, tonnes]) => ({ gas, tonnes })),
  ],
});
