import type { Exact } from './fixed-point.ts';
import type { RollupKey, RollupLevel } from './rollup-model.ts';

/**
 * The days of a feed month, derived on read (docs/imports.md, "Spreading"). An import books a
 * feed's month once — on the month items, and on a *feed month* item per level (granularity
 * `feedmonth`, period `<month>`) holding the feeds' share of that month — and every
 * reader of day and hour items adds each feed month's share (feed-shares.ts), by the rule here and
 * nowhere else: each integer figure `F` over the month's `D` days is `⌊F / D⌋` a day, the first
 * `F mod D` days one more (a day over its 24 hours likewise). The parts are integers and sum to `F`
 * exactly, so a month equals the sum of its days at every level. Pure.
 */

export const FEED_MONTH = 'feedmonth' as const;
/** A target's feed month item. */
export const feedMonthKey = (level: RollupLevel, id: string, month: string): RollupKey => ({
  level,
  id,
  granularity: FEED_MONTH,
  period: month,
});

export const daysInMonth = (month: string): number => {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
};

/** Day `index` (0-based) of `total` spread over `days`: the integer part with the remainder first. */
export const dayPart = (total: Exact, days: number, index: number): Exact => {
  if (typeof total === 'number' && Number.isSafeInteger(total)) {
    const base = Math.floor(total / days);
    return base + (index < total - base * days ? 1 : 0);
  }
  const big = BigInt(total);
  const d = BigInt(days);
  // BigInt division truncates toward zero: floor it for a negative total.
  let base = big / d;
  if (base * d > big) base -= 1n;
  const part = base + (BigInt(index) < big - base * d ? 1n : 0n);
  return part >= BigInt(Number.MIN_SAFE_INTEGER) && part <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(part)
    : part;
};

/** The days `first`…`last` (inclusive, `YYYY-MM-DD`) that lie in `month`. */
export const daysOfMonthBetween = (month: string, first: string, last: string): string[] => {
  const days: string[] = [];
  for (let d = 1; d <= daysInMonth(month); d += 1) {
    const day = `${month}-${String(d).padStart(2, '0')}`;
    if (day >= first && day <= last) days.push(day);
  }
  return days;
};

/** The months a span of days touches, `YYYY-MM`, in order. */
export const monthsBetween = (first: string, last: string): string[] => {
  const months: string[] = [];
  let [year = 0, month = 1] = first.slice(0, 7).split('-').map(Number);
  const end = last.slice(0, 7);
  for (;;) {
    const label = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (label > end) break;
    months.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
};
