import { fuelBasisOf, isFuelEnergyType, LITRE_FUELS } from './energy-types.ts';
import { ENERGY_TYPES, type EnergyType } from './records.ts';

/**
 * The reading units a meter of each energy type may report in: exactly the units the accounting
 * engine (shared/domain/carbon/accounting/units.ts and account-*.ts) can bring to its factor basis, so a
 * registered meter can never produce a reading the engine must refuse as a unit mismatch.
 *   fuels with an NCV per tonne take mass; diesel and gasoline also litres (the library has their
 *   densities); gases take standard volumes; heat takes energy; process sensors report CO2e or the
 *   mass of each gas.
 */
const NON_FUEL_UNITS = {
  electricity: ['kWh', 'MWh'],
  'steam-heat': ['MJ', 'GJ', 'TJ'],
  'process-emission': ['tCO2e', 'kgCO2e', 'kg', 't'],
} as const;

const unitsOf = (energyType: EnergyType): readonly string[] => {
  if (!isFuelEnergyType(energyType)) return NON_FUEL_UNITS[energyType as keyof typeof NON_FUEL_UNITS];
  if (fuelBasisOf(energyType) === 'gas') return ['Nm3', 'm3', '10^4Nm3'];
  return LITRE_FUELS.includes(energyType) ? ['L', 'kg', 't'] : ['kg', 't'];
};

export const METER_UNITS: Readonly<Record<EnergyType, readonly string[]>> = Object.fromEntries(
  ENERGY_TYPES.map((type) => [type, unitsOf(type)]),
) as Record<EnergyType, readonly string[]>;

/** Purchased electricity and heat are scope 2 (indirect); burning fuel and process emissions scope 1. */
export const scopeOfEnergyType = (energyType: EnergyType): 1 | 2 =>
  energyType === 'electricity' || energyType === 'steam-heat' ? 2 : 1;

export const isMeterUnit = (energyType: EnergyType, unit: string): boolean =>
  METER_UNITS[energyType].includes(unit);
