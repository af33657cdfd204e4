import { localTimeToInstant } from '../../calendar/local-date.ts';
import { ValidationError } from '../../errors.ts';
import { type Granularity, localPeriodsOf } from './rollup-model.ts';

/**
 * Rollup period keys as calendar labels in the deployment zone: hour `2026-11-28T15`, day
 * `2026-11-28`, month `2026-11`. Enumeration is label arithmetic (no zone); only turning an instant
 * into a label, or a label into its UTC range, looks at the zone.
 */

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/;
/** An instant with an explicit zone, e.g. `2026-11-28T07:00:00Z` or `…+08:00`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Most periods one series request may cover: a month of hours, a year and a bit of days, ten years of months. */
export const MAX_PERIODS: Record<Granularity, number> = { hour: 744, day: 400, month: 120 };

const HOUR_MS = 3_600_000;
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** A period label read as if it were UTC wall time: [year, month, day, hour]. */
interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const validWall = (wall: Wall): boolean =>
  wall.month >= 1 &&
  wall.month <= 12 &&
  wall.day >= 1 &&
  wall.day <= daysIn(wall.year, wall.month) &&
  wall.hour >= 0 &&
  wall.hour <= 23;

const label = (wall: Wall, granularity: Granularity): string => {
  const month = `${pad(wall.year, 4)}-${pad(wall.month)}`;
  if (granularity === 'month') return month;
  const day = `${month}-${pad(wall.day)}`;
  return granularity === 'day' ? day : `${day}T${pad(wall.hour)}`;
};

/** Precision of a bound as written, and the first and last wall hour it covers. */
interface Bound {
  first: Wall;
  last: Wall;
}

/** Year, month, day, hour: each part optional after the year (`2026`, `2026-11`, `2026-11-28T09`). */
const LABEL = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}))?)?)?$/;

const labelBound = (text: string): Bound | undefined => {
  const match = LABEL.exec(text);
  if (!match) return undefined;
  const [, y, m, d, h] = match;
  const year = Number(y);
  const month = m === undefined ? undefined : Number(m);
  const day = d === undefined ? undefined : Number(d);
  const hour = h === undefined ? undefined : Number(h);
  const first = { year, month: month ?? 1, day: day ?? 1, hour: hour ?? 0 };
  if (!validWall(first)) return undefined;
  const last = {
    year,
    month: month ?? 12,
    day: day ?? daysIn(year, month ?? 12),
    hour: hour ?? 23,
  };
  return { first, last };
};

const boundOf = (text: string, timeZone: string): Bound | undefined => {
  if (!INSTANT.test(text)) return labelBound(text);
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return undefined;
  const wall = wallOfHourLabel(localPeriodsOf(instant, timeZone).hour);
  return { first: wall, last: wall };
};

const wallOfHourLabel = (hourLabel: string): Wall => {
  const match = HOUR.exec(hourLabel);
  return {
    year: +(match?.[1] ?? 0),
    month: +(match?.[2] ?? 0),
    day: +(match?.[3] ?? 0),
    hour: +(match?.[4] ?? 0),
  };
};

const toUtcMs = (wall: Wall): number => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour);

const fromUtcMs = (ms: number): Wall => {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
  };
};

/** The label after `wall` at the granularity, as a wall. */
const step = (wall: Wall, granularity: Granularity): Wall => {
  if (granularity === 'hour') return fromUtcMs(toUtcMs(wall) + HOUR_MS);
  if (granularity === 'day') return fromUtcMs(toUtcMs({ ...wall, hour: 0 }) + 24 * HOUR_MS);
  const monthIndex = wall.year * 12 + wall.month; // next month, 1-based month arithmetic
  return { year: Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1, day: 1, hour: 0 };
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const boundError = (field: 'from' | 'to', text: string) =>
  new ValidationError(
    `${field} ${text} 不是年、月、日、小时或 ISO 时刻 (not a year, month, day, hour or ISO instant)`,
    [
      {
        path: `/query/${field}`,
        message:
          '请用 YYYY、YYYY-MM、YYYY-MM-DD、YYYY-MM-DDTHH（本地时间）或带时区的 ISO 时刻 (use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH (local time) or an ISO instant with a zone)',
      },
    ],
  );

/**
 * Every period label from `from` to `to` inclusive at the granularity. A coarse bound widens to the
 * periods it covers: from `2026-11-28` to `2026-11-28` at hour granularity is the day's 24 hours.
 * Throws ValidationError (400) for unreadable bounds and for `to` before `from`; the caller checks
 * the count against MAX_PERIODS.
 */
export const periodsBetween = (
  from: string,
  to: string,
  granularity: Granularity,
  timeZone: string,
): string[] => {
  const start = boundOf(from, timeZone);
  if (!start) throw boundError('from', from);
  const end = boundOf(to, timeZone);
  if (!end) throw boundError('to', to);
  const last = label(end.last, granularity);
  let wall = start.first;
  if (compare(label(wall, granularity), last) > 0) {
    throw new ValidationError('结束早于开始 (to is before from)', [
      { path: '/query/to', message: '不能早于 from (must not be before from)' },
    ]);
  }
  const periods: string[] = [];
  // Stop one past the cap: enough to tell the caller the range is too large without building it all.
  while (compare(label(wall, granularity), last) <= 0 && periods.length <= MAX_PERIODS[granularity]) {
    periods.push(label(wall, granularity));
    wall = step(wall, granularity);
  }
  return periods;
};

/** The granularity a period label is written at, or undefined for something else. */
export const granularityOfPeriod = (period: string): Granularity | undefined => {
  if (HOUR.test(period)) return 'hour';
  if (DAY.test(period)) return 'day';
  if (MONTH.test(period)) return 'month';
  return undefined;
};

/** True for a real calendar label (`2026-02-30` is not one). */
export const isPeriodLabel = (period: string): boolean => {
  const granularity = granularityOfPeriod(period);
  if (!granularity) return false;
  const bound = boundOf(period, 'UTC');
  return bound !== undefined && label(bound.first, granularity) === period;
};

/** The UTC instants [start, end) a local period label covers, e.g. to find the readings in it. */
export const periodUtcRange = (period: string, timeZone: string): { start: Date; end: Date } => {
  const granularity = granularityOfPeriod(period);
  const bound = boundOf(period, 'UTC');
  if (!granularity || !bound) throw new RangeError(`not a period label: ${period}`);
  const instantOf = (wall: Wall) => localTimeToInstant(label(wall, 'day'), wall.hour * 60, timeZone);
  return { start: instantOf(bound.first), end: instantOf(step(bound.first, granularity)) };
};

/** The 12 month labels of a year, e.g. to total a yearly budget from monthly rollups. */
export const monthsOfYear = (year: string): string[] =>
  Array.from({ length: 12 }, (_, index) => `${year}-${pad(index + 1)}`);
