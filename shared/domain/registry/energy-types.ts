import { FUEL_TYPES, type FuelType } from '../carbon/accounting/accounting-types.ts';
import type { EnergyType } from './records.ts';

/**
 * What each energy type is to the accounting engine and to the rollups: the fuel it burns (every
 * fuel of the GB/T 32150 table is an energy type of the same name), the basis its quantities are
 * counted on (mass, or standard gas volume: the basis of the fuel's NCV in the library), and its
 * zh-CN name for reports. test/unit/registry/energy-types.test.ts checks the bases against the
 * library's NCV units and the litre fuels against its densities, so the two cannot drift apart.
 */

/** Fuels whose NCV is per 10⁴ Nm³ (GB/T 32150 Table B.1): metered by standard volume. */
export const GAS_FUELS: readonly FuelType[] = [
  'natural-gas',
  'coke-oven-gas',
  'blast-furnace-gas',
  'converter-gas',
  'other-coal-gas',
];

/** Liquid fuels the library holds a density for, so a meter may count litres. */
export const LITRE_FUELS: readonly FuelType[] = ['diesel', 'gasoline'];

export const isFuelEnergyType = (energyType: string): energyType is FuelType & EnergyType =>
  (FUEL_TYPES as readonly string[]).includes(energyType);

export type FuelBasis = 'gas' | 'mass';

export const fuelBasisOf = (fuel: FuelType): FuelBasis => (GAS_FUELS.includes(fuel) ? 'gas' : 'mass');

export const ENERGY_TYPE_LABELS: Readonly<Record<EnergyType, string>> = {
  electricity: '电力 electricity',
  'natural-gas': '天然气 natural gas',
  diesel: '柴油 diesel',
  gasoline: '汽油 gasoline',
  lpg: '液化石油气 LPG',
  'raw-coal': '原煤 raw coal',
  'steam-heat': '热力 steam/heat',
  'process-emission': '过程排放 process',
  anthracite: '无烟煤 anthracite',
  'bituminous-coal': '烟煤 bituminous coal',
  lignite: '褐煤 lignite',
  'washed-coal': '洗精煤 washed coal',
  'other-washed-coal': '其他洗煤 other washed coal',
  briquette: '型煤 briquettes',
  coke: '焦炭 coke',
  'crude-oil': '原油 crude oil',
  'fuel-oil': '燃料油 fuel oil',
  kerosene: '煤油 kerosene',
  lng: '液化天然气 LNG',
  naphtha: '石脑油 naphtha',
  'coal-tar': '焦油 coal tar',
  'crude-benzene': '粗苯 crude benzene',
  'other-petroleum-products': '其他石油制品 other petroleum products',
  'refinery-gas': '炼厂干气 refinery gas',
  'coke-oven-gas': '焦炉煤气 coke-oven gas',
  'blast-furnace-gas': '高炉煤气 blast-furnace gas',
  'converter-gas': '转炉煤气 converter gas',
  'other-coal-gas': '其他煤气 other coal gas',
};
