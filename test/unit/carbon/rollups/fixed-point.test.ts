import { describe, expect, it } from 'vitest';
import { CANONICAL_UNITS, toCanonical } from '../../../../shared/domain/carbon/rollups/canonical-units.ts';
import { figuresOf, sumFigures } from '../../../../shared/domain/carbon/rollups/emission-series.ts';
import {
  addExact,
  FixedPointRangeError,
  fromFixed,
  isStorableNumber,
  roundHalfEven,
  toFixed,
} from '../../../../shared/domain/carbon/rollups/fixed-point.ts';

describe('fixed point', () => {
  it('rounds to the nearest step, ties to even, never to −0', () => {
    expect([0.5, 1.5, 2.5, 3.5, -2.5, -0.4, 2.4999].map(roundHalfEven)).toEqual([0, 2, 2, 4, -2, 0, 2]);
    expect(Object.is(roundHalfEven(-0.2), 0)).toBe(true);
    expect(toFixed(0.4042, 1e9)).toBe(404_200_000);
    expect(toFixed(1.2345678901234566e-18, 1e9)).toBe(0);
  });

  it('refuses what one reading cannot hold; sums carry on in BigInt', () => {
    expect(() => toFixed(1e300, 1e6)).toThrow(FixedPointRangeError);
    expect(() => toFixed(Number.NaN, 1e6)).toThrow(FixedPointRangeError);
    expect(addExact(1, 2)).toBe(3);
    const big = addExact(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    expect(big).toBe(2n * BigInt(Number.MAX_SAFE_INTEGER));
    expect(addExact(big, -Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads back numbers, the bigints the SDK returns past 2^53, and numeric strings', () => {
    expect(fromFixed(404_200_000, 1e9)).toBe(0.4042);
    expect(fromFixed(12_345_678_901_234_567_890n, 1e9)).toBeCloseTo(12_345_678_901.234_568, 3);
    expect(fromFixed('1500', 1e3)).toBe(1.5);
    expect(fromFixed(undefined, 1e9)).toBe(0);
  });

  it("knows DynamoDB's number range", () => {
    expect([0, 1e-130, 5, 9.99e125, -1e-100].every(isStorableNumber)).toBe(true);
    expect([1e-200, 1e126, -1e-131, Number.POSITIVE_INFINITY].some(isStorableNumber)).toBe(false);
  });
});

describe('canonical units', () => {
  it('one unit per energy type, converted with the engine’s factors', () => {
    expect(CANONICAL_UNITS).toMatchObject({ electricity: 'kWh', 'natural-gas': 'Nm3', diesel: 't' });
    expect(toCanonical('electricity', 'MWh', 1)).toBe(1000);
    expect(toCanonical('natural-gas', '10^4Nm3', 2)).toBe(20_000);
    expect(toCanonical('steam-heat', 'MJ', 1500)).toBe(1.5);
    expect(toCanonical('diesel', 'L', 1000, 0.8275)).toBeCloseTo(0.8275, 12);
    expect(() => toCanonical('diesel', 'L', 1000)).toThrow(/canonical unit/);
  });
});

describe('reading rollup items, old and new', () => {
  it('adds legacy doubles in tonnes and fixed-point milligrams of the same item', () => {
    const item = {
      co2eT: 0.25,
      co2e_mg: 150_000_000,
      e_electricityT: 0.25,
      e_electricity_mg: 150_000_000,
      g_CO2_mg: 10n ** 17n, // past 2^53, as the SDK would hand it back
      q_electricity: 1,
      u_electricity: 'MWh',
      qc_electricity: 600_000_000,
      q_diesel: 930,
      u_diesel: 'L',
      readings: 3,
    };
    const figures = figuresOf(item);
    expect(figures.co2eT).toBe(0.4);
    expect(figures.energyTypes).toEqual({ electricity: 0.4 });
    expect(figures.gases.CO2).toBe(1e8);
    // 600 kWh stored + a legacy 1 MWh = 1 600 kWh; legacy litres cannot convert, so they stay litres
    expect(figures.quantities).toEqual({
      electricity: { value: 1600, unit: 'kWh' },
      diesel: { value: 930, unit: 'L' },
    });
  });

  it('sums periods exactly to the milligram', () => {
    const total = sumFigures([figuresOf({ co2e_mg: 100_000_000 }), figuresOf({ co2e_mg: 200_000_000 })]);
    expect(total.co2eT).toBe(0.3);
  });
});
