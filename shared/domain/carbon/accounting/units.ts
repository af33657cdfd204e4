import { AccountingError } from './errors.ts';

/**
 * Unit conversions the engine needs, each explicit. Nothing here guesses: an activity unit that
 * cannot be brought to the factor's basis is a `unit-mismatch`, never a silent 1:1.
 */

export type ElectricityUnit = 'kWh' | 'MWh';
export type HeatUnit = 'MJ' | 'GJ' | 'TJ';
export type MassUnit = 'kg' | 't';
/**
 * Gas volumes at standard reference conditions. `m3` is accepted as the supplier's billed volume,
 * which Chinese gas utilities already correct to standard conditions; uncorrected meter volumes
 * must be corrected before they reach the engine.
 */
export type GasVolumeUnit = 'Nm3' | 'm3' | '10^4Nm3';
export type LiquidVolumeUnit = 'L';
export type FuelUnit = MassUnit | GasVolumeUnit | LiquidVolumeUnit;

/** The basis of a net calorific value: GJ per tonne, or GJ per 10⁴ Nm³ for gases. */
export type NcvBasis = 't' | '10^4Nm3';

const KWH_PER_MWH = 1000;
const GJ_PER_UNIT: Record<HeatUnit, number> = { MJ: 0.001, GJ: 1, TJ: 1000 };
const TONNES_PER_UNIT: Record<MassUnit, number> = { kg: 0.001, t: 1 };
const NM3_PER_UNIT: Record<GasVolumeUnit, number> = { Nm3: 1, m3: 1, '10^4Nm3': 10_000 };

export const GJ_PER_TJ = 1000;
export const KG_PER_TONNE = 1000;
/** Molar mass ratio CO2/C: 44/12. */
export const CO2_PER_CARBON = 44 / 12;

export const toMegawattHours = (quantity: number, unit: ElectricityUnit): number =>
  unit === 'MWh' ? quantity : quantity / KWH_PER_MWH;

export const toGigajoules = (quantity: number, unit: HeatUnit): number => quantity * GJ_PER_UNIT[unit];

export const toTonnes = (quantity: number, unit: MassUnit): number => quantity * TONNES_PER_UNIT[unit];

/** Litres → tonnes: L × kg/L gives kg, ÷ 1000 gives t. */
export const litresToTonnes = (litres: number, densityKgPerLitre: number): number =>
  (litres * densityKgPerLitre) / KG_PER_TONNE;

export const isMassUnit = (unit: string): unit is MassUnit => unit in TONNES_PER_UNIT;
export const isGasVolumeUnit = (unit: string): unit is GasVolumeUnit => unit in NM3_PER_UNIT;
export const isElectricityUnit = (unit: string): unit is ElectricityUnit => unit === 'kWh' || unit === 'MWh';
export const isHeatUnit = (unit: string): unit is HeatUnit => unit in GJ_PER_UNIT;

/**
 * Brings a fuel quantity to the basis its NCV is expressed on. Litres need a density; the caller
 * passes one (measured or from the library) or gets a `unit-mismatch`.
 */
export const toNcvBasis = (
  quantity: number,
  unit: FuelUnit,
  basis: NcvBasis,
  densityKgPerLitre?: number,
): number => {
  if (basis === '10^4Nm3' && isGasVolumeUnit(unit))
    return (quantity * NM3_PER_UNIT[unit]) / NM3_PER_UNIT['10^4Nm3'];
  if (basis === 't' && isMassUnit(unit)) return toTonnes(quantity, unit);
  if (basis === 't' && unit === 'L' && densityKgPerLitre !== undefined) {
    return litresToTonnes(quantity, densityKgPerLitre);
  }
  throw new AccountingError('unit-mismatch', `cannot convert ${unit} to the factor basis ${basis}`, '/unit');
};

/** `GJ/t` → `t`, `GJ/10^4Nm3` → `10^4Nm3`. */
export const ncvBasisOf = (ncvUnit: 'GJ/t' | 'GJ/10^4Nm3'): NcvBasis =>
  ncvUnit === 'GJ/t' ? 't' : '10^4Nm3';
