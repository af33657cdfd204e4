import { describe, expect, it } from 'vitest';
import { calculateEmissions, type ElectricityActivity } from '../../../shared/domain/carbon/account.ts';
import { loadFactorLibrary, parseFactorLibrary } from '../../../shared/domain/carbon/factors.ts';
import { getGwpSet } from '../../../shared/domain/carbon/gwp.ts';
import { expectSigFigs } from './sig-figs.ts';

const library = loadFactorLibrary();
const gwpSet = getGwpSet('AR6');
const power = (over: Partial<ElectricityActivity> = {}): ElectricityActivity => ({
  type: 'electricity',
  quantity: 1_250_000,
  unit: 'kWh',
  region: 'CN-SOUTH',
  year: 2023,
  ...over,
});

// Factors: MEE/NBS announcement on 2023 electricity CO2 factors (Southern grid 0.4042, national
// excluding market-traded non-fossil power 0.6096 kgCO2/kWh). kgCO2/kWh = tCO2/MWh.
describe('electricity (scope 2)', () => {
  it('location-based: kWh are converted to MWh and priced at the Southern grid average', () => {
    // Act
    const result = calculateEmissions(power(), library, { gwpSet, scope2Method: 'location-based' });
    // Assess: 1 250 000 kWh ÷ 1 000 = 1 250 MWh; 1 250 × 0.4042 = 505.25 tCO2
    expect(result.steps[1]).toEqual({ label: 'electricity consumed', value: 1250, unit: 'MWh' });
    expectSigFigs(result.co2eTonnes, 505.25);
    expect(result).toMatchObject({ scope: 2, method: 'location-based', gases: { CO2: result.co2eTonnes } });
    expect(result.factors[0]).toMatchObject({
      role: 'grid',
      factorId: 'mee-nbs.grid-average.CN-SOUTH.2023',
      factorVersion: 1,
      selection: { reason: 'exact' },
    });
  });

  it('location-based is the default and gives the same figure from MWh', () => {
    const result = calculateEmissions(power({ quantity: 1250, unit: 'MWh' }), library, { gwpSet });

    // 1 250 MWh × 0.4042 = 505.25 t
    expectSigFigs(result.co2eTonnes, 505.25);
    expect(result.method).toBe('location-based');
  });

  it('market-based: contracted green power at zero, the rest at the published residual mix', () => {
    const activity = power({ greenPowerQuantity: 500_000 });

    const result = calculateEmissions(activity, library, { gwpSet, scope2Method: 'market-based' });

    // green 500 000 kWh = 500 MWh at 0; rest 1 250 − 500 = 750 MWh
    // 750 × 0.6096 (national, excl. market-traded non-fossil, 2023) = 457.2 t
    expectSigFigs(result.co2eTonnes, 457.2);
    expect(result.marketBased).toEqual({
      greenPowerMwh: 500,
      residualMwh: 750,
      residualBasis: 'grid-residual',
    });
    expect(result.factors[0]).toMatchObject({
      role: 'residual-mix',
      factorId: 'mee-nbs.grid-residual.CN.2023',
      selection: { requestedRegion: 'CN-SOUTH', chosenRegion: 'CN', reason: 'national-fallback' },
    });
  });

  it('market-based: all green power is zero', () => {
    const result = calculateEmissions(power({ greenPowerQuantity: 1_250_000 }), library, {
      gwpSet,
      scope2Method: 'market-based',
    });

    // 1 250 MWh green − 1 250 MWh total = 0 MWh priced → 0 t
    expect(result.co2eTonnes).toBe(0);
  });

  it('market-based: without a residual mix the rest is priced at the grid average, and says so', () => {
    // Prepare: only the Southern grid average is known.
    const gridOnly = parseFactorLibrary([
      {
        publisher: 'MEE/NBS',
        factors: library.factors
          .filter((f) => f.kind === 'grid-average' && f.region === 'CN-SOUTH')
          .map(({ publisher: _, ...f }) => f),
      },
    ]);
    // Act
    const result = calculateEmissions(power({ greenPowerQuantity: 500_000 }), gridOnly, {
      gwpSet,
      scope2Method: 'market-based',
    });
    // Assess: 750 MWh × 0.4042 = 303.15 t
    expectSigFigs(result.co2eTonnes, 303.15);
    expect(result.marketBased?.residualBasis).toBe('grid-average');
    expect(result.factors[0]?.role).toBe('grid');
  });

  it('refuses more green power than was consumed', () => {
    const act = () =>
      calculateEmissions(power({ greenPowerQuantity: 1_300_000 }), library, {
        gwpSet,
        scope2Method: 'market-based',
      });

    expect(act).toThrow(expect.objectContaining({ code: 'invalid-quantity', field: '/greenPowerQuantity' }));
  });

  it('2022 national activity uses the 2022 national average', () => {
    const result = calculateEmissions(
      power({ region: 'CN', year: 2022, quantity: 1250, unit: 'MWh' }),
      library,
      {
        gwpSet,
      },
    );

    // 1 250 MWh × 0.5366 = 670.75 t
    expectSigFigs(result.co2eTonnes, 670.75);
  });
});
