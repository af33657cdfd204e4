import { describe, expect, it } from 'vitest';
import { accountActivity } from '../../../../shared/domain/carbon/accounting/account.ts';
import { FUEL_TYPES, type FuelType } from '../../../../shared/domain/carbon/accounting/accounting-types.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import { context } from './factor-fixtures.ts';
import { expectSigFigs } from './sig-figs.ts';

const library = loadFactorLibrary();
const burn = (fuel: FuelType, quantity: number, unit: 't' | '10^4Nm3') =>
  accountActivity({ type: 'fuel', fuel, quantity, unit, region: 'CN', year: 2024 }, library, context());

/**
 * One worked case per fuel of GB/T 32150-2015 Table B.1 (as transcribed; see the data's
 * verification notes), GB/T method: CO2 = FC × NCV × CC × OF × 44/12, CO2 only.
 * tce: GB/T 2589-2020 Appendix A coefficient where the table gives one value, else GJ ÷ 29.3076.
 */
const CASES: [FuelType, number, 't' | '10^4Nm3', number, number, string][] = [
  // fuel, amount, unit, CO2 t, tce, the sum by hand
  [
    'anthracite',
    100,
    't',
    252.1512,
    91.10265,
    '100×26.7=2670 GJ; 2.67 TJ×27.4=73.158 tC ×0.94=68.76852 ×44/12; 2670÷29.3076',
  ],
  [
    'bituminous-coal',
    100,
    't',
    174.175,
    66.77449,
    '1957 GJ; 1.957×26.1=51.0777 ×0.93=47.50226 tC; 1957÷29.3076',
  ],
  ['lignite', 100, 't', 117.2864, 40.6038, '1190 GJ; 1.19×28.0=33.32 ×0.96=31.9872 tC; 1190÷29.3076'],
  [
    'washed-coal',
    100,
    't',
    220.8185,
    90,
    '2633.4 GJ; 2.6334×25.41=66.91469 ×0.90=60.22322 tC; 100 t×0.9000 kgce/kg',
  ],
  [
    'other-washed-coal',
    100,
    't',
    105.1936,
    42.8046,
    '1254.5 GJ; 1.2545×25.41 ×0.90=28.68916 tC; 1254.5÷29.3076',
  ],
  ['briquette', 100, 't', 193.5965, 59.57499, '1746 GJ; 1.746×33.6=58.6656 ×0.90=52.79904 tC; 1746÷29.3076'],
  ['coke', 50, 't', 143.0209, 48.57, '1421.75 GJ; 1.42175×29.5=41.94163 ×0.93=39.00571 tC; 50×0.9714'],
  ['crude-oil', 20, 't', 60.40405, 28.572, '836.32 GJ; 0.83632×20.1=16.81003 ×0.98=16.47383 tC; 20×1.4286'],
  ['fuel-oil', 20, 't', 63.40922, 28.572, '836.32 GJ; 0.83632×21.1=17.64635 ×0.98=17.29342 tC; 20×1.4286'],
  ['kerosene', 5, 't', 15.16696, 7.357, '215.35 GJ; 0.21535×19.6=4.22086 ×0.98=4.136443 tC; 5×1.4714'],
  ['lng', 10, 't', 27.31796, 17.572, '442 GJ; 0.442×17.2=7.6024 ×0.98=7.450352 tC; 10×1.7572'],
  ['naphtha', 10, 't', 31.98067, 15.18377, '445 GJ; 0.445×20.0=8.9 ×0.98=8.722 tC; 445÷29.3076'],
  [
    'coal-tar',
    10,
    't',
    26.44571,
    11.41445,
    '334.53 GJ; 0.33453×22.0=7.35966 ×0.98=7.212467 tC; 334.53÷29.3076',
  ],
  [
    'crude-benzene',
    10,
    't',
    34.10875,
    14.26797,
    '418.16 GJ; 0.41816×22.7=9.492232 ×0.98=9.302387 tC; 418.16÷29.3076',
  ],
  [
    'other-petroleum-products',
    10,
    't',
    28.8904,
    13.71658,
    '402 GJ; 0.402×20.0=8.04 ×0.98=7.8792 tC; 402÷29.3076',
  ],
  ['refinery-gas', 10, 't', 30.38904, 15.714, '459.98 GJ; 0.45998×18.2=8.371636 ×0.99=8.28792 tC; 10×1.5714'],
  ['diesel', 10, 't', 30.9591, 14.571, '426.52 GJ; 0.42652×20.2=8.615704 ×0.98=8.44339 tC; 10×1.4571'],
  [
    'natural-gas',
    10,
    '10^4Nm3',
    216.2189,
    132.8359,
    '3893.1 GJ; 3.8931×15.3=59.56443 ×0.99=58.96879 tC; 3893.1÷29.3076',
  ],
  [
    'coke-oven-gas',
    50,
    '10^4Nm3',
    443.1903,
    306.7634,
    '8990.5 GJ; 8.9905×13.58=122.091 ×0.99=120.8701 tC; 8990.5÷29.3076',
  ],
  [
    'blast-furnace-gas',
    1000,
    '10^4Nm3',
    8481.132,
    1286,
    '33000 GJ; 33×70.8=2336.4 ×0.99=2313.036 tC; 10^7 m3×0.1286 kgce/m3',
  ],
  [
    'converter-gas',
    100,
    '10^4Nm3',
    1512.403,
    286.6151,
    '8400 GJ; 8.4×49.6=416.64 ×0.99=412.4736 tC; 8400÷29.3076',
  ],
  [
    'other-coal-gas',
    10,
    '10^4Nm3',
    23.14829,
    17.83496,
    '522.7 GJ; 0.5227×12.2=6.37694 ×0.99=6.313171 tC; 522.7÷29.3076',
  ],
];

describe('the GB/T 32150 fuel table, worked by hand', () => {
  it.each(CASES)('%s: %d %s → %d tCO2, %d tce', (fuel, amount, unit, co2, tce) => {
    const result = burn(fuel, amount, unit);

    expectSigFigs(result.gases.CO2 ?? Number.NaN, co2);
    expect(Object.keys(result.gases)).toEqual(['CO2']);
    expectSigFigs(result.co2eTonnes, co2);
    expectSigFigs(result.energyTce, tce);
    expect(result.factors[0]?.factorId).toBe(`gbt32150.fuel-carbon.${fuel}`);
    // 2024 activity, 2015 standard: the latest parameters not later than the activity.
    expect(result.factors[0]?.selection).toMatchObject({ chosenYear: 2015, reason: 'earlier-year' });
  });

  it('covers every fuel the engine accepts (gasoline and LPG are worked in account-fuel.test.ts)', () => {
    const worked = new Set(CASES.map(([fuel]) => fuel));
    expect(FUEL_TYPES.filter((fuel) => !worked.has(fuel))).toEqual(['gasoline', 'lpg', 'raw-coal']);
  });

  it('says where each tce came from: the Appendix A coefficient, or the NCV it used', () => {
    expect(burn('coke', 50, 't').energy).toMatchObject({
      basis: 'gbt-2589-coefficient',
      coefficient: { value: 0.9714, unit: 'kgce/kg' },
    });
    expect(burn('anthracite', 100, 't').energy).toEqual({ tce: expect.any(Number), basis: 'library-ncv' });
  });

  it('marks the table values it could not check against the published text', () => {
    const result = burn('coke-oven-gas', 1, '10^4Nm3');

    expect(result.factors[0]?.verification).toBe('unverified');
    expect(result.factors[0]?.record.verification.note).toMatch(/not checked/);
  });
});
