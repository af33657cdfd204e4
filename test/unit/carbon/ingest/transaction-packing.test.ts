import { describe, expect, it } from 'vitest';
import type { ChunkPlan } from '../../../../shared/domain/carbon/ingest/chunk-plan.ts';
import { foldTransactions } from '../../../../shared/domain/carbon/ingest/deferred-deltas.ts';
import {
  type Planned,
  packTransactions,
} from '../../../../shared/domain/carbon/ingest/transaction-packing.ts';
import {
  type PendingDelta,
  type PlannedChunk,
  transactionKeysOf,
} from '../../../../shared/domain/carbon/ingest/transaction-plan.ts';
import { rollupKeysFor } from '../../../../shared/domain/carbon/rollups/rollup-model.ts';

/**
 * The planners pack within the transaction size they are given (the ingest store's
 * `maxTransactionItems`), not a number of their own.
 */

const periods = { hour: '2026-11-05T10', day: '2026-11-05', month: '2026-11' };
const meter = (i: number) => ({
  id: `MTR-${i}`,
  enterpriseId: `ENT-${i}`,
  industryCode: 'C2511',
  recordedOnly: false,
});

/** An interval meter's one-hour message: its 12 rollup items, the meter-hour logged on the item. */
const plannedChunk = (i: number, logTo: 'item' | 'overflow' = 'item'): PlannedChunk => {
  const plan: ChunkPlan = {
    kind: 'apply',
    rollups: rollupKeysFor(meter(i), periods).map((key) => ({ key, figures: { readings: 1 } })),
    meterHours: [
      {
        hour: periods.hour,
        marksMessage: true,
        logEntry: { messageId: `m-${i}` } as ChunkPlan['meterHours'][number]['logEntry'],
        logTo,
      },
    ],
    checks: [],
    createsOrigin: false,
    factorRefs: [],
    accepted: 1,
    rejected: [],
    lastReadingAt: '2026-11-05T02:00:00.000Z',
  };
  return { meterId: `MTR-${i}`, messageId: `m-${i}`, plan };
};

// packTransactions reads only the plan of each member.
const member = (chunk: PlannedChunk) => ({ planned: chunk }) as Planned;

const sizes = (groups: Planned[][]) =>
  groups.map((group) => new Set(group.flatMap((g) => transactionKeysOf(g.planned))).size);

describe('packTransactions', () => {
  const members = Array.from({ length: 30 }, (_, i) => member(plannedChunk(i)));

  it('fills each transaction up to the given number of items, and no further', () => {
    // Each message adds its enterprise's and meter's 6 items to the city and industry's 6 shared ones.
    expect(sizes(packTransactions(members, 100))).toEqual([96, 96]);
    expect(sizes(packTransactions(members, 25))).toEqual(Array.from({ length: 10 }, () => 24));
  });

  it('counts a batch-log overflow as an item of its own', () => {
    // 12 items, then 6 more and the overflow entry: 19.
    const overflowing = member(plannedChunk(1, 'overflow'));
    expect(transactionKeysOf(overflowing.planned)).toHaveLength(13);
    expect(packTransactions([member(plannedChunk(0)), overflowing], 18)).toHaveLength(2);
    expect(packTransactions([member(plannedChunk(0)), overflowing], 19)).toHaveLength(1);
  });
});

describe('foldTransactions', () => {
  const pending = (i: number): PendingDelta => ({
    shard: 0,
    createdAt: '2026-11-05T02:00:00.000Z',
    digest: String(i),
    writes: [
      {
        key: { level: 'industry', id: `C251${i % 3}`, granularity: 'hour', period: '2026-11-05T10' },
        figures: { readings: 1 },
        factorRefs: [],
      },
    ],
  });

  it('puts as many pending items in one fold as the given size holds, writes and deletes together', () => {
    const pendings = Array.from({ length: 10 }, (_, i) => pending(i));
    expect(foldTransactions(pendings, 100)).toHaveLength(1);
    const folds = foldTransactions(pendings, 5);
    for (const fold of folds) expect(fold.writes.length + fold.pending.length).toBeLessThanOrEqual(5);
    expect(folds.flatMap((f) => f.pending)).toHaveLength(10);
  });
});
