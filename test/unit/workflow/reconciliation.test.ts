import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../shared/domain/workflow/reconciliation.ts';

const states = ['submitted', 'dispatched', 'closed'];

describe('not-one-missed reconciliation', () => {
  it('balances when every created record is in a known state', () => {
    const result = reconcile({
      created: ['a', 'b', 'c'],
      records: [
        { id: 'a', state: 'submitted' },
        { id: 'b', state: 'dispatched', deadline: '2026-12-01T10:00:00Z' },
        { id: 'c', state: 'closed' },
      ],
      states,
      statesNeedingDeadline: ['dispatched'],
    });
    expect(result).toEqual({
      created: 3,
      byState: { submitted: 1, dispatched: 1, closed: 1 },
      balanced: true,
      outside: [],
    });
  });

  it('names every record that falls outside, and why', () => {
    const result = reconcile({
      created: ['a', 'b', 'c', 'lost'],
      records: [
        { id: 'a', state: 'limbo' },
        { id: 'b', state: 'dispatched' },
        { id: 'c', state: 'closed' },
        { id: 'ghost', state: 'closed' },
      ],
      states,
      statesNeedingDeadline: ['dispatched'],
    });
    expect(result.balanced).toBe(false);
    expect(result.byState).toEqual({ submitted: 0, dispatched: 1, closed: 2 });
    expect(result.outside).toEqual([
      { id: 'a', problem: 'unknownState', state: 'limbo' },
      { id: 'b', problem: 'missingDeadline', state: 'dispatched' },
      { id: 'ghost', problem: 'recordWithoutCreation', state: 'closed' },
      { id: 'lost', problem: 'createdWithoutRecord' },
    ]);
  });
});
