import { describe, expect, it } from 'vitest';
import {
  batchLogOverflowPk,
  batchLogOverflowSk,
  pendingItemKey,
  pendingRefOf,
  rollupItemKey,
  rollupKeyOf,
} from '../../../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { REGISTER_ORIGIN_PERIOD } from '../../../../shared/domain/carbon/ingest/meter-hour-state.ts';
import { feedMonthKey } from '../../../../shared/domain/carbon/rollups/feed-days.ts';
import type { RollupKey } from '../../../../shared/domain/carbon/rollups/rollup-model.ts';

/** The adapter's keys of the domain's items are the stored text of before (no migration). */
describe('carbon keys', () => {
  const cases: [RollupKey, { pk: string; sk: string }][] = [
    [
      { level: 'city', id: 'city', granularity: 'hour', period: '2026-11-28T15' },
      { pk: 'ROLLUP#city#city#hour', sk: '2026-11-28T15' },
    ],
    [feedMonthKey('meter', 'MTR-0001', '2026-11'), { pk: 'ROLLUP#meter#MTR-0001#feedmonth', sk: '2026-11' }],
    [
      { level: 'meter', id: 'MTR-0001', granularity: 'hour', period: REGISTER_ORIGIN_PERIOD },
      { pk: 'ROLLUP#meter#MTR-0001#hour', sk: '#origin' },
    ],
  ];

  it('stores rollups, feed months and register origins under their old keys, and reads them back', () => {
    for (const [key, stored] of cases) {
      expect(rollupItemKey(key)).toEqual(stored);
      expect(rollupKeyOf(stored.pk, stored.sk)).toEqual(key);
    }
  });

  it('stores pending items and batch-log overflows under their old keys', () => {
    const ref = { shard: 3, createdAt: '2026-11-28T07:00:00.000Z', digest: 'ab12' };
    expect(pendingItemKey(ref)).toEqual({ pk: 'INGESTPENDING#3', sk: '2026-11-28T07:00:00.000Z#ab12' });
    expect(pendingRefOf('INGESTPENDING#3', '2026-11-28T07:00:00.000Z#ab12')).toEqual(ref);
    expect([batchLogOverflowPk('MTR-0001'), batchLogOverflowSk('2026-11-03T10', 'm-1')]).toEqual([
      'BATCHLOG#meter#MTR-0001',
      '2026-11-03T10#m-1',
    ]);
  });
});
