import { describe, expect, it } from 'vitest';
import { calculateEmissions, type FuelActivity } from '../../../shared/domain/carbon/account.ts';
import { loadFactorLibrary, parseFactorLibrary } from '../../../shared/domain/carbon/factors.ts';
import { getGwpSet } from '../../../shared/domain/carbon/gwp.ts';
import { expectSigFigs } from './sig-figs.ts';

const library = loadFactorLibrary();
const AR5 = { gwpSet: getGwpSet('AR5') };
const fuel = (over: Partial<FuelActivity>): FuelActivity => ({
  type: 'fuel',
  fuel: 'diesel',
  quantity: 1,
  unit: 't',
  region: 'CN-SOUTH',
  year: 2023,
  ...over,
});

// GB/T 32150-2015 Appendix B Table B.1 parameters; CH4/N2O from IPCC 2006 Vol.2 Table 2.3 (kg/TJ).
describe('fuel combustion (scope 1)', () => {
  it('natural gas: 100 000 Nm3, GB/T 32150 parameters, IPCC CH4/N2O', () => {
    // Prepare
    const activity = fuel({ fuel: 'natural-gas', quantity: 100_000, unit: 'Nm3' });
    // Act
    const result = calculateEmissions(activity, library, AR5);
    // Assess
    // 100 000 Nm3 = 10 (10^4 Nm3); energy = 10 × 389.31 = 3 893.1 GJ = 3.8931 TJ
    expectSigFigs(result.steps.find((s) => s.unit === 'TJ')?.value ?? Number.NaN, 3.8931);
    // CO2 = 3.8931 × 15.3 tC/TJ = 59.56443 tC; × 0.99 = 58.96879 tC; × 44/12 = 216.2189 t
    expectSigFigs(result.gases.CO2 ?? Number.NaN, 216.2189);
    // CH4 = 3.8931 TJ × 1 kg/TJ = 3.8931 kg = 0.0038931 t; N2O = 3.8931 × 0.1 = 0.38931 kg
    expectSigFigs(result.gases.CH4 ?? Number.NaN, 0.0038931);
    expectSigFigs(result.gases.N2O ?? Number.NaN, 0.00038931);
    // AR5: 216.2189 + 0.0038931 × 28 (0.10901) + 0.00038931 × 265 (0.10317) = 216.4311 tCO2e
    expectSigFigs(result.co2eTonnes, 216.4311);
    expect(result).toMatchObject({ scope: 1, method: 'fuel-combustion-gbt32150', gwpSet: 'AR5' });
    expect(result.factors.map((f) => [f.role, f.factorId, f.factorVersion])).toEqual([
      ['co2', 'gbt32150.fuel-carbon.natural-gas', 1],
      ['non-co2', 'ipcc2006.tier1-manufacturing.natural-gas', 1],
    ]);
    expect(result.factors[0]?.selection).toMatchObject({ chosenRegion: 'CN', reason: 'national-fallback' });
  });

  it('natural gas given in 10^4 Nm3 gives the same figure as in Nm3', () => {
    const result = calculateEmissions(
      fuel({ fuel: 'natural-gas', quantity: 10, unit: '10^4Nm3' }),
      library,
      AR5,
    );

    // Same 3.8931 TJ as above → 216.4311 tCO2e
    expectSigFigs(result.co2eTonnes, 216.4311);
  });

  it('diesel: 10 t', () => {
    const result = calculateEmissions(fuel({ fuel: 'diesel', quantity: 10, unit: 't' }), library, AR5);

    // energy = 10 t × 42.652 GJ/t = 426.52 GJ = 0.42652 TJ
    // CO2 = 0.42652 × 20.2 = 8.615704 tC; × 0.98 = 8.443390 tC; × 44/12 = 30.95910 t
    expectSigFigs(result.gases.CO2 ?? Number.NaN, 30.9591);
    // CH4 = 0.42652 × 3 kg/TJ = 1.27956 kg; N2O = 0.42652 × 0.6 = 0.255912 kg
    // AR5: 30.95910 + 0.00127956 × 28 (0.035828) + 0.000255912 × 265 (0.067817) = 31.06274
    expectSigFigs(result.co2eTonnes, 31.06274);
  });

  it('gasoline: 1 000 L turned into tonnes by the GB 17930-2016 density midpoint', () => {
    const result = calculateEmissions(fuel({ fuel: 'gasoline', quantity: 1000, unit: 'L' }), library, AR5);

    // mass = 1 000 L × 0.7475 kg/L = 747.5 kg = 0.7475 t
    expectSigFigs(
      result.steps.find((s) => s.unit === 't' && s.label.includes('NCV'))?.value ?? Number.NaN,
      0.7475,
    );
    // energy = 0.7475 × 43.070 = 32.194825 GJ = 0.032194825 TJ
    // CO2 = 0.032194825 × 18.9 = 0.6084822 tC; × 0.98 = 0.5963125 tC; × 44/12 = 2.186479 t
    expectSigFigs(result.gases.CO2 ?? Number.NaN, 2.186479);
    // CH4 = 0.032194825 × 3 = 0.096584 kg → × 28 = 0.0027044 t; N2O = × 0.6 = 0.019317 kg → × 265 = 0.0051190 t
    // AR5 total = 2.186479 + 0.0027044 + 0.0051190 = 2.194303
    expectSigFigs(result.co2eTonnes, 2.194303);
    expect(result.factors.map((f) => f.role)).toEqual(['co2', 'density', 'non-co2']);
  });

  it('litres with a measured density use that density', () => {
    const activity = fuel({ fuel: 'diesel', quantity: 1000, unit: 'L', densityKgPerLitre: 0.84 });

    const result = calculateEmissions(activity, library, AR5);

    // 1 000 L × 0.84 kg/L = 840 kg = 0.84 t; energy = 0.84 × 42.652 = 35.82768 GJ = 0.03582768 TJ
    // CO2 = 0.03582768 × 20.2 = 0.7237191 tC; × 0.98 = 0.7092448 tC; × 44/12 = 2.600564 t
    expectSigFigs(result.gases.CO2 ?? Number.NaN, 2.600564);
    expect(result.factors.map((f) => f.role)).toEqual(['co2', 'non-co2']);
  });

  it('LPG: 2 t', () => {
    const result = calculateEmissions(fuel({ fuel: 'lpg', quantity: 2, unit: 't' }), library, AR5);

    // energy = 2 × 50.179 = 100.358 GJ = 0.100358 TJ
    // CO2 = 0.100358 × 17.2 = 1.726158 tC; × 0.98 = 1.691634 tC; × 44/12 = 6.202660 t
    expectSigFigs(result.gases.CO2 ?? Number.NaN, 6.20266);
    // CH4 = 0.100358 kg → × 28 = 0.0028100 t; N2O = 0.0100358 kg → × 265 = 0.0026595 t; total 6.208129
    expectSigFigs(result.co2eTonnes, 6.208129);
  });

  it('raw coal: 100 000 kg', () => {
    const result = calculateEmissions(
      fuel({ fuel: 'raw-coal', quantity: 100_000, unit: 'kg' }),
      library,
      AR5,
    );

    // 100 000 kg = 100 t; energy = 100 × 20.908 = 2 090.8 GJ = 2.0908 TJ
    // CO2 = 2.0908 × 26.37 = 55.13440 tC; × 0.94 = 51.82633 tC; × 44/12 = 190.0299 t
    expectSigFigs(result.gases.CO2 ?? Number.NaN, 190.0299);
    // CH4 = 2.0908 × 10 kg/TJ = 20.908 kg → × 28 = 0.585424 t; N2O = 2.0908 × 1.5 = 3.1362 kg → × 265 = 0.831093 t
    // total = 190.0299 + 0.585424 + 0.831093 = 191.4464
    expectSigFigs(result.co2eTonnes, 191.4464);
  });

  it('uses the IPCC Tier-1 default for CO2 when no national parameters are in the library', () => {
    // Prepare: a library holding only the IPCC defaults.
    const ipccOnly = parseFactorLibrary([
      {
        publisher: 'IPCC',
        factors: library.factors.filter((f) => f.kind === 'fuel-default').map(({ publisher: _, ...f }) => f),
      },
    ]);
    // Act
    const result = calculateEmissions(fuel({ fuel: 'diesel', quantity: 10, unit: 't' }), ipccOnly, AR5);
    // Assess: energy = 10 t × 43.0 GJ/t (IPCC NCV) = 0.43 TJ; CO2 = 0.43 × 74 100 kg/TJ = 31 863 kg = 31.863 t
    expectSigFigs(result.gases.CO2 ?? Number.NaN, 31.863);
    // + CH4 0.43 × 3 = 1.29 kg × 28 = 0.03612 t; + N2O 0.43 × 0.6 = 0.258 kg × 265 = 0.06837 t → 31.96749
    expectSigFigs(result.co2eTonnes, 31.96749);
    expect(result.method).toBe('fuel-combustion-ipcc-tier1');
    expect(result.factors[0]?.selection.reason).toBe('default-fallback');
  });

  it('records the input and enough steps to redo the sum', () => {
    const result = calculateEmissions(fuel({ fuel: 'diesel', quantity: 10, unit: 't' }), library, AR5);

    expect(result.input).toEqual({ quantity: 10, unit: 't' });
    expect(result.steps.map((s) => s.unit)).toEqual(['t', 't', 'GJ', 'TJ', 'tC', 'tC', 't', 't', 't']);
  });
});
