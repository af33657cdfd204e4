import { describe, expect, it } from 'vitest';
import { type Activity, calculateEmissions } from '../../../shared/domain/carbon/account.ts';
import { AccountingError } from '../../../shared/domain/carbon/errors.ts';
import { loadFactorLibrary } from '../../../shared/domain/carbon/factors.ts';
import { getGwpSet } from '../../../shared/domain/carbon/gwp.ts';
import { expectSigFigs } from './sig-figs.ts';

const library = loadFactorLibrary();
const options = { gwpSet: getGwpSet('AR5') };
const run = (activity: unknown) => () => calculateEmissions(activity as Activity, library, options);

describe('purchased heat (scope 2)', () => {
  it('prices GJ at 0.11 tCO2/GJ, accepting MJ', () => {
    const activity = {
      type: 'purchased-heat',
      quantity: 500_000,
      unit: 'MJ',
      region: 'CN',
      year: 2023,
    } as const;

    const result = calculateEmissions(activity, library, options);

    // 500 000 MJ = 500 GJ; 500 × 0.11 = 55 tCO2
    expectSigFigs(result.co2eTonnes, 55);
    expect(result).toMatchObject({ scope: 2, method: 'purchased-heat' });
    expect(result.factors[0]?.factorId).toBe('ndrc.purchased-heat.CN');
  });
});

describe('typed accounting errors', () => {
  const diesel = { type: 'fuel', fuel: 'diesel', quantity: 10, unit: 't', region: 'CN', year: 2023 };

  it('refuses an unknown activity type', () => {
    expect(run({ ...diesel, type: 'teleportation' })).toThrow(
      expect.objectContaining({ code: 'unknown-activity', status: 400 }),
    );
  });

  it('refuses an unknown fuel', () => {
    expect(run({ ...diesel, fuel: 'kerosene' })).toThrow(
      expect.objectContaining({ code: 'unknown-activity' }),
    );
  });

  it('refuses a negative quantity', () => {
    expect(run({ ...diesel, quantity: -1 })).toThrow(
      expect.objectContaining({ code: 'negative-quantity', field: '/quantity' }),
    );
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '10'])('refuses a non-finite quantity (%s)', (quantity) => {
    expect(run({ ...diesel, quantity })).toThrow(expect.objectContaining({ code: 'non-finite-number' }));
  });

  it('refuses a unit that cannot reach the factor basis', () => {
    // Natural-gas NCV is per 10^4 Nm3; tonnes would need a gas density the library does not hold.
    expect(run({ ...diesel, fuel: 'natural-gas', unit: 't' })).toThrow(
      expect.objectContaining({ code: 'unit-mismatch' }),
    );
    expect(run({ ...diesel, unit: 'Nm3' })).toThrow(expect.objectContaining({ code: 'unit-mismatch' }));
    expect(run({ type: 'electricity', quantity: 1, unit: 'GJ', region: 'CN', year: 2023 })).toThrow(
      expect.objectContaining({ code: 'unit-mismatch' }),
    );
  });

  it('refuses LPG in litres when no density is known', () => {
    expect(run({ ...diesel, fuel: 'lpg', unit: 'L' })).toThrow(
      expect.objectContaining({ code: 'factor-not-found' }),
    );
  });

  it('refuses a sensor reading of a gas it does not account for, or of nothing', () => {
    const sensor = { type: 'process-emission', measured: 'per-gas', unit: 't' };

    expect(run({ ...sensor, gases: { SF6: 1 } })).toThrow(
      expect.objectContaining({ code: 'unknown-activity' }),
    );
    expect(run({ ...sensor, gases: {} })).toThrow(expect.objectContaining({ code: 'invalid-quantity' }));
    expect(run({ ...sensor, gases: { CH4: -0.1 } })).toThrow(
      expect.objectContaining({ code: 'negative-quantity' }),
    );
  });

  it('throws AccountingError, which carries a zh-CN title for the problem document', () => {
    expect(run({ ...diesel, quantity: -1 })).toThrow(AccountingError);
    expect(run({ ...diesel, quantity: -1 })).toThrow(
      expect.objectContaining({ title: expect.stringMatching(/碳核算/) }),
    );
  });
});
