import { localDate } from '../lib/format.ts';
import type { Granularity } from './api.ts';

/**
 * The dashboard's periods: a local month (`2026-11`, the default) or day (`2026-11-28`). Local is
 * Asia/Shanghai, the deployment's zone (QS_TIME_ZONE); China keeps UTC+8 all year (no daylight
 * saving since 1991), so a period's bounds are a fixed offset from UTC.
 */
export type PeriodKind = 'month' | 'day';

const OFFSET_MS = 8 * 3600_000;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const currentMonth = (now = new Date()): string => localDate(now).slice(0, 7);

/** The URL's period when it is one we read, else the current month. */
export const periodOf = (value: string | undefined, now = new Date()): string =>
  value !== undefined && (MONTH.test(value) || DAY.test(value)) ? value : currentMonth(now);

export const kindOf = (period: string): PeriodKind => (period.length === 7 ? 'month' : 'day');

/** What a period's series is drawn in unless the URL says otherwise: a month by day, a day by hour. */
export const defaultGranularity = (period: string): Granularity =>
  kindOf(period) === 'month' ? 'day' : 'hour';

const parts = (period: string) => period.split('-').map(Number) as [number, number, number?];

/** [start, end) of the period as UTC instants (ms). */
export const bounds = (period: string): [number, number] => {
  const [y, m, d] = parts(period);
  if (d === undefined) return [Date.UTC(y, m - 1, 1) - OFFSET_MS, Date.UTC(y, m, 1) - OFFSET_MS];
  const start = Date.UTC(y, m - 1, d) - OFFSET_MS;
  return [start, start + 86_400_000];
};

const monthLabel = (y: number, m: number) => {
  const date = new Date(Date.UTC(y, m - 1, 1));
  return date.toISOString().slice(0, 7);
};

/** The period before: the previous month or day. */
export const previousPeriod = (period: string): string => {
  const [y, m, d] = parts(period);
  if (d === undefined) return monthLabel(y, m - 1);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
};

/** The same period a year earlier (29 February falls back to the 28th). */
export const lastYear = (period: string): string => {
  const [y, m, d] = parts(period);
  if (d === undefined) return `${y - 1}-${String(m).padStart(2, '0')}`;
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** The month a period lies in: budgets are set per month (or year). */
export const monthOf = (period: string): string => period.slice(0, 7);

/** How much of the period has passed at `now`, 0..1. */
export const elapsedShare = (period: string, now = new Date()): number => {
  const [start, end] = bounds(period);
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
};

/**
 * The period's end total at the pace so far (a straight line): an estimate, labelled as one. A
 * finished period is its total; one that has barely begun (under an hour) is not projected.
 */
export const projectTotal = (total: number, period: string, now = new Date()): number | undefined => {
  const share = elapsedShare(period, now);
  const [start, end] = bounds(period);
  if (share >= 1) return total;
  if ((end - start) * share < 3600_000) return undefined;
  return total / share;
};

/** Every UTC day (YYYY-MM-DD) the period touches up to now: the quarantine is listed per UTC day. */
export const utcDaysSoFar = (period: string, now = new Date()): string[] => {
  const [start, end] = bounds(period);
  const last = Math.min(end - 1, now.getTime());
  const days: string[] = [];
  for (let t = start - (start % 86_400_000); t <= last; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
};
