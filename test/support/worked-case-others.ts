import { combustion, GJ_PER_TCE } from './worked-case-fuels.ts';
import type { Case, MeterSpec } from './worked-cases.ts';

/**
 * The worked cases beyond the fuel table (ingest-worked-cases.test.ts): grid programmes, heat,
 * process sensors, the IPCC method under each GWP set, measured parameters and unit conversions.
 * Expected figures are computed by hand from the published values quoted here.
 */

const JULY = { validFrom: '2026-07-01', validTo: '2026-07-31', source: '化验报告 2026-07' };
export const otherMeters: MeterSpec[] = [
  {
    id: 'WC-E-REG',
    enterpriseId: 'ENT-0001',
    energyType: 'electricity',
    unit: 'kWh',
    gridRegion: 'CN-SOUTH',
  },
  {
    id: 'WC-E-NAT',
    enterpriseId: 'ENT-0002',
    energyType: 'electricity',
    unit: 'MWh',
    gridRegion: 'CN-SOUTH',
  },
  { id: 'WC-E-ETS', enterpriseId: 'ENT-0003', energyType: 'electricity', unit: 'kWh', gridRegion: 'CN-EAST' },
  {
    id: 'WC-E-RES',
    enterpriseId: 'ENT-0004',
    energyType: 'electricity',
    unit: 'kWh',
    gridRegion: 'CN-SOUTH',
    greenPower: true,
  },
  {
    id: 'WC-E-EAST',
    enterpriseId: 'ENT-0001',
    energyType: 'electricity',
    unit: 'MWh',
    gridRegion: 'CN-EAST',
  },
  { id: 'WC-HEAT-MJ', enterpriseId: 'ENT-0002', energyType: 'steam-heat', unit: 'MJ' },
  { id: 'WC-HEAT-TJ', enterpriseId: 'ENT-0002', energyType: 'steam-heat', unit: 'TJ' },
  { id: 'WC-PROC', enterpriseId: 'ENT-0003', energyType: 'process-emission', unit: 'kgCO2e' },
  { id: 'WC-GAS-IPCC', enterpriseId: 'ENT-0001', energyType: 'natural-gas', unit: 'Nm3' },
  {
    id: 'WC-COKE-M',
    enterpriseId: 'ENT-0001',
    energyType: 'coke',
    unit: 't',
    measuredParameters: [
      {
        parameter: 'ncv',
        value: 28,
        unit: 'GJ/t',
        validFrom: '2026-07-01',
        validTo: '2026-07-10',
        source: '化验单 0701',
      },
    ],
  },
  {
    id: 'WC-GAS-M',
    enterpriseId: 'ENT-0001',
    energyType: 'natural-gas',
    unit: 'Nm3',
    measuredParameters: [{ parameter: 'ncv', value: 38.5, unit: 'MJ/Nm3', ...JULY }],
  },
  {
    id: 'WC-DIESEL-M',
    enterpriseId: 'ENT-0001',
    energyType: 'diesel',
    unit: 'L',
    measuredParameters: [{ parameter: 'density', value: 840, unit: 'kg/m3', ...JULY }],
  },
  {
    id: 'WC-BIT-M',
    enterpriseId: 'ENT-0001',
    energyType: 'bituminous-coal',
    unit: 't',
    measuredParameters: [
      { parameter: 'carbon-content', value: 0.0262, unit: 'tC/GJ', ...JULY },
      { parameter: 'oxidation-rate', value: 95, unit: '%', ...JULY },
    ],
  },
];

// Grid factors of data year 2023 (the latest the library has for 2026): Southern grid 0.4042, East
// China 0.5500, national 0.5306, residual mix 0.6096 tCO2/MWh; MEE's ETS factor 0.5703. Electricity
// energy at 0.1229 kgce/kWh; heat 0.11 tCO2/GJ and 0.03412 kgce/MJ.
export const otherCases: Case[] = [
  {
    name: 'regional grid (ENT-0001, deployment default): 1 000 kWh',
    meter: 'WC-E-REG',
    quantity: 1000,
    expected: { co2eT: 0.4042, co2eMarketT: 0.6096, tce: 0.1229, quantity: [1000, 'kWh'] },
  },
  {
    name: 'regional grid, East China: 2 MWh × 0.5500',
    meter: 'WC-E-EAST',
    quantity: 2,
    expected: { co2eT: 1.1, co2eMarketT: 1.2192, tce: 0.2458, quantity: [2000, 'kWh'] },
  },
  {
    name: 'national average (ENT-0002’s choice): 2 MWh × 0.5306',
    meter: 'WC-E-NAT',
    quantity: 2,
    expected: { co2eT: 1.0612, co2eMarketT: 1.2192, tce: 0.2458, quantity: [2000, 'kWh'] },
  },
  {
    name: 'ETS factor (ENT-0003’s choice), whatever the region: 1 MWh × 0.5703',
    meter: 'WC-E-ETS',
    quantity: 1000,
    expected: { co2eT: 0.5703, co2eMarketT: 0.6096, tce: 0.1229 },
  },
  {
    name: 'residual mix (ENT-0004’s choice), green power: location 0.5 × 0.4042, market 0',
    meter: 'WC-E-RES',
    quantity: 500,
    expected: { co2eT: 0.2021, co2eMarketT: 0, tce: 0.06145 },
  },
  {
    name: 'provincial (deployment setting, no provincial values yet): the regional grid',
    meter: 'WC-E-REG',
    quantity: 1000,
    env: { factorProgramme: 'mee-nbs-provincial' },
    expected: { co2eT: 0.4042, co2eMarketT: 0.6096, tce: 0.1229 },
  },
  {
    name: 'heat in MJ: 5 000 MJ = 5 GJ × 0.11',
    meter: 'WC-HEAT-MJ',
    quantity: 5000,
    expected: { co2eT: 0.55, tce: 0.1706, quantity: [5, 'GJ'] },
  },
  {
    name: 'heat in TJ: 0.002 TJ = 2 GJ × 0.11',
    meter: 'WC-HEAT-TJ',
    quantity: 0.002,
    expected: { co2eT: 0.22, tce: 0.06824, quantity: [2, 'GJ'] },
  },
  {
    name: 'process sensor in kgCO2e: 1 500 kg = 1.5 t, no energy',
    meter: 'WC-PROC',
    quantity: 1500,
    expected: { co2eT: 1.5, tce: 0, quantity: [1.5, 'tCO2e'] },
  },
  // IPCC all gases: CO2 as GB/T (216.2189 t) + CH4 3.8931 kg and N2O 0.38931 kg on 3.8931 TJ
  ...(
    [
      ['AR2', 21, 310],
      ['AR4', 25, 298],
      ['AR5', 28, 265],
      ['AR6', 29.8, 273],
    ] as const
  ).map(
    ([set, ch4, n2o]): Case => ({
      name: `IPCC method, ${set}: 100 000 Nm3 + CH4 × ${ch4} + N2O × ${n2o}`,
      meter: 'WC-GAS-IPCC',
      quantity: 100_000,
      env: { accountingMethod: 'ipcc-2006', gwpSet: set },
      expected: {
        co2eT: combustion(10, 389.31, 15.3, 0.99) + 0.0038931 * ch4 + 0.00038931 * n2o,
        tce: 3893.1 / GJ_PER_TCE,
        ch4: 0.0038931,
      },
    }),
  ),
  {
    name: 'measured NCV in its period: 100 t coke × 28 GJ/t (not 28.435)',
    meter: 'WC-COKE-M',
    quantity: 100,
    ts: '2026-07-02T02:00:00Z',
    expected: { co2eT: combustion(100, 28, 29.5, 0.93), tce: 2800 / GJ_PER_TCE },
  },
  {
    name: 'after the measurement’s period: the library NCV and the GB/T 2589 coefficient',
    meter: 'WC-COKE-M',
    quantity: 100,
    ts: '2026-07-20T02:00:00Z',
    expected: { co2eT: combustion(100, 28.435, 29.5, 0.93), tce: 97.14 },
  },
  {
    name: 'measured NCV in MJ/Nm3: 1 000 Nm3 × 38.5 MJ/Nm3 = 38.5 GJ',
    meter: 'WC-GAS-M',
    quantity: 1000,
    expected: { co2eT: combustion(0.1, 385, 15.3, 0.99), tce: 38.5 / GJ_PER_TCE, quantity: [1000, 'Nm3'] },
  },
  {
    name: 'measured density 840 kg/m3: 1 000 L diesel = 0.84 t',
    meter: 'WC-DIESEL-M',
    quantity: 1000,
    expected: { co2eT: combustion(0.84, 42.652, 20.2, 0.98), tce: 0.84 * 1.4571, quantity: [0.84, 't'] },
  },
  {
    name: 'measured carbon content 0.0262 tC/GJ and oxidation 95 %: 10 t bituminous coal',
    meter: 'WC-BIT-M',
    quantity: 10,
    expected: { co2eT: combustion(10, 19.57, 26.2, 0.95), tce: 195.7 / GJ_PER_TCE },
  },
];
