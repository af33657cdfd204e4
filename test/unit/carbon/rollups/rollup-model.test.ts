import { describe, expect, it } from 'vitest';
import { rollupItemKey } from '../../../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import {
  aggregate,
  localPeriodsOf,
  rollupKeysFor,
} from '../../../../shared/domain/carbon/rollups/rollup-model.ts';

const meter = { id: 'm1', enterpriseId: 'e1', industryCode: 'C2511' };

describe('rollup model', () => {
  it('puts 23:30 UTC in the next local day in Shanghai', () => {
    expect(localPeriodsOf(new Date('2026-11-27T23:30:00Z'))).toEqual({
      hour: '2026-11-28T07',
      day: '2026-11-28',
      month: '2026-11',
    });
    expect(localPeriodsOf(new Date('2026-11-30T16:10:00Z')).month).toBe('2026-12');
  });

  it('produces the 12 keys of one reading', () => {
    const keys = rollupKeysFor(meter, localPeriodsOf(new Date('2026-11-28T07:00:00Z'))).map(rollupItemKey);
    expect(keys).toHaveLength(12);
    // Stored as before (no migration): the adapter's keys of the domain's rollups.
    expect(keys).toContainEqual({ pk: 'ROLLUP#city#city#hour', sk: '2026-11-28T15' });
    expect(keys).toContainEqual({ pk: 'ROLLUP#industry#C2511#month', sk: '2026-11' });
    expect(keys).toContainEqual({ pk: 'ROLLUP#meter#m1#day', sk: '2026-11-28' });
  });

  it('aggregates contributions per key, exactly, past 2^53 in BigInt', () => {
    const key = { level: 'meter', id: 'm1', granularity: 'day', period: '2026-11-28' } as const;
    const other = { level: 'meter', id: 'm1', granularity: 'hour', period: '2026-11-28T15' } as const;
    const out = aggregate([
      { key, figures: { co2e_mg: 1_000, readings: 1 } },
      { key: other, figures: { co2e_mg: 2 } },
      { key, figures: { co2e_mg: 500, readings: 1 } },
      { key: other, figures: { co2e_mg: Number.MAX_SAFE_INTEGER } },
    ]);
    expect(out).toHaveLength(2);
    expect(out[0]?.figures).toEqual({ co2e_mg: 1_500, readings: 2 });
    expect(out[1]?.figures).toEqual({ co2e_mg: BigInt(Number.MAX_SAFE_INTEGER) + 2n });
  });
});
