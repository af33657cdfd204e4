import { dayPart, daysInMonth, daysOfMonthBetween } from './feed-days.ts';
import { addExact, type Exact } from './fixed-point.ts';

/**
 * A feed's share of a day or an hour, exact at every level (docs/imports.md, "Spreading"). Each
 * account meter's feed month is spread on its own — over the month's days by `dayPart`, then each
 * day over its 24 hours by the same rule — and a level's share is the sum of its account meters'
 * shares. Spreading a level's own month total instead would not commute with the sum: one
 * millionth of each of two meters lands on day 1 twice, but 2 spread lands on days 1 and 2. No rule
 * of the total alone commutes (spread(1) is one fixed day, so spread(k) = k × that day), hence the
 * per-meter sum. What the listed meters do not explain (the level's total minus theirs: a meter
 * the registry no longer places there, or none listed) is spread as one more term, so a level's
 * days always sum to its month even then. Pure.
 */

/** A level's feed month as read: its own item and the counted account meters' items of the month. */
export interface FeedMonthRead {
  month: string;
  total: Record<string, unknown>;
  /** Account meters' feed month items that reached this level (the meter level itself: none). */
  meters: readonly Record<string, unknown>[];
}

/** Summed integer figures a feed month spreads (`batches` counts messages, not activity: not spread). */
const SPREAD =
  /^((co2e|co2eMarket|scope1|scope2Location|scope2Market|tce)_mg|[eg]_.+_mg|tce_.+_mg|qc_.+|readings)$/;

type Figures = Record<string, Exact>;

const asExact = (value: unknown): Exact | undefined =>
  typeof value === 'bigint'
    ? value
    : typeof value === 'number' && Number.isInteger(value)
      ? value
      : undefined;

/** The spread figures of an item. */
export const spreadFiguresOf = (item: Record<string, unknown>): Figures => {
  const out: Figures = {};
  for (const [name, value] of Object.entries(item)) {
    const exact = SPREAD.test(name) ? asExact(value) : undefined;
    if (exact !== undefined) out[name] = exact;
  }
  return out;
};

const negate = (value: Exact): Exact => (typeof value === 'bigint' ? -value : value === 0 ? 0 : -value);

/** The terms spread one by one: each meter's figures and what they leave of the level's total. */
const termsOf = (feed: FeedMonthRead): Figures[] => {
  const rest = spreadFiguresOf(feed.total);
  const meters = feed.meters.map(spreadFiguresOf);
  for (const figures of meters)
    for (const [name, value] of Object.entries(figures))
      rest[name] = addExact(rest[name] ?? 0, negate(value));
  const residual = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== 0 && v !== 0n));
  return Object.keys(residual).length === 0 ? meters : [...meters, residual];
};

const partOf = (figures: Figures, parts: number, index: number): Figures =>
  Object.fromEntries(Object.entries(figures).map(([name, v]) => [name, dayPart(v, parts, index)]));

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH`: the day index in its month and, for an hour, the hour. */
const positionOf = (label: string) => ({
  days: daysInMonth(label.slice(0, 7)),
  day: Number(label.slice(8, 10)) - 1,
  hour: label.length > 10 ? Number(label.slice(11, 13)) : undefined,
});

/** The feed's figures of one day (`YYYY-MM-DD`) or hour (`YYYY-MM-DDTHH`) of its month. */
export const feedShare = (feed: FeedMonthRead, label: string): Figures => {
  const { days, day, hour } = positionOf(label);
  const out: Figures = {};
  for (const term of termsOf(feed)) {
    const ofDay = partOf(term, days, day);
    const part = hour === undefined ? ofDay : partOf(ofDay, 24, hour);
    for (const [name, value] of Object.entries(part)) out[name] = addExact(out[name] ?? 0, value);
  }
  return out;
};

const refsOf = (value: unknown): string[] =>
  value instanceof Set ? [...value].map(String) : Array.isArray(value) ? value.map(String) : [];

/** `item` (a booked day or hour item, or none) with the feed's share of that period added. */
export const withFeedShare = (
  item: Record<string, unknown> | undefined,
  feed: FeedMonthRead,
  label: string,
): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...(item ?? { sk: label }) };
  for (const [name, value] of Object.entries(feedShare(feed, label)))
    out[name] = addExact(asExact(out[name]) ?? 0, value);
  const refs = new Set([...refsOf(out.factorRefs), ...refsOf(feed.total.factorRefs)]);
  if (refs.size > 0) out.factorRefs = refs;
  return out;
};

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/** The day or hour labels of `month` between `first` and `last` (inclusive, labels of one granularity). */
export const labelsOfMonthBetween = (
  month: string,
  granularity: 'day' | 'hour',
  first: string,
  last: string,
): string[] => {
  const days = daysOfMonthBetween(month, first.slice(0, 10), last.slice(0, 10));
  if (granularity === 'day') return days;
  return days.flatMap((day) => HOURS.map((h) => `${day}T${h}`)).filter((l) => l >= first && l <= last);
};

/** A day or hour series with the feed months' shares added (`feeds` by month), in period order. */
export const addFeedShares = (
  series: Map<string, Record<string, unknown>>,
  feeds: Iterable<FeedMonthRead>,
  granularity: 'day' | 'hour',
  first: string,
  last: string,
): Map<string, Record<string, unknown>> => {
  const out = new Map(series);
  for (const feed of feeds)
    for (const label of labelsOfMonthBetween(feed.month, granularity, first, last))
      out.set(label, withFeedShare(out.get(label), feed, label));
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
};

/**
 * Whether an account meter's feed month reached the levels above it: every batch-log entry counted.
 * All recorded-only (`counts: meter`) → no; a mix (two accounts of one meter, set differently) is
 * not split here: the meter is left out and the level spreads that share as its residual.
 */
export const countedAbove = (meterFeedMonth: Record<string, unknown>): boolean => {
  const log = meterFeedMonth.batchLog;
  if (!Array.isArray(log) || log.length === 0) return false;
  return log.every((entry) => (entry as { recordedOnly?: boolean }).recordedOnly !== true);
};
