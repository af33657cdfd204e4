import { describe, expect, it } from 'vitest';
import {
  accountActivity,
  type ElectricityActivity,
} from '../../../../shared/domain/carbon/accounting/account.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import type { GridProgrammeId } from '../../../../shared/domain/carbon/accounting/grid-programmes.ts';
import { context, libraryOf } from './factor-fixtures.ts';
import { expectSigFigs } from './sig-figs.ts';

const library = loadFactorLibrary();
const power = (over: Partial<ElectricityActivity> = {}): ElectricityActivity => ({
  type: 'electricity',
  quantity: 1_250_000,
  unit: 'kWh',
  region: 'CN-SOUTH',
  year: 2023,
  ...over,
});
const under = (programme: GridProgrammeId, activity = power()) =>
  accountActivity(activity, library, context({ programme, gwp: 'AR6' }));

// MEE/NBS 2023 electricity CO2 factors: national 0.5306, Southern grid 0.4042, East China 0.5500,
// national excluding market-traded non-fossil power 0.6096 kgCO2/kWh; MEE's ETS reporting factor
// 0.5703 tCO2/MWh. kgCO2/kWh = tCO2/MWh. 1 250 000 kWh ÷ 1 000 = 1 250 MWh.
describe('electricity (scope 2) under each factor programme', () => {
  it('regional grid: the Southern grid average, named with its programme', () => {
    const result = under('mee-nbs-regional');

    // 1 250 MWh × 0.4042 = 505.25 tCO2
    expect(result.steps[1]).toEqual({ label: 'electricity consumed', value: 1250, unit: 'MWh' });
    expectSigFigs(result.co2eTonnes, 505.25);
    expect(result).toMatchObject({
      scope: 2,
      programme: 'mee-nbs-regional',
      scope2Basis: 'location-based',
      calculation: 'purchased-electricity',
      gases: { CO2: result.co2eTonnes },
    });
    expect(result.factors[0]).toMatchObject({
      role: 'grid',
      factorId: 'mee-nbs.grid-average.CN-SOUTH.2023',
      factorVersion: 1,
      selection: { reason: 'exact' },
    });
  });

  it('regional grid: East China, 2022 and 2023', () => {
    // 1 250 MWh × 0.5617 (2022) = 702.125 t; × 0.5500 (2023) = 687.5 t
    expectSigFigs(under('mee-nbs-regional', power({ region: 'CN-EAST', year: 2022 })).co2eTonnes, 702.125);
    expectSigFigs(under('mee-nbs-regional', power({ region: 'CN-EAST' })).co2eTonnes, 687.5);
  });

  it('national average: the same meter priced at the national figure of its data year', () => {
    // 1 250 × 0.5306 = 663.25 t (2023); 1 250 × 0.5366 = 670.75 t (2022)
    expectSigFigs(under('mee-nbs-national').co2eTonnes, 663.25);
    expectSigFigs(under('mee-nbs-national', power({ year: 2022 })).co2eTonnes, 670.75);
    expect(under('mee-nbs-national').factors[0]?.factorId).toBe('mee-nbs.grid-average.CN.2023');
  });

  it('ETS reporting factor: 0.5703 tCO2/MWh whatever the region, for 2022 data on', () => {
    const result = under('mee-ets-power', power({ year: 2024 }));

    // 1 250 MWh × 0.5703 = 712.875 tCO2
    expectSigFigs(result.co2eTonnes, 712.875);
    expect(result.factors[0]).toMatchObject({ factorId: 'mee-ets.grid.CN.2022', role: 'grid' });
    expect(result.programme).toBe('mee-ets-power');
  });

  it('provincial: no provincial value in the library, so the regional grid, as recorded', () => {
    const result = under('mee-nbs-provincial');

    expectSigFigs(result.co2eTonnes, 505.25);
    expect(result.factors[0]?.selection.chosenRegion).toBe('CN-SOUTH');
  });

  it('residual mix (market-based): contracted green power at zero, the rest at the residual mix', () => {
    const result = under('mee-nbs-residual-mix', power({ greenPowerQuantity: 500_000 }));

    // green 500 000 kWh = 500 MWh at 0; rest 1 250 − 500 = 750 MWh × 0.6096 = 457.2 t
    expectSigFigs(result.co2eTonnes, 457.2);
    expect(result.marketBased).toEqual({
      greenPowerMwh: 500,
      residualMwh: 750,
      residualBasis: 'grid-residual',
    });
    expect(result.scope2Basis).toBe('market-based');
    expect(result.factors[0]).toMatchObject({
      role: 'residual-mix',
      factorId: 'mee-nbs.grid-residual.CN.2023',
      selection: { requestedRegion: 'CN', chosenRegion: 'CN', reason: 'exact' },
    });
  });

  it('residual mix: all green power is zero', () => {
    // 1 250 MWh green of 1 250 MWh total = 0 MWh priced → 0 t
    expect(under('mee-nbs-residual-mix', power({ greenPowerQuantity: 1_250_000 })).co2eTonnes).toBe(0);
  });

  it('residual mix: without a published residual factor the rest is priced at the grid average, and says so', () => {
    const gridOnly = libraryOf(
      library.factors.filter((f) => f.kind === 'grid-average' && f.region === 'CN-SOUTH'),
    );

    const result = accountActivity(
      power({ greenPowerQuantity: 500_000 }),
      gridOnly,
      context({ programme: 'mee-nbs-residual-mix' }),
    );

    // 750 MWh × 0.4042 = 303.15 t
    expectSigFigs(result.co2eTonnes, 303.15);
    expect(result.marketBased?.residualBasis).toBe('grid-average');
    expect(result.factors[0]?.role).toBe('grid');
  });

  it('refuses more green power than was consumed', () => {
    const act = () => under('mee-nbs-residual-mix', power({ greenPowerQuantity: 1_300_000 }));

    expect(act).toThrow(expect.objectContaining({ code: 'invalid-quantity', field: '/greenPowerQuantity' }));
  });

  it('refuses a grid region that does not exist instead of pricing it nationally', () => {
    const act = () => under('mee-nbs-regional', power({ region: 'CN-SOUHT' }));

    expect(act).toThrow(expect.objectContaining({ code: 'unknown-region', status: 400, field: '/region' }));
  });
});

describe('electricity energy in tce (GB/T 2589-2020)', () => {
  it('counts every kWh, green power included, at the calorific equivalent 0.1229 kgce/kWh', () => {
    const result = under('mee-nbs-residual-mix', power({ greenPowerQuantity: 500_000 }));

    // 1 250 000 kWh × 0.1229 kgce/kWh = 153 625 kgce = 153.625 tce
    expectSigFigs(result.energyTce, 153.625);
    expect(result.energy).toMatchObject({ basis: 'electricity-calorific', coefficient: { value: 0.1229 } });
  });

  it('counts the primary-energy equal value (等价值) only with the coefficient the caller gives', () => {
    const result = accountActivity(
      power(),
      library,
      context({ programme: 'mee-nbs-regional', electricityPrimaryKgcePerKwh: 0.3 }),
    );

    // 1 250 000 kWh × 0.3 kgce/kWh = 375 000 kgce = 375 tce
    expectSigFigs(result.energyTce, 375);
    expect(result.energy.basis).toBe('electricity-primary');
  });
});
