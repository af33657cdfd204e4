import { describe, expect, it } from 'vitest';
import {
  closedLedgerDelta,
  isOpenState,
  OPEN_SHARDS,
  opennessChange,
  openShardOf,
} from '../../../shared/domain/workflow/open-records.ts';
import { reconcile } from '../../../shared/domain/workflow/reconciliation.ts';

describe('open workflow records', () => {
  it('counts every state but the terminal ones as open, unknown states included', () => {
    expect(isOpenState('CASE', 'dispatched')).toBe(true);
    expect(isOpenState('CASE', 'suspended')).toBe(true);
    expect(isOpenState('CASE', 'closed')).toBe(false);
    expect(isOpenState('CASE', 'rejected')).toBe(false);
    expect(isOpenState('SUGGESTION', 'split')).toBe(false);
    expect(isOpenState('SUGGESTION', 'replied')).toBe(true);
    expect(isOpenState('CASE', 'limbo')).toBe(true);
  });

  it('opens on creation and reopening, closes on a terminal step, and moves the closed ledger with it', () => {
    expect(opennessChange('CASE', null, 'submitted')).toBe('opened');
    expect(opennessChange('CASE', 'awaitingVerification', 'closed')).toBe('closed');
    expect(closedLedgerDelta('CASE', 'awaitingVerification', 'closed')).toEqual({ closed: 1 });
    expect(opennessChange('CASE', 'closed', 'reopened')).toBe('opened');
    expect(closedLedgerDelta('CASE', 'closed', 'reopened')).toEqual({ closed: -1 });
    expect(opennessChange('CASE', 'dispatched', 'inProgress')).toBe('none');
    expect(closedLedgerDelta('CASE', 'dispatched', 'inProgress')).toEqual({});
    expect(closedLedgerDelta('CASE', 'closed', 'closed')).toEqual({});
  });

  it('spreads ids over every shard, the same way every time', () => {
    const shards = new Set(Array.from({ length: 200 }, (_, i) => openShardOf(`case-${i}`)));
    expect(shards.size).toBe(OPEN_SHARDS);
    expect(openShardOf('case-7')).toBe(openShardOf('case-7'));
  });
});

describe('reconciliation of open records with the closed ledger', () => {
  it('counts closed records as created and in their state, and still names a lost open one', () => {
    const result = reconcile({
      created: ['a', 'lost'],
      records: [{ id: 'a', state: 'dispatched', deadline: '2026-12-01T10:00:00Z' }],
      closedByState: { closed: 40, rejected: 2 },
      states: ['submitted', 'dispatched', 'closed', 'rejected'],
      statesNeedingDeadline: ['dispatched'],
    });
    expect(result.created).toBe(44);
    expect(result.byState).toEqual({ submitted: 0, dispatched: 1, closed: 40, rejected: 2 });
    expect(result.balanced).toBe(false);
    expect(result.outside).toEqual([{ id: 'lost', problem: 'createdWithoutRecord' }]);
  });
});
