/**
 * Fixed point for every figure the rollups sum (docs/architecture.md, Decisions 3; docs/rollup-exactness.md). DynamoDB keeps the exact decimal sum
 * of what it is told to ADD, up to 38 significant digits; raw doubles such as 4 999 and
 * 1.2345678901234567e-18 added to one item pass that limit, and from then on every ADD to the item
 * fails. So each reading's figures are rounded to an integer number of resolution steps BEFORE they
 * are summed anywhere, and only integers are ever added:
 *
 *   masses (CO2e totals, scopes, energy types, gases)  integer milligrams   = 1e-9 t  (MASS_SCALE)
 *   activity quantities                                integer millionths of the energy type's
 *                                                      canonical unit (QUANTITY_SCALE, canonical-units.ts)
 *
 * Rounding: to the nearest step, ties to even, applied to the binary64 product value × scale.
 * Milligrams because a reading's CH4 or N2O is often below a gram (1 Nm3 of natural gas emits about
 * 0.04 g of CH4); a gram resolution would round it away on every reading.
 *
 * Headroom: 38 digits of milligrams are 1e29 t, so an item never reaches DynamoDB's limit. One
 * reading's figure must be a safe JS integer (below 2^53 ≈ 9e15 mg ≈ 9 million t, far beyond any
 * plausible reading); anything beyond is refused as unrepresentable. Sums of many readings (a
 * transaction merging 100 messages, an item read back) may pass 2^53: `addExact` carries on in
 * BigInt, the SDK marshals a bigint as an exact DynamoDB number and returns one for an integer
 * beyond 2^53, and readers (`fromFixed`) turn either back into tonnes only for display.
 */

/** Milligrams per tonne: stored masses are integer milligrams. */
export const MASS_SCALE = 1_000_000_000;
/** Stored quantities are integer millionths of the canonical unit. */
export const QUANTITY_SCALE = 1_000_000;

/** An exact integer figure: a number while it is a safe integer, a bigint beyond. */
export type Exact = number | bigint;

/** A value that cannot be held in fixed point (not finite, or one reading beyond 2^53 steps). */
export class FixedPointRangeError extends Error {
  constructor(value: number, scale: number) {
    super(`${value} × ${scale} is outside the fixed-point range (±${Number.MAX_SAFE_INTEGER})`);
    this.name = 'FixedPointRangeError';
  }
}

/** Nearest integer, ties to the even neighbour (2.5 → 2, 3.5 → 4, −2.5 → −2). */
export const roundHalfEven = (x: number): number => {
  // Math.round sends every tie up; at a tie n + ½, x / 2 is a quarter off an integer, so rounding
  // it and doubling lands on the even neighbour of x (2.5 → 1.25 → 1 → 2; 3.5 → 1.75 → 2 → 4).
  const tie = Math.abs(x % 1) === 0.5;
  const rounded = tie ? 2 * Math.round(x / 2) : Math.round(x);
  return rounded === 0 ? 0 : rounded; // never −0
};

/** `value` in steps of 1/scale, rounded half-even; throws FixedPointRangeError past 2^53 steps. */
export const toFixed = (value: number, scale: number): number => {
  const scaled = value * scale;
  if (!Number.isFinite(scaled) || Math.abs(scaled) > Number.MAX_SAFE_INTEGER)
    throw new FixedPointRangeError(value, scale);
  return roundHalfEven(scaled);
};

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Exact integer sum: plain numbers while the sum stays a safe integer, BigInt beyond. */
export const addExact = (a: Exact, b: Exact): Exact => {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Number.isSafeInteger(sum)) return sum;
  }
  const big = BigInt(a) + BigInt(b);
  return big <= MAX_SAFE && big >= -MAX_SAFE ? Number(big) : big;
};

/** Exact product of a fixed figure and a small integer (−1 undoes a delta). */
export const multiplyExact = (a: Exact, by: number): Exact =>
  typeof a === 'number' && Number.isSafeInteger(a * by) ? a * by : addExact(0, BigInt(a) * BigInt(by));

/**
 * A stored fixed figure back in its unit, for display: a number, a bigint (the SDK's answer for an
 * integer beyond 2^53) or a numeric string; anything else is 0.
 */
export const fromFixed = (stored: unknown, scale: number): number => {
  if (typeof stored === 'number') return Number.isFinite(stored) ? stored / scale : 0;
  if (typeof stored === 'bigint') return Number(stored) / scale;
  if (typeof stored === 'string' && stored.trim() !== '') {
    const parsed = Number(stored);
    return Number.isFinite(parsed) ? parsed / scale : 0;
  }
  return 0;
};

/**
 * DynamoDB's number range: zero, or a magnitude from 1e-130 up to (not including) 1e126. A reading
 * outside it cannot even be logged, let alone summed.
 */
export const isStorableNumber = (value: number): boolean =>
  value === 0 || (Number.isFinite(value) && Math.abs(value) >= 1e-130 && Math.abs(value) < 1e126);
