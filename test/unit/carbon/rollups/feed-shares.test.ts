import { describe, expect, it } from 'vitest';
import { daysInMonth } from '../../../../shared/domain/carbon/rollups/feed-days.ts';
import {
  countedAbove,
  type FeedMonthRead,
  feedShare,
  labelsOfMonthBetween,
} from '../../../../shared/domain/carbon/rollups/feed-shares.ts';

/**
 * A feed's share of a day or an hour, exact across levels (docs/imports.md, "Spreading"): a level's
 * share is the sum of its account meters' shares, and the hours of a day sum to the day.
 */
type Item = Record<string, number | bigint>;
const sum = (items: readonly Item[]): Item => {
  const out: Item = {};
  for (const item of items)
    for (const [k, v] of Object.entries(item)) out[k] = BigInt(out[k] ?? 0) + BigInt(v);
  return out;
};
const big = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).map(([k, v]) => [k, BigInt(v as number)]));

// Awkward values: a single millionth or milligram, remainders that collide, a negative (a
// correction's −old booked after an earlier design), a figure past 2^53.
const METERS: Item[] = [
  { qc_electricity: 1, co2e_mg: 1, tce_mg: 29, readings: 31 },
  { qc_electricity: 1, co2e_mg: 30, tce_mg: 1, readings: 31 },
  { qc_electricity: 12_345_678_901, co2e_mg: 7_654_321, tce_mg: -3, readings: 62 },
  { qc_electricity: 2n ** 60n + 13n, co2e_mg: 17, tce_mg: 0, readings: 31 },
];
const MONTH = '2026-07';
const meterRead = (m: Item): FeedMonthRead => ({ month: MONTH, total: m, meters: [] });

describe('a level’s feed share', () => {
  it('is, on every day, exactly the sum of its account meters’ shares, at every level', () => {
    // Enterprise A has meters 0 and 1, enterprise B meters 2 and 3; the industry and city hold both.
    const enterpriseA = { month: MONTH, total: sum(METERS.slice(0, 2)), meters: METERS.slice(0, 2) };
    const enterpriseB = { month: MONTH, total: sum(METERS.slice(2)), meters: METERS.slice(2) };
    const city = { month: MONTH, total: sum(METERS), meters: METERS };
    for (const day of labelsOfMonthBetween(MONTH, 'day', '2026-07-01', '2026-07-31')) {
      const meterDays = METERS.map((m) => feedShare(meterRead(m), day));
      expect(big(feedShare(enterpriseA, day))).toEqual(sum(meterDays.slice(0, 2)));
      expect(big(feedShare(enterpriseB, day))).toEqual(sum(meterDays.slice(2)));
      expect(big(feedShare(city, day))).toEqual(sum(meterDays));
    }
    // Spreading the level's own total instead (the rule before) puts the two meters' single
    // millionths on days 1 and 2, where each meter has its own on day 1.
    expect(feedShare(meterRead(sum(METERS.slice(0, 2))), '2026-07-02').qc_electricity).toBe(1);
    expect(feedShare(enterpriseA, '2026-07-02').qc_electricity).toBe(0);
  });

  it('spreads what its listed meters do not explain, so its days still sum to its month', () => {
    const level = { month: MONTH, total: sum(METERS), meters: METERS.slice(0, 1) };
    const days = labelsOfMonthBetween(MONTH, 'day', '2026-07-01', '2026-07-31');
    expect(sum(days.map((d) => feedShare(level, d)))).toEqual(sum(METERS));
  });

  it('splits each day over its 24 hours: they sum to the day at every level', () => {
    const city = { month: MONTH, total: sum(METERS), meters: METERS };
    for (const day of ['2026-07-01', '2026-07-17', '2026-07-31']) {
      const hours = labelsOfMonthBetween(MONTH, 'hour', `${day}T00`, `${day}T23`);
      expect(hours).toHaveLength(24);
      const cityHours = hours.map((h) => feedShare(city, h));
      expect(sum(cityHours)).toEqual(big(feedShare(city, day)));
      for (const [i, hour] of hours.entries())
        expect(big(cityHours[i] ?? {})).toEqual(sum(METERS.map((m) => feedShare(meterRead(m), hour))));
    }
    // The whole month's hours are the month.
    const all = labelsOfMonthBetween(MONTH, 'hour', '2026-07-01T00', '2026-07-31T23');
    expect(all).toHaveLength(daysInMonth(MONTH) * 24);
    expect(sum(all.map((h) => feedShare(city, h)))).toEqual(sum(METERS));
  });

  it('counts a meter’s month above it only when every entry reached the levels above', () => {
    expect(countedAbove({ batchLog: [{}, {}] })).toBe(true);
    expect(countedAbove({ batchLog: [{ recordedOnly: true }] })).toBe(false);
    expect(countedAbove({ batchLog: [{}, { recordedOnly: true }] })).toBe(false);
    expect(countedAbove({})).toBe(false);
  });
});
