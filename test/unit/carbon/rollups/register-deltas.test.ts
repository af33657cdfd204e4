import { describe, expect, it } from 'vitest';
import { applyReading, registerModulus } from '../../../../shared/domain/carbon/rollups/register-deltas.ts';

describe('register deltas', () => {
  it('first reading has no delta; normal step', () => {
    expect(applyReading([], { ts: 1, value: 10 })).toEqual({ kind: 'first' });
    expect(applyReading([{ ts: 1, value: 10 }], { ts: 2, value: 15 })).toEqual({
      kind: 'deltas',
      add: [{ ts: 2, quantity: 5 }],
      remove: [],
    });
  });

  it('rollover and reset', () => {
    // A 5-digit register shows 99 999 at most: 99 990 → 99 999 → 0 → 5 is 9 + 1 + 5 = 15.
    expect(applyReading([{ ts: 1, value: 99990 }], { ts: 2, value: 5 }, 99_999)).toEqual({
      kind: 'deltas',
      add: [{ ts: 2, quantity: 15, flag: 'rollover' }],
      remove: [],
    });
    expect(applyReading([{ ts: 1, value: 500 }], { ts: 2, value: 7 })).toEqual({
      kind: 'deltas',
      add: [{ ts: 2, quantity: 7, flag: 'reset' }],
      remove: [],
    });
  });

  it('a register wraps one step of its last digit after its rollover value (999 999 → 0 is 1)', () => {
    expect(applyReading([{ ts: 1, value: 999_999 }], { ts: 2, value: 0 }, 999_999)).toEqual({
      kind: 'deltas',
      add: [{ ts: 2, quantity: 1, flag: 'rollover' }],
      remove: [],
    });
    // A register with two decimals (9 999.99 at most) wraps 0.01 after it.
    const decimal = applyReading([{ ts: 1, value: 9_999.98 }], { ts: 2, value: 0.01 }, 9_999.99);
    expect(decimal.kind === 'deltas' && decimal.add[0]?.quantity).toBeCloseTo(0.03, 10);
    expect(registerModulus(999_999)).toBe(1_000_000);
    expect(registerModulus(99_999_999)).toBe(100_000_000);
    expect(registerModulus(9_999.99)).toBe(10_000);
  });

  it('duplicates and conflicts', () => {
    expect(applyReading([{ ts: 1, value: 10 }], { ts: 1, value: 10 })).toEqual({ kind: 'duplicate' });
    expect(applyReading([{ ts: 1, value: 10 }], { ts: 1, value: 11 })).toEqual({ kind: 'conflict' });
  });

  it('a late reading splits the existing delta exactly', () => {
    const known = [
      { ts: 1, value: 10 },
      { ts: 3, value: 30 },
    ];
    const out = applyReading(known, { ts: 2, value: 18 });
    if (out.kind !== 'deltas') throw new Error(out.kind);
    const sum = (ds: { quantity: number }[]) => ds.reduce((s, d) => s + d.quantity, 0);
    expect(out.add).toEqual([
      { ts: 2, quantity: 8 },
      { ts: 3, quantity: 12 },
    ]);
    expect(out.remove).toEqual([{ ts: 3, quantity: 20 }]);
    expect(sum(out.add) - sum(out.remove)).toBe(0);
  });

  it('a reading before the earliest known adds the interval to it', () => {
    expect(applyReading([{ ts: 5, value: 30 }], { ts: 2, value: 20 })).toEqual({
      kind: 'deltas',
      add: [{ ts: 5, quantity: 10 }],
      remove: [],
    });
  });
});
