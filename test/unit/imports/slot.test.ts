import { describe, expect, it } from 'vitest';
import {
  decideRow,
  decideWithdrawal,
  emptySlot,
  type SlotValue,
  settle,
} from '../../../shared/domain/imports/slot.ts';

const value = (micro: number, importId: string, row: number): SlotValue => ({
  micro,
  unit: 'kWh',
  measured: [],
  importId,
  fileName: `${importId}.csv`,
  row,
  uploadedBy: 'admin',
  uploadedAt: '2026-11-01T00:00:00.000Z',
});
const AT = '2026-11-02T00:00:00.000Z';

describe('activity slots', () => {
  it('fills an empty slot, refuses the same value again, corrects with a new one keeping the old', () => {
    const empty = emptySlot('ACC-1', 'MTR-9', '2026-10', true);
    const first = decideRow(empty, value(100, 'imp-a', 2), AT);
    expect(first).toMatchObject({
      kind: 'change',
      change: { kind: 'new', version: 1, messageId: 'feed:ACC-1:MTR-9:2026-10:v1' },
    });
    if (first.kind !== 'change') throw new Error('no change');
    const one = settle({ ...empty, pending: first.change }, first.change);
    expect(one.pending).toBeUndefined();
    expect(decideRow(one, value(100, 'imp-a', 2), AT)).toEqual({ kind: 'applied-before' });
    expect(decideRow(one, value(100, 'imp-b', 7), AT)).toMatchObject({
      kind: 'duplicate',
      of: { importId: 'imp-a' },
    });
    const corrected = decideRow(one, value(120, 'imp-b', 7), AT);
    expect(corrected).toMatchObject({
      kind: 'change',
      change: { kind: 'correction', version: 2, from: { micro: 100 }, to: { micro: 120 } },
    });
    if (corrected.kind !== 'change') throw new Error('no change');
    const two = settle(one, corrected.change);
    expect(two.current?.micro).toBe(120);
    expect(two.history).toMatchObject([{ micro: 100, importId: 'imp-a', replacedBy: 'imp-b' }]);
  });

  it('withdraws back to the standing value before the import, or only marks a superseded one', () => {
    const a = value(100, 'imp-a', 2);
    const b = value(120, 'imp-b', 3);
    const slot = {
      ...emptySlot('ACC-1', 'MTR-9', '2026-10', true),
      version: 2,
      current: b,
      history: [{ ...a, replacedAt: AT, replacedBy: 'imp-b' }],
    };
    expect(decideWithdrawal(slot, 'imp-a', AT)).toEqual({ kind: 'mark' });
    const back = decideWithdrawal(slot, 'imp-b', AT);
    expect(back).toMatchObject({
      kind: 'change',
      change: { kind: 'withdrawal', from: { micro: 120 }, to: { micro: 100 } },
    });
    const marked = { ...slot, history: [{ ...a, replacedAt: AT, replacedBy: 'imp-b', withdrawn: true }] };
    const emptied = decideWithdrawal(marked, 'imp-b', AT);
    expect(emptied.kind === 'change' && emptied.change.to).toBeUndefined();
    if (emptied.kind !== 'change') throw new Error('no change');
    expect(settle(marked, emptied.change).current).toBeUndefined();
  });
});
