import { fuelBasisOf, isFuelEnergyType } from '../../registry/energy-types.ts';
import { ENERGY_TYPES, type EnergyType } from '../../registry/records.ts';
import {
  isElectricityUnit,
  isGasVolumeUnit,
  isHeatUnit,
  isMassUnit,
  litresToTonnes,
  toGigajoules,
  toTonnes,
} from '../accounting/units.ts';
import { QUANTITY_SCALE, toFixed } from './fixed-point.ts';

/**
 * One unit per energy type for every summed quantity. A meter reports in its own unit (its registry
 * record says which: shared/domain/registry/meter-units.ts); each reading is converted here, at the
 * meter, before anything is summed, so the enterprise, industry and city items add like with like
 * (845 600 kWh + 1 MWh = 846 600 kWh, never "845 601"). Conversions use the accounting engine's own
 * (shared/domain/carbon/accounting/units.ts); litres of a liquid fuel become tonnes with the density the
 * engine used for that reading.
 *
 *   electricity                      kWh    (MWh × 1 000)
 *   gaseous fuels (natural gas, coke-oven, blast-furnace, converter, other coal gas)
 *                                    Nm3    (m3 as billed = Nm3; 10^4Nm3 × 10 000)
 *   every other fuel (coals, coke, oils, LPG, LNG, refinery gas …)
 *                                    t      (kg ÷ 1 000; diesel and gasoline litres × density)
 *   purchased heat                   GJ     (MJ ÷ 1 000; TJ × 1 000)
 *   process emission                 tCO2e  (kgCO2e ÷ 1 000)
 */
const canonicalUnitOf = (type: EnergyType): string => {
  if (isFuelEnergyType(type)) return fuelBasisOf(type) === 'gas' ? 'Nm3' : 't';
  return { electricity: 'kWh', 'steam-heat': 'GJ', 'process-emission': 'tCO2e' }[type as string] ?? '';
};

export const CANONICAL_UNITS: Readonly<Record<EnergyType, string>> = Object.fromEntries(
  ENERGY_TYPES.map((type) => [type, canonicalUnitOf(type)]),
) as Record<EnergyType, string>;

/** A unit the table cannot convert (the registry's unit rules make it unreachable for a registered meter). */
export class UnitConversionError extends Error {
  constructor(energyType: string, unit: string) {
    super(`no conversion from ${unit} to the canonical unit of ${energyType}`);
    this.name = 'UnitConversionError';
  }
}

const KWH_PER_MWH = 1000;
const NM3_PER_10K_NM3 = 10_000;
const KG_PER_TONNE = 1000;

type Converter = (unit: string, quantity: number, densityKgPerLitre?: number) => number | undefined;

/** Tonnes of a fuel metered by mass, or by volume with the density the engine used. */
const fuelTonnes: Converter = (unit, quantity, density) => {
  if (isMassUnit(unit)) return toTonnes(quantity, unit);
  return unit === 'L' && density !== undefined ? litresToTonnes(quantity, density) : undefined;
};

// Billed m3 are already at standard conditions (carbon/units.ts), so m3 = Nm3.
const gasNm3: Converter = (unit, q) =>
  !isGasVolumeUnit(unit) ? undefined : unit === '10^4Nm3' ? q * NM3_PER_10K_NM3 : q;

const OTHER_CONVERTERS: Readonly<Record<string, Converter>> = {
  electricity: (unit, q) => (!isElectricityUnit(unit) ? undefined : unit === 'MWh' ? q * KWH_PER_MWH : q),
  'steam-heat': (unit, q) => (isHeatUnit(unit) ? toGigajoules(q, unit) : undefined),
  'process-emission': (unit, q) => (unit === 'tCO2e' ? q : unit === 'kgCO2e' ? q / KG_PER_TONNE : undefined),
};

/** Canonical amount of one reading of an energy type, or undefined for a unit it does not know. */
const converterOf = (type: EnergyType): Converter => {
  if (isFuelEnergyType(type)) return fuelBasisOf(type) === 'gas' ? gasNm3 : fuelTonnes;
  return OTHER_CONVERTERS[type] ?? (() => undefined);
};

/**
 * A meter quantity in the canonical unit of its energy type (a double; quantityToFixed gives what
 * is stored). Throws UnitConversionError for a unit the table does not know, and for litres
 * without a density.
 */
export const toCanonical = (
  energyType: EnergyType,
  unit: string,
  quantity: number,
  densityKgPerLitre?: number,
): number => {
  const canonical = converterOf(energyType)(unit, quantity, densityKgPerLitre);
  if (canonical === undefined) throw new UnitConversionError(energyType, unit);
  return canonical;
};

/** The stored figure: integer millionths of the canonical unit, rounded half-even. */
export const quantityToFixed = (
  energyType: EnergyType,
  unit: string,
  quantity: number,
  densityKgPerLitre?: number,
): number => toFixed(toCanonical(energyType, unit, quantity, densityKgPerLitre), QUANTITY_SCALE);
