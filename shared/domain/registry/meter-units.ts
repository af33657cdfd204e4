import type { EnergyType } from './records.ts';

/**
 * The reading units a meter of each energy type may report in: exactly the units the accounting
 * engine (shared/domain/carbon/units.ts and account-*.ts) can bring to its factor basis, so a
 * registered meter can never produce a reading the engine must refuse as a unit mismatch.
 *   fuels with an NCV per tonne take mass; diesel and gasoline also litres (the library has their
 *   densities); gases take standard volumes; heat takes energy; process sensors report CO2e or the
 *   mass of each gas.
 */
export const METER_UNITS: Readonly<Record<EnergyType, readonly string[]>> = {
  electricity: ['kWh', 'MWh'],
  'natural-gas': ['Nm3', 'm3', '10^4Nm3'],
  diesel: ['L', 'kg', 't'],
  gasoline: ['L', 'kg', 't'],
  lpg: ['kg', 't'],
  'raw-coal': ['kg', 't'],
  'steam-heat': ['MJ', 'GJ', 'TJ'],
  'process-emission': ['tCO2e', 'kgCO2e', 'kg', 't'],
};

/** Purchased electricity and heat are scope 2 (indirect); burning fuel and process emissions scope 1. */
export const scopeOfEnergyType = (energyType: EnergyType): 1 | 2 =>
  energyType === 'electricity' || energyType === 'steam-heat' ? 2 : 1;

export const isMeterUnit = (energyType: EnergyType, unit: string): boolean =>
  METER_UNITS[energyType].includes(unit);
