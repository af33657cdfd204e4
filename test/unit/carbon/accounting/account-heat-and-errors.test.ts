import { describe, expect, it } from 'vitest';
import { type Activity, accountActivity } from '../../../../shared/domain/carbon/accounting/account.ts';
import { AccountingError } from '../../../../shared/domain/carbon/accounting/errors.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import { context } from './factor-fixtures.ts';
import { expectSigFigs } from './sig-figs.ts';

const library = loadFactorLibrary();
const options = context();
const run =
  (activity: unknown, ctx = options) =>
  () =>
    accountActivity(activity as Activity, library, ctx);

describe('purchased heat (scope 2)', () => {
  it('prices GJ at 0.11 tCO2/GJ, accepting MJ', () => {
    const activity = {
      type: 'purchased-heat',
      quantity: 500_000,
      unit: 'MJ',
      region: 'CN',
      year: 2023,
    } as const;

    const result = accountActivity(activity, library, options);

    // 500 000 MJ = 500 GJ; 500 × 0.11 = 55 tCO2
    expectSigFigs(result.co2eTonnes, 55);
    // GB/T 2589-2020: 0.03412 kgce/MJ × 500 000 MJ = 17 060 kgce = 17.06 tce
    expectSigFigs(result.energyTce, 17.06);
    expect(result).toMatchObject({ scope: 2, calculation: 'purchased-heat', programme: null });
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
    expect(run({ ...diesel, fuel: 'jet-fuel' })).toThrow(
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

  it('refuses a method or programme it does not know', () => {
    expect(run(diesel, { ...options, method: 'ghg-protocol' as never })).toThrow(
      expect.objectContaining({ code: 'unknown-method', status: 400 }),
    );
    expect(run(diesel, { ...options, programme: 'cheapest' as never })).toThrow(
      expect.objectContaining({ code: 'unknown-programme', status: 400 }),
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
