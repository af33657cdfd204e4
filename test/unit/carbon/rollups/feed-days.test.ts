import { describe, expect, it } from 'vitest';
import { dayPart, monthsBetween } from '../../../../shared/domain/carbon/rollups/feed-days.ts';
import {
  addFeedShares,
  type FeedMonthRead,
  withFeedShare,
} from '../../../../shared/domain/carbon/rollups/feed-shares.ts';
import { spreadParts } from '../../../../shared/domain/imports/spread.ts';

/** The days of a feed month derived on read (docs/imports.md, "Spreading"). */
describe('a feed month’s days', () => {
  it('splits every integer figure as the import spreads a quantity, the parts summing to the whole', () => {
    for (const [total, days] of [
      [29_000_000_000, 31],
      [1, 30],
      [-7, 28],
      [Number.MAX_SAFE_INTEGER, 29],
    ] as const) {
      const parts = Array.from({ length: days }, (_, i) => Number(dayPart(total, days, i)));
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      if (total >= 0) expect(parts).toEqual(spreadParts(total, days));
    }
    const big = 10n ** 30n + 17n;
    const parts = Array.from({ length: 31 }, (_, i) => BigInt(dayPart(big, 31, i)));
    expect(parts.reduce((s, p) => s + p, 0n)).toBe(big);
  });

  it('adds the day’s part of each figure to a booked day, leaving what a feed does not carry', () => {
    const feed = {
      pk: 'x',
      sk: '2026-08',
      qc_electricity: 29_000_000_000,
      co2e_mg: 31,
      readings: 31,
      batches: 1,
    };
    const own = (total: Record<string, unknown>): FeedMonthRead => ({ month: '2026-08', total, meters: [] });
    const day = withFeedShare(
      { sk: '2026-08-01', co2e_mg: 5, qc_natural_gas: 2, batches: 3 },
      own(feed),
      '2026-08-01',
    );
    expect(day).toEqual({
      sk: '2026-08-01',
      co2e_mg: 6,
      qc_natural_gas: 2,
      qc_electricity: 935_483_871,
      readings: 1,
      batches: 3,
    });
    expect(withFeedShare(undefined, own(feed), '2026-08-31')).toMatchObject({ qc_electricity: 935_483_870 });
  });

  it('fills a day series across months with the days the span holds, in order', () => {
    const series = addFeedShares(
      new Map([['2026-02-27', { sk: '2026-02-27', co2e_mg: 1 }]]),
      [
        { month: '2026-02', total: { co2e_mg: 28 }, meters: [] },
        { month: '2026-03', total: { co2e_mg: 62 }, meters: [] },
      ],
      'day',
      '2026-02-27',
      '2026-03-02',
    );
    expect([...series.entries()].map(([day, item]) => [day, item.co2e_mg])).toEqual([
      ['2026-02-27', 2],
      ['2026-02-28', 1],
      ['2026-03-01', 2],
      ['2026-03-02', 2],
    ]);
    expect(monthsBetween('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
