import { addExact, type Exact } from './fixed-point.ts';
import type { RollupKey, RollupLevel } from './rollup-model.ts';

/**
 * The days of a feed month, derived on read (docs/imports.md, "Spreading"). An import books a
 * feed's month once — on the month items, and on a *feed month* item per level (granularity
 * `feedmonth`, period `<month>`) holding the feeds' share of that month — and every
 * reader of day items adds each feed month's day part, computed here and nowhere else: each integer
 * figure `F` over the month's `D` days is `⌊F / D⌋` a day, the first `F mod D` days one more. The
 * parts are integers and sum to `F` exactly, so a month equals the sum of its days at every level.
 * Pure.
 */

export const FEED_MONTH = 'feedmonth' as const;
/** A target's feed month item. */
export const feedMonthKey = (level: RollupLevel, id: string, month: string): RollupKey => ({
  level,
  id,
  granularity: FEED_MONTH,
  period: month,
});

/** Summed integer figures a feed month spreads (`batches` counts messages, not activity: not spread). */
const SPREAD =
  /^((co2e|co2eMarket|scope1|scope2Location|scope2Market|tce)_mg|[eg]_.+_mg|tce_.+_mg|qc_.+|readings)$/;

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

const asExact = (value: unknown): Exact | undefined =>
  typeof value === 'bigint'
    ? value
    : typeof value === 'number' && Number.isInteger(value)
      ? value
      : undefined;

const refsOf = (value: unknown): string[] =>
  value instanceof Set ? [...value].map(String) : Array.isArray(value) ? value.map(String) : [];

/**
 * `item` (a booked day item, or none) with the day's part of a feed month item added: its figures
 * exactly, its factor refs joined. `day` is `YYYY-MM-DD` of the feed month.
 */
export const withFeedDay = (
  item: Record<string, unknown> | undefined,
  feedMonth: Record<string, unknown>,
  day: string,
): Record<string, unknown> => {
  const month = day.slice(0, 7);
  const days = daysInMonth(month);
  const index = Number(day.slice(8, 10)) - 1;
  const out: Record<string, unknown> = { ...(item ?? { sk: day }) };
  for (const [name, value] of Object.entries(feedMonth)) {
    const total = SPREAD.test(name) ? asExact(value) : undefined;
    if (total === undefined) continue;
    const part = dayPart(total, days, index);
    out[name] = addExact(asExact(out[name]) ?? 0, part);
  }
  const refs = new Set([...refsOf(out.factorRefs), ...refsOf(feedMonth.factorRefs)]);
  if (refs.size > 0) out.factorRefs = refs;
  return out;
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

/** Day series with the feed months' days added (`feedMonths` by month label). */
export const addFeedDays = (
  series: Map<string, Record<string, unknown>>,
  feedMonths: ReadonlyMap<string, Record<string, unknown>>,
  first: string,
  last: string,
): Map<string, Record<string, unknown>> => {
  const out = new Map(series);
  for (const [month, feed] of feedMonths)
    for (const day of daysOfMonthBetween(month, first, last))
      out.set(day, withFeedDay(out.get(day), feed, day));
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
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
