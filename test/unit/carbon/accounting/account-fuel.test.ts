import { describe, expect, it } from 'vitest';
import { accountActivity, type FuelActivity } from '../../../../shared/domain/carbon/accounting/account.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import { context, libraryOf } from './factor-fixtures.ts';
import { expectSigFigs } from './sig-figs.ts';

const library = loadFactorLibrary();
const GBT = context({ method: 'gbt-32150' });
const IPCC = context({ method: 'ipcc-2006' });
const fuel = (over: Partial<FuelActivity>): FuelActivity => ({
  type: 'fuel',
  fuel: 'diesel',
  quantity: 1,
  unit: 't',
  region: 'CN-SOUTH',
  year: 2023,
  ...over,
});

// GB/T 32150-2015 Appendix B Table B.1 parameters; CH4/N2O from IPCC 2006 Vol.2 Table 2.3 (kg/TJ); AR5.
describe('fuel combustion (scope 1)', () => {
  it('natural gas, GB/T method: 100 000 Nm3 is CO2 only', () => {
    // Prepare
    const activity = fuel({ fuel: 'natural-gas', quantity: 100_000, unit: 'Nm3' });
    // Act
    const result = accountActivity(activity, library, GBT);
    // Assess: 100 000 Nm3 = 10 (10^4 Nm3); energy = 10 × 389.31 = 3 893.1 GJ = 3.8931 TJ
    expectSigFigs(result.steps.find((s) => s.unit === 'TJ')?.value ?? Number.NaN, 3.8931);
    // CO2 = 3.8931 × 15.3 tC/TJ = 59.56443 tC; × 0.99 = 58.96879 tC; × 44/12 = 216.2189 t
    expectSigFigs(result.co2eTonnes, 216.2189);
    expect(result.gases).toEqual({ CO2: result.co2eTonnes });
    expect(result).toMatchObject({
      scope: 1,
      method: 'gbt-32150',
      calculation: 'fuel-combustion',
      gwpSet: 'AR5',
    });
    expect(result.factors.map((f) => [f.role, f.factorId, f.factorVersion])).toEqual([
      ['co2', 'gbt32150.fuel-carbon.natural-gas', 1],
    ]);
    expect(result.factors[0]?.selection).toMatchObject({ chosenRegion: 'CN', reason: 'national-fallback' });
  });

  it('natural gas, IPCC method: the same CO2 plus Tier-1 CH4 and N2O, and says so', () => {
    const result = accountActivity(
      fuel({ fuel: 'natural-gas', quantity: 100_000, unit: 'Nm3' }),
      library,
      IPCC,
    );

    // CH4 = 3.8931 TJ × 1 kg/TJ = 3.8931 kg = 0.0038931 t; N2O = 3.8931 × 0.1 = 0.38931 kg
    expectSigFigs(result.gases.CH4 ?? Number.NaN, 0.0038931);
    expectSigFigs(result.gases.N2O ?? Number.NaN, 0.00038931);
    // AR5: 216.2189 + 0.0038931 × 28 (0.10901) + 0.00038931 × 265 (0.10317) = 216.4311 tCO2e
    expectSigFigs(result.co2eTonnes, 216.4311);
    expect(result.method).toBe('ipcc-2006');
    expect(result.factors.map((f) => [f.role, f.factorId])).toEqual([
      ['co2', 'gbt32150.fuel-carbon.natural-gas'],
      ['non-co2', 'ipcc2006.tier1-manufacturing.natural-gas'],
    ]);
  });

  it('natural gas given in 10^4 Nm3 gives the same figure as in Nm3', () => {
    const result = accountActivity(
      fuel({ fuel: 'natural-gas', quantity: 10, unit: '10^4Nm3' }),
      library,
      GBT,
    );

    // Same 3.8931 TJ as above → 216.2189 tCO2
    expectSigFigs(result.co2eTonnes, 216.2189);
  });

  it('diesel: 10 t', () => {
    const gbt = accountActivity(fuel({ quantity: 10 }), library, GBT);
    const ipcc = accountActivity(fuel({ quantity: 10 }), library, IPCC);

    // energy = 10 t × 42.652 GJ/t = 426.52 GJ = 0.42652 TJ
    // CO2 = 0.42652 × 20.2 = 8.615704 tC; × 0.98 = 8.443390 tC; × 44/12 = 30.95910 t
    expectSigFigs(gbt.co2eTonnes, 30.9591);
    // CH4 = 0.42652 × 3 kg/TJ = 1.27956 kg; N2O = 0.42652 × 0.6 = 0.255912 kg
    // AR5: 30.95910 + 0.00127956 × 28 (0.035828) + 0.000255912 × 265 (0.067817) = 31.06274
    expectSigFigs(ipcc.co2eTonnes, 31.06274);
    // GB/T 2589-2020 Appendix A: diesel 1.4571 kgce/kg → 10 t × 1.4571 = 14.571 tce
    expectSigFigs(gbt.energyTce, 14.571);
  });

  it('gasoline: 1 000 L turned into tonnes by the GB 17930-2016 density midpoint', () => {
    const result = accountActivity(fuel({ fuel: 'gasoline', quantity: 1000, unit: 'L' }), library, GBT);

    // mass = 1 000 L × 0.7475 kg/L = 747.5 kg = 0.7475 t
    expectSigFigs(
      result.steps.find((s) => s.unit === 't' && s.label.includes('NCV'))?.value ?? Number.NaN,
      0.7475,
    );
    // energy = 0.7475 × 43.070 = 32.194825 GJ = 0.032194825 TJ
    // CO2 = 0.032194825 × 18.9 = 0.6084822 tC; × 0.98 = 0.5963125 tC; × 44/12 = 2.186479 t
    expectSigFigs(result.co2eTonnes, 2.186479);
    // tce = 0.7475 t × 1.4714 kgce/kg = 1.099872 tce
    expectSigFigs(result.energyTce, 1.099872);
    expect(result.factors.map((f) => f.role)).toEqual(['co2', 'density']);
  });

  it('LPG: 2 t', () => {
    const result = accountActivity(fuel({ fuel: 'lpg', quantity: 2, unit: 't' }), library, GBT);

    // energy = 2 × 50.179 = 100.358 GJ = 0.100358 TJ
    // CO2 = 0.100358 × 17.2 = 1.726158 tC; × 0.98 = 1.691634 tC; × 44/12 = 6.202660 t
    expectSigFigs(result.co2eTonnes, 6.20266);
    // tce = 2 × 1.7143 = 3.4286
    expectSigFigs(result.energyTce, 3.4286);
  });

  it('raw coal: 100 000 kg', () => {
    const result = accountActivity(fuel({ fuel: 'raw-coal', quantity: 100_000, unit: 'kg' }), library, IPCC);

    // 100 000 kg = 100 t; energy = 100 × 20.908 = 2 090.8 GJ = 2.0908 TJ
    // CO2 = 2.0908 × 26.37 = 55.13440 tC; × 0.94 = 51.82633 tC; × 44/12 = 190.0299 t
    expectSigFigs(result.gases.CO2 ?? Number.NaN, 190.0299);
    // CH4 = 2.0908 × 10 kg/TJ = 20.908 kg → × 28 = 0.585424 t; N2O = 2.0908 × 1.5 = 3.1362 kg → × 265 = 0.831093 t
    // total = 190.0299 + 0.585424 + 0.831093 = 191.4464
    expectSigFigs(result.co2eTonnes, 191.4464);
    // tce = 100 t × 0.7143 = 71.43
    expectSigFigs(result.energyTce, 71.43);
  });

  it('uses the IPCC Tier-1 default for CO2 when no national parameters are in the library', () => {
    // Prepare: a library holding only the IPCC defaults.
    const ipccOnly = libraryOf(library.factors.filter((f) => f.kind === 'fuel-default'));
    // Act
    const result = accountActivity(fuel({ quantity: 10 }), ipccOnly, IPCC);
    // Assess: energy = 10 t × 43.0 GJ/t (IPCC NCV) = 0.43 TJ; CO2 = 0.43 × 74 100 kg/TJ = 31 863 kg = 31.863 t
    expectSigFigs(result.gases.CO2 ?? Number.NaN, 31.863);
    // + CH4 0.43 × 3 = 1.29 kg × 28 = 0.03612 t; + N2O 0.43 × 0.6 = 0.258 kg × 265 = 0.06837 t → 31.96749
    expectSigFigs(result.co2eTonnes, 31.96749);
    expect(result.factors[0]?.selection.reason).toBe('default-fallback');
  });

  it('records the input, the factors with their content hashes, and enough steps to redo the sum', () => {
    const result = accountActivity(fuel({ quantity: 10 }), library, GBT);

    expect(result.input).toEqual({ quantity: 10, unit: 't' });
    expect(result.steps.map((s) => s.unit)).toEqual(['t', 't', 'GJ/t', 'GJ', 'TJ', 'tC', 'tC', 't', 'tce']);
    expect(result.factorRefs).toEqual([
      expect.stringMatching(/^gbt32150\.fuel-carbon\.diesel@1#sha256:[0-9a-f]{64}$/),
    ]);
    expect(result.factors[0]?.record).toMatchObject({
      id: 'gbt32150.fuel-carbon.diesel',
      ncv: { value: 42.652 },
    });
    expect(result).toMatchObject({ programme: null, measuredParameters: [] });
  });
});
