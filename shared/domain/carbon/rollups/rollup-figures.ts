import { ENERGY_TYPES, type EnergyType } from '../../registry/records.ts';
import { CANONICAL_UNITS, toCanonical } from './canonical-units.ts';
import { fromFixed, MASS_SCALE, QUANTITY_SCALE } from './fixed-point.ts';
import { TCE_FIGURE, TOTAL_FIGURES } from './rollup-model.ts';

/**
 * Reading a rollup item's figures back in tonnes and canonical units, whatever wrote them: the
 * fixed-point integers of today (rollup-model.ts) and, on items written before fixed point, the
 * legacy doubles (tonnes in `co2eT` …, quantities in the meter's unit in `q_<type>` + `u_<type>`).
 * An item touched before and after the change holds both; they are added. Pure.
 */

/** A stored rollup item (keys included or not; attributes it does not know are ignored). */
export type StoredFigures = Record<string, unknown>;

export type TotalName = keyof typeof TOTAL_FIGURES;

const LEGACY_TOTALS: Record<TotalName, string> = {
  co2e: 'co2eT',
  co2eMarket: 'co2eMarketT',
  scope1: 'scope1T',
  scope2Location: 'scope2LocationT',
  scope2Market: 'scope2MarketT',
};

const legacy = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** One of the five totals of an item, in tonnes. */
export const totalTonnesOf = (item: StoredFigures | undefined, name: TotalName): number =>
  item === undefined
    ? 0
    : fromFixed(item[TOTAL_FIGURES[name]], MASS_SCALE) + legacy(item[LEGACY_TOTALS[name]]);

/** The item's location-based CO2e in tonnes (budgets, anomalies, rankings). */
export const co2eTonnesOf = (item: StoredFigures | undefined): number => totalTonnesOf(item, 'co2e');

/** The item's energy consumption in tce (0 on items written before tce was counted). */
export const tceOf = (item: StoredFigures | undefined): number =>
  item === undefined ? 0 : fromFixed(item[TCE_FIGURE], MASS_SCALE);

const ENERGY = /^e_(.+)_mg$/;
const TCE_BY_TYPE = /^tce_(.+)_mg$/;
const GAS = /^g_(.+)_mg$/;
const QUANTITY = /^qc_(.+)$/;
const LEGACY_ENERGY = /^e_(.+)T$/;
const LEGACY_GAS = /^g_(.+)T$/;
const LEGACY_QUANTITY = /^q_(.+)$/;

const add = (into: Record<string, number>, key: string, value: number) => {
  into[key] = (into[key] ?? 0) + value;
};

/** CO2e per energy type, mass per gas (tonnes) and energy consumption per energy type (tce). */
export const breakdownTonnesOf = (item: StoredFigures) => {
  const energyTypes: Record<string, number> = {};
  const gases: Record<string, number> = {};
  const tceByEnergyType: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) {
    const tceType = TCE_BY_TYPE.exec(name)?.[1];
    if (tceType !== undefined) {
      add(tceByEnergyType, tceType, fromFixed(value, MASS_SCALE));
      continue;
    }
    const energy = ENERGY.exec(name)?.[1];
    const gas = GAS.exec(name)?.[1];
    const oldEnergy = LEGACY_ENERGY.exec(name)?.[1];
    const oldGas = LEGACY_GAS.exec(name)?.[1];
    if (energy !== undefined) add(energyTypes, energy, fromFixed(value, MASS_SCALE));
    else if (gas !== undefined) add(gases, gas, fromFixed(value, MASS_SCALE));
    else if (oldEnergy !== undefined) add(energyTypes, oldEnergy, legacy(value));
    else if (oldGas !== undefined) add(gases, oldGas, legacy(value));
  }
  return { energyTypes, gases, tceByEnergyType };
};

export interface Quantity {
  value: number;
  unit?: string;
}

const isEnergyType = (name: string): name is EnergyType => (ENERGY_TYPES as readonly string[]).includes(name);

/**
 * Activity quantities per energy type in its canonical unit. A legacy quantity is converted when its
 * unit converts without a density; legacy litres (diesel, gasoline meters) cannot be, so they are
 * shown in litres while the item has no canonical quantity of that type, and left out beside one.
 */
export const quantitiesOf = (item: StoredFigures): Record<string, Quantity> => {
  const quantities: Record<string, Quantity> = {};
  for (const [name, value] of Object.entries(item)) {
    const type = QUANTITY.exec(name)?.[1];
    if (type === undefined || !isEnergyType(type)) continue;
    quantities[type] = { value: fromFixed(value, QUANTITY_SCALE), unit: CANONICAL_UNITS[type] };
  }
  for (const [name, value] of Object.entries(item)) {
    const type = LEGACY_QUANTITY.exec(name)?.[1];
    if (type === undefined) continue;
    const unit = item[`u_${type}`];
    const converted = convertLegacy(type, typeof unit === 'string' ? unit : undefined, legacy(value));
    const current = quantities[type];
    if (current === undefined) quantities[type] = converted;
    else if (converted.unit === current.unit) current.value += converted.value;
  }
  return quantities;
};

const convertLegacy = (type: string, unit: string | undefined, value: number): Quantity => {
  if (!isEnergyType(type) || unit === undefined) return { value, ...(unit ? { unit } : {}) };
  try {
    return { value: toCanonical(type, unit, value), unit: CANONICAL_UNITS[type] };
  } catch {
    return { value, unit };
  }
};
