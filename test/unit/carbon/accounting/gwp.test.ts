import { describe, expect, it } from 'vitest';
import { accountActivity } from '../../../../shared/domain/carbon/accounting/account.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import { getGwpSet, gwpOf, toCo2eTonnes } from '../../../../shared/domain/carbon/accounting/gwp.ts';
import { context } from './factor-fixtures.ts';
import { expectSigFigs } from './sig-figs.ts';

const library = loadFactorLibrary();
const AR5 = getGwpSet('AR5');
const AR6 = getGwpSet('AR6');
const AR2 = getGwpSet('AR2');
const AR4 = getGwpSet('AR4');

describe('GWP sets', () => {
  it('carry AR2 (SAR) and AR4 values too, each with its citation and content hash', () => {
    // SAR 1995: CH4 21, N2O 310; AR4 WG1 Table 2.14: CH4 25, N2O 298.
    expect([gwpOf(AR2, 'CH4'), gwpOf(AR2, 'N2O')]).toEqual([21, 310]);
    expect([gwpOf(AR4, 'CH4'), gwpOf(AR4, 'N2O')]).toEqual([25, 298]);
    for (const set of [AR2, AR4, AR5, AR6]) {
      expect(set.citation.length).toBeGreaterThan(0);
      expect(set.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });

  it('weigh 2.5 t CH4 and 0.1 t N2O by hand under each set', () => {
    const gases = { CH4: 2.5, N2O: 0.1 };
    // AR2: 2.5×21 + 0.1×310 = 52.5 + 31 = 83.5; AR4: 62.5 + 29.8 = 92.3
    // AR5: 70 + 26.5 = 96.5; AR6 fossil: 74.5 + 27.3 = 101.8
    expectSigFigs(toCo2eTonnes(gases, AR2), 83.5);
    expectSigFigs(toCo2eTonnes(gases, AR4), 92.3);
    expectSigFigs(toCo2eTonnes(gases, AR5), 96.5);
    expectSigFigs(toCo2eTonnes(gases, AR6), 101.8);
  });

  it('carry the published GWP100 values', () => {
    // AR5 WG1 Table 8.7; AR6 WG1 Table 7.15.
    expect([gwpOf(AR5, 'CO2'), gwpOf(AR5, 'CH4'), gwpOf(AR5, 'N2O')]).toEqual([1, 28, 265]);
    expect([gwpOf(AR6, 'CH4', 'fossil'), gwpOf(AR6, 'CH4', 'non-fossil'), gwpOf(AR6, 'N2O')]).toEqual([
      29.8, 27, 273,
    ]);
  });

  it('weigh the same tonne of CH4 differently under AR5 and AR6', () => {
    // Prepare
    const methane = { CH4: 2.5 };
    // Act / Assess: 2.5 t × 28 = 70 t (AR5); 2.5 × 29.8 = 74.5 t (AR6 fossil); 2.5 × 27.0 = 67.5 t (AR6 non-fossil)
    expectSigFigs(toCo2eTonnes(methane, AR5), 70);
    expectSigFigs(toCo2eTonnes(methane, AR6, 'fossil'), 74.5);
    expectSigFigs(toCo2eTonnes(methane, AR6, 'non-fossil'), 67.5);
  });

  it('change the CO2e of a fuel only through its CH4 and N2O', () => {
    const gas = {
      type: 'fuel',
      fuel: 'natural-gas',
      quantity: 10,
      unit: '10^4Nm3',
      region: 'CN',
      year: 2023,
    } as const;

    const ar5 = accountActivity(gas, library, context({ method: 'ipcc-2006', gwp: 'AR5' }));
    const ar6 = accountActivity(gas, library, context({ method: 'ipcc-2006', gwp: 'AR6' }));

    // CO2 216.2189 t either way; CH4 0.0038931 t, N2O 0.00038931 t
    // AR5: 216.2189 + 0.0038931 × 28 + 0.00038931 × 265 = 216.2189 + 0.10901 + 0.10317 = 216.4311
    // AR6: 216.2189 + 0.0038931 × 29.8 + 0.00038931 × 273 = 216.2189 + 0.11601 + 0.10628 = 216.4412
    expectSigFigs(ar5.co2eTonnes, 216.4311);
    expectSigFigs(ar6.co2eTonnes, 216.4412);
    // AR2: 216.2189 + 0.0038931 × 21 (0.081755) + 0.00038931 × 310 (0.12069) = 216.4213
    const ar2 = accountActivity(gas, library, context({ method: 'ipcc-2006', gwp: 'AR2' }));
    expectSigFigs(ar2.co2eTonnes, 216.4213);
    // Under the GB/T method the set does not matter: combustion is CO2 only.
    const gbt = accountActivity(gas, library, context({ method: 'gbt-32150', gwp: 'AR2' }));
    expect(gbt.co2eTonnes).toBe(ar5.gases.CO2);
    expect(ar6.gases.CO2).toBe(ar5.gases.CO2);
    expect([ar5.gwpSet, ar6.gwpSet]).toEqual(['AR5', 'AR6']);
  });
});

describe('direct process-emission sensors (scope 1)', () => {
  it('convert each measured gas with its GWP', () => {
    const activity = {
      type: 'process-emission',
      measured: 'per-gas',
      gases: { CO2: 10_000, CH4: 500, N2O: 10 },
      unit: 'kg',
      methaneOrigin: 'non-fossil',
    } as const;

    const result = accountActivity(activity, library, context({ method: 'ipcc-2006', gwp: 'AR6' }));

    // 10 000 kg = 10 t CO2; 500 kg = 0.5 t CH4 × 27.0 = 13.5 t; 10 kg = 0.01 t N2O × 273 = 2.73 t
    // total = 10 + 13.5 + 2.73 = 26.23 tCO2e
    expectSigFigs(result.co2eTonnes, 26.23);
    expect(result).toMatchObject({
      scope: 1,
      calculation: 'direct-measurement',
      energyTce: 0,
      gases: { CO2: 10, CH4: 0.5, N2O: 0.01 },
      methaneOrigin: 'non-fossil',
      factors: [],
    });
  });

  it('take a CO2e reading as it is, converting kg to t', () => {
    const activity = {
      type: 'process-emission',
      measured: 'co2e',
      quantity: 1234.5,
      unit: 'kgCO2e',
    } as const;

    const result = accountActivity(activity, library, context({ method: 'ipcc-2006', gwp: 'AR5' }));

    // 1 234.5 kg ÷ 1 000 = 1.2345 t
    expectSigFigs(result.co2eTonnes, 1.2345);
    expect(result.gases).toEqual({});
  });
});
