import { describe, expect, it } from 'vitest';
import { applyReading } from '../../../shared/domain/emissions/register-deltas.ts';

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
    expect(applyReading([{ ts: 1, value: 99990 }], { ts: 2, value: 5 }, 100000)).toEqual({
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
