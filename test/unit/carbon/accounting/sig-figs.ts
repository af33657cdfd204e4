import { expect } from 'vitest';

/**
 * Asserts that `actual` agrees with a hand-computed `expected` to `figures` significant figures:
 * the difference must be within half a unit of the last significant figure of `expected`.
 * `toBeCloseTo` counts decimal places, which is too strict for small numbers and too loose for big ones.
 */
export const expectSigFigs = (actual: number, expected: number, figures = 4): void => {
  expect(Number.isFinite(actual), `${actual} is not finite`).toBe(true);
  if (expected === 0) {
    expect(actual).toBe(0);
    return;
  }
  const lastFigure = Math.floor(Math.log10(Math.abs(expected))) - (figures - 1);
  const tolerance = 0.5 * 10 ** lastFigure;
  expect(
    Math.abs(actual - expected),
    `${actual} vs ${expected} to ${figures} significant figures`,
  ).toBeLessThanOrEqual(tolerance);
};
