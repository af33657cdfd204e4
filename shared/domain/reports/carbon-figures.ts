import { ENERGY_TYPES, type EnergyType } from '../registry/records.ts';

/**
 * The figures of one rollup item (see rollup-model.ts for the flat attribute layout) as a report
 * reads them. A missing item is all zeros: no readings is a fact to report, not an error.
 */
export interface CarbonFigures {
  co2eT: number;
  co2eMarketT: number;
  scope1T: number;
  scope2LocationT: number;
  scope2MarketT: number;
  byEnergy: Partial<Record<EnergyType, number>>;
  byGas: { CO2: number; CH4: number; N2O: number };
  readings: number;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export const figuresOfRollup = (item: Record<string, unknown> | undefined): CarbonFigures => {
  const source = item ?? {};
  const byEnergy: CarbonFigures['byEnergy'] = {};
  for (const type of ENERGY_TYPES) {
    const value = source[`e_${type}T`];
    if (typeof value === 'number' && value !== 0) byEnergy[type] = value;
  }
  return {
    co2eT: num(source.co2eT),
    co2eMarketT: num(source.co2eMarketT),
    scope1T: num(source.scope1T),
    scope2LocationT: num(source.scope2LocationT),
    scope2MarketT: num(source.scope2MarketT),
    byEnergy,
    byGas: { CO2: num(source.g_CO2T), CH4: num(source.g_CH4T), N2O: num(source.g_N2OT) },
    readings: num(source.readings),
  };
};

/** Relative change, or undefined when there is nothing to compare with (a zero base). */
export const changeRatio = (current: number, base: number | undefined): number | undefined =>
  base === undefined || base === 0 ? undefined : (current - base) / base;
