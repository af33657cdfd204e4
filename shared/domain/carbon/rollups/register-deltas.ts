/**
 * Cumulative register readings → consumption deltas, given the known readings of the meter.
 * - rollover: value drops and rolloverValue is set → delta = modulus − prev + cur, where the modulus
 *   is one step of the register's last digit past its rollover value (999 999 → 1 000 000; 9 999.99 →
 *   10 000): a 6-digit counter going from 999 999 to 0 has advanced by one unit, not by none.
 * - reset/replacement: value drops without rollover → the new register counts from zero
 *   (delta = cur), flagged `reset`.
 * - duplicate: same timestamp and value → no-op. Same timestamp, other value → `conflict`, no delta.
 * - late reading between two known ones: the existing delta (prev→next) is split into
 *   prev→late and late→next; the result is a correction (−old, +two parts) so totals stay exact.
 * The whole delta is assigned to the reading's hour (no spreading over gaps).
 */

export interface RegisterReading {
  /** Epoch ms. */
  ts: number;
  value: number;
}

export type DeltaFlag = 'rollover' | 'reset';

export interface Delta {
  /** The reading that closes the interval; the delta belongs to its hour. */
  ts: number;
  quantity: number;
  flag?: DeltaFlag;
}

export type DeltaOutcome =
  | { kind: 'duplicate' }
  | { kind: 'conflict' }
  | { kind: 'first' }
  | { kind: 'deltas'; add: Delta[]; remove: Delta[] };

/** Decimal places of a register's rollover value as written (9 999.99 → 2); at most 12. */
const decimalsOf = (value: number): number => {
  for (let places = 0; places < 12; places += 1) {
    const scaled = value * 10 ** places;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return places;
  }
  return 12;
};

/**
 * The count at which the register wraps to zero: its rollover value (the largest value it shows)
 * plus one step of its last digit. Rounded to that digit so 9 999.99 + 0.01 is exactly 10 000.
 */
export const registerModulus = (rolloverValue: number): number => {
  const places = decimalsOf(rolloverValue);
  const step = 10 ** -places;
  return Math.round((rolloverValue + step) * 10 ** places) / 10 ** places;
};

/** Delta between two consecutive readings. */
export const stepDelta = (prev: number, cur: number, rolloverValue?: number): Omit<Delta, 'ts'> => {
  if (cur >= prev) return { quantity: cur - prev };
  if (rolloverValue !== undefined)
    return { quantity: registerModulus(rolloverValue) - prev + cur, flag: 'rollover' };
  return { quantity: cur, flag: 'reset' };
};

/**
 * The effect of one new reading given the known ones (any order). `remove` lists deltas to
 * subtract (a late reading splitting an existing interval), `add` those to add.
 */
export const applyReading = (
  known: readonly RegisterReading[],
  reading: RegisterReading,
  rolloverValue?: number,
): DeltaOutcome => {
  const sorted = [...known].sort((a, b) => a.ts - b.ts);
  const same = sorted.find((r) => r.ts === reading.ts);
  if (same) return same.value === reading.value ? { kind: 'duplicate' } : { kind: 'conflict' };
  const prev = sorted.filter((r) => r.ts < reading.ts).at(-1);
  const next = sorted.find((r) => r.ts > reading.ts);
  const add: Delta[] = [];
  const remove: Delta[] = [];
  if (prev) add.push({ ts: reading.ts, ...stepDelta(prev.value, reading.value, rolloverValue) });
  if (next) {
    add.push({ ts: next.ts, ...stepDelta(reading.value, next.value, rolloverValue) });
    if (prev) remove.push({ ts: next.ts, ...stepDelta(prev.value, next.value, rolloverValue) });
  }
  if (!prev && !next) return { kind: 'first' };
  return { kind: 'deltas', add, remove };
};
