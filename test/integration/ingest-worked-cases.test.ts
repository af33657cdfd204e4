import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../shared/config/env.ts';
import { localPeriodsOf } from '../../shared/domain/emissions/rollup-model.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { emissionsOf } from '../support/telemetry-client.ts';
import { chooseProgramme, type MeterSpec, publishReadings, registerMeter } from '../support/worked-cases.ts';
import { expectSigFigs } from '../unit/carbon/sig-figs.ts';

/**
 * Worked cases end to end (issue 13): meters registered through the API, readings over MQTT, figures
 * read back through `GET /emissions` — every fuel of the GB/T 32150 table, every grid programme, every
 * GWP set, the measured-parameter cases and the unit conversions. The expected figures are computed
 * here by hand from the published values written into the table below, to 4 significant figures.
 * One stack, one meter per line of the registry, one hour per case.
 */
let t: TestStack;
const passwords = new Map<string, string>();

// ---- Hand computation ----------------------------------------------------------------------------
const CO2_PER_C = 44 / 12;
const GJ_PER_TCE = 29.3076; // GB/T 2589-2020: 1 kgce = 29 307.6 kJ
/** E = amount × NCV × CC × OF × 44/12 (amount in t or 10⁴ Nm³, NCV in GJ per that, CC in tC/TJ). */
const combustion = (amount: number, ncv: number, cc: number, of: number) =>
  (amount * ncv * cc * of * CO2_PER_C) / 1000;

/**
 * GB/T 32150-2015 Table B.1 as published (NCV GJ/t or GJ/10⁴Nm³, carbon content tC/TJ, oxidation),
 * with the GB/T 2589-2020 Appendix A coefficient where it gives one value (kgce/kg; kgce/m³ for
 * blast-furnace gas). Each row: [fuel, meter unit, quantity, amount on the NCV basis, NCV, CC, OF,
 * tce coefficient, canonical quantity].
 */
const FUELS: [string, string, number, number, number, number, number, number | undefined, number][] = [
  ['anthracite', 't', 10, 10, 26.7, 27.4, 0.94, undefined, 10],
  ['bituminous-coal', 'kg', 5000, 5, 19.57, 26.1, 0.93, undefined, 5],
  ['lignite', 't', 10, 10, 11.9, 28, 0.96, undefined, 10],
  ['washed-coal', 't', 10, 10, 26.334, 25.41, 0.9, 0.9, 10],
  ['other-washed-coal', 't', 10, 10, 12.545, 25.41, 0.9, undefined, 10],
  ['briquette', 't', 10, 10, 17.46, 33.6, 0.9, undefined, 10],
  ['coke', 't', 10, 10, 28.435, 29.5, 0.93, 0.9714, 10],
  ['raw-coal', 't', 10, 10, 20.908, 26.37, 0.94, 0.7143, 10],
  ['crude-oil', 't', 2, 2, 41.816, 20.1, 0.98, 1.4286, 2],
  ['fuel-oil', 'kg', 1500, 1.5, 41.816, 21.1, 0.98, 1.4286, 1.5],
  // 1 000 L × 0.7475 kg/L (GB 17930 density in the library) = 0.7475 t
  ['gasoline', 'L', 1000, 0.7475, 43.07, 18.9, 0.98, 1.4714, 0.7475],
  ['diesel', 't', 2, 2, 42.652, 20.2, 0.98, 1.4571, 2],
  ['kerosene', 't', 2, 2, 43.07, 19.6, 0.98, 1.4714, 2],
  ['lng', 't', 2, 2, 44.2, 17.2, 0.98, 1.7572, 2],
  ['lpg', 'kg', 1500, 1.5, 50.179, 17.2, 0.98, 1.7143, 1.5],
  ['naphtha', 't', 2, 2, 44.5, 20, 0.98, undefined, 2],
  ['coal-tar', 't', 2, 2, 33.453, 22, 0.98, undefined, 2],
  ['crude-benzene', 't', 2, 2, 41.816, 22.7, 0.98, undefined, 2],
  ['other-petroleum-products', 't', 2, 2, 40.2, 20, 0.98, undefined, 2],
  ['refinery-gas', 't', 2, 2, 45.998, 18.2, 0.99, 1.5714, 2],
  ['natural-gas', '10^4Nm3', 2, 2, 389.31, 15.3, 0.99, undefined, 20_000],
  ['coke-oven-gas', 'Nm3', 5000, 0.5, 179.81, 13.58, 0.99, undefined, 5000],
  // blast-furnace gas: 0.1286 kgce/m³ → 10⁴ Nm³ × 10 × 0.1286 tce
  ['blast-furnace-gas', 'm3', 100_000, 10, 33, 70.8, 0.99, 0.1286 * 10, 100_000],
  ['converter-gas', 'Nm3', 20_000, 2, 84, 49.6, 0.99, undefined, 20_000],
  ['other-coal-gas', 'Nm3', 10_000, 1, 52.27, 12.2, 0.99, undefined, 10_000],
];

interface Expected {
  co2eT: number;
  co2eMarketT?: number;
  tce: number;
  quantity?: [number, string];
  /** CH4 in tonnes: only the IPCC method counts it. */
  ch4?: number;
}

interface Case {
  name: string;
  meter: string;
  quantity: number;
  /** An explicit instant; otherwise the case gets an hour of its own in July 2026. */
  ts?: string;
  /** Configuration while this case is ingested (the deployment's settings). */
  env?: Partial<Record<'accountingMethod' | 'gwpSet' | 'factorProgramme', string>>;
  expected: Expected;
}

const fuelMeters: MeterSpec[] = FUELS.map(([fuel, unit]) => ({
  id: `WC-${fuel}`,
  enterpriseId: 'ENT-0001',
  energyType: fuel,
  unit,
}));
const fuelCases: Case[] = FUELS.map(([fuel, , quantity, amount, ncv, cc, of, coefficient, canonical]) => ({
  name: `${fuel}: ${quantity} → ${amount} × ${ncv} × ${cc} × ${of} × 44/12`,
  meter: `WC-${fuel}`,
  quantity,
  expected: {
    co2eT: combustion(amount, ncv, cc, of),
    tce: coefficient === undefined ? (amount * ncv) / GJ_PER_TCE : amount * coefficient,
    quantity: [
      canonical,
      ['natural-gas', 'coke-oven-gas', 'blast-furnace-gas', 'converter-gas', 'other-coal-gas'].includes(fuel)
        ? 'Nm3'
        : 't',
    ],
    ch4: 0,
  },
}));

const JULY = { validFrom: '2026-07-01', validTo: '2026-07-31', source: '化验报告 2026-07' };
const otherMeters: MeterSpec[] = [
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
const otherCases: Case[] = [
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

const CASES: Case[] = [...fuelCases, ...otherCases];
const FIRST_HOUR = Date.parse('2026-07-11T00:00:00Z');
const tsOf = (c: Case, i: number) => c.ts ?? new Date(FIRST_HOUR + i * 3_600_000).toISOString();
const hourOf = (c: Case, i: number) => localPeriodsOf(new Date(tsOf(c, i))).hour;

const withEnv = async (env: Case['env'], run: () => Promise<void>) => {
  const names = {
    accountingMethod: ENV.accountingMethod,
    gwpSet: ENV.gwpSet,
    factorProgramme: ENV.factorProgramme,
  };
  for (const [key, value] of Object.entries(env ?? {})) process.env[names[key as keyof typeof names]] = value;
  try {
    await run();
  } finally {
    for (const key of Object.keys(env ?? {})) delete process.env[names[key as keyof typeof names]];
  }
};

beforeAll(async () => {
  t = await startTestStack();
  await chooseProgramme(t, 'ENT-0002', 'mee-nbs-national');
  await chooseProgramme(t, 'ENT-0003', 'mee-ets-power');
  await chooseProgramme(t, 'ENT-0004', 'mee-nbs-residual-mix');
  for (const spec of [...fuelMeters, ...otherMeters]) passwords.set(spec.id, await registerMeter(t, spec));
  // Cases under the deployment's defaults together; each configuration change on its own.
  const reading = (c: Case, i: number) => ({
    meterId: c.meter,
    messageId: `wc-${i}`,
    ts: tsOf(c, i),
    quantity: c.quantity,
  });
  await publishReadings(
    t,
    passwords,
    CASES.flatMap((c, i) => (c.env ? [] : [reading(c, i)])),
  );
  for (const [i, c] of CASES.entries())
    if (c.env) await withEnv(c.env, () => publishReadings(t, passwords, [reading(c, i)]));
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('worked cases through MQTT and GET /emissions (4 significant figures)', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const hour = await emissionsOf(t, 'supervisor', {
      level: 'meter',
      id: c.meter,
      period: hourOf(c, i),
      granularity: 'hour',
    });
    const { totals } = hour;
    const { expected } = c;

    expect(totals.readings).toBe(1);
    expectSigFigs(totals.co2eT, expected.co2eT);
    expectSigFigs((totals as unknown as { tce: number }).tce, expected.tce);
    if (expected.co2eMarketT !== undefined)
      expectSigFigs((totals as unknown as { co2eMarketT: number }).co2eMarketT, expected.co2eMarketT);
    if (expected.ch4 !== undefined) expectSigFigs(totals.gases.CH4 ?? 0, expected.ch4);
    if (expected.quantity) {
      const [value, unit] = expected.quantity;
      const found = Object.values(totals.quantities)[0];
      expect(found?.unit).toBe(unit);
      expectSigFigs(found?.value ?? 0, value);
    }
  });
});

describe('each figure names how it was made', () => {
  const programmeOf = async (meter: string, name: string) => {
    const i = CASES.findIndex((c) => c.meter === meter && c.name.startsWith(name));
    const response = await t.api(
      `/emissions/trace?level=meter&id=${meter}&period=${hourOf(CASES[i] as Case, i)}`,
      {
        token: t.stack.users.supervisor.token,
      },
    );
    const body = (await response.json()) as {
      batches: {
        method: string;
        programme?: string;
        marketProgramme?: string;
        gwpSet: string;
        explanation: { replayed: boolean };
      }[];
    };
    return body.batches[0];
  };

  it('names the enterprise’s programme, the deployment’s, and the method and GWP set in force', async () => {
    expect(await programmeOf('WC-E-ETS', 'ETS')).toMatchObject({
      method: 'gbt-32150',
      programme: 'mee-ets-power',
      gwpSet: 'AR5',
    });
    // A residual-mix choice prices the market figure; the location figure stays on the regional grid
    expect(await programmeOf('WC-E-RES', 'residual')).toMatchObject({
      programme: 'mee-nbs-regional',
      marketProgramme: 'mee-nbs-residual-mix',
    });
    expect(await programmeOf('WC-E-REG', 'provincial')).toMatchObject({ programme: 'mee-nbs-provincial' });
    expect(await programmeOf('WC-GAS-IPCC', 'IPCC method, AR2')).toMatchObject({
      method: 'ipcc-2006',
      gwpSet: 'AR2',
    });
    expect((await programmeOf('WC-GAS-IPCC', 'IPCC method, AR4'))?.explanation.replayed).toBe(true);
  });
});
