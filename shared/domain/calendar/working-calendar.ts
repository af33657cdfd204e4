import * as z from 'zod';
import officeHoursData from '../../data/calendar/office-hours.json' with { type: 'json' };
import { lazily } from '../lazily.ts';
import type { CalendarYearDocument } from './calendar-year.ts';
import { addDays, assertTimeZone, dayOfWeek, minuteOfDay } from './local-date.ts';

/**
 * The working-time calendar: which local days are working days and which hours of them are office
 * hours. Holidays are data, never code (docs/architecture.md, Domain notes): one document per year as the State Council's
 * notice announces it (calendar-year.ts), loaded by an admin (docs/working-calendar.md); the office
 * day is configuration (shared/data/calendar/office-hours.json).
 */

export const DEFAULT_CALENDAR_TIME_ZONE = 'Asia/Shanghai';

/** A span of the office day, local clock times `HH:MM`. */
export interface OfficePeriod {
  start: string;
  end: string;
}

/**
 * The office day's schema, built on first use: zod schemas cost a cold start their construction, and
 * the functions that reach this module without counting working time (media, reports, comment lists)
 * never build a calendar (docs/performance.md, "Cold start").
 */
const officePeriodsSchema = lazily((): z.ZodType<OfficePeriod[]> => {
  const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour clock)');
  const period = z
    .object({ start: clockTime, end: clockTime })
    .refine((p) => minuteOfDay(p.start) < minuteOfDay(p.end), 'start must be before end');
  return z
    .array(period)
    .min(1)
    .refine(
      (periods) =>
        periods.every((p, i) => i === 0 || minuteOfDay(periods[i - 1]?.end ?? '') <= minuteOfDay(p.start)),
      'office periods must be in order and must not overlap',
    );
});

/** The office day from shared/data/calendar/office-hours.json, validated on first use. */
export const officeHours: () => readonly OfficePeriod[] = lazily(
  () =>
    z.object({ periods: officePeriodsSchema(), source: z.string().min(1) }).parse(officeHoursData).periods,
);

export interface WorkingCalendar {
  timeZone: string;
  /** Office periods as minutes after local midnight, in order. */
  officePeriods: readonly { start: number; end: number }[];
  holidays: ReadonlySet<string>;
  makeUpWorkdays: ReadonlySet<string>;
  /** Years the data covers; outside them only weekends are days off (see `isWorkingDay`). */
  coveredYears: ReadonlySet<number>;
  /**
   * The unbroken run of covered years, from the first: deadlines that count days after
   * `coveredThrough` are provisional (provisional-deadline.ts). Both absent when nothing is loaded.
   */
  coveredFrom?: string;
  coveredThrough?: string;
  /** Years whose dates could not be checked against the official notice. */
  unverifiedYears: ReadonlySet<number>;
}

export interface CalendarOverrides {
  /** E.g. from `QS_TIME_ZONE`; defaults to Asia/Shanghai. */
  timeZone?: string;
  officePeriods?: OfficePeriod[];
}

/** The first year and the last of the unbroken run of years that starts with the first. */
export const coveredYearRange = (years: Iterable<number>): { first: number; last: number } | undefined => {
  const loaded = new Set(years);
  if (loaded.size === 0) return undefined;
  const first = Math.min(...loaded);
  let last = first;
  while (loaded.has(last + 1)) last++;
  return { first, last };
};

/**
 * The calendar of the given year documents (already validated). Throws on a bad office day or an
 * unknown zone: a wrong calendar would silently move every deadline, so it must stop the function.
 */
export const buildWorkingCalendar = (
  years: readonly CalendarYearDocument[],
  overrides: CalendarOverrides = {},
): WorkingCalendar => {
  const periods = overrides.officePeriods
    ? officePeriodsSchema().parse(overrides.officePeriods)
    : officeHours();
  const timeZone = overrides.timeZone ?? DEFAULT_CALENDAR_TIME_ZONE;
  assertTimeZone(timeZone);
  const range = coveredYearRange(years.map((y) => y.year));
  return {
    timeZone,
    officePeriods: periods.map((p) => ({ start: minuteOfDay(p.start), end: minuteOfDay(p.end) })),
    holidays: new Set(years.flatMap((y) => y.holidays.flatMap((h) => daysBetween(h.from, h.to)))),
    makeUpWorkdays: new Set(years.flatMap((y) => y.makeUpWorkdays)),
    coveredYears: new Set(years.map((y) => y.year)),
    ...(range === undefined
      ? {}
      : { coveredFrom: `${range.first}-01-01`, coveredThrough: `${range.last}-12-31` }),
    unverifiedYears: new Set(years.filter((y) => !y.verified).map((y) => y.year)),
  };
};

const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};

/**
 * Mon–Fri that are not public holidays, plus make-up workdays. For years the data does not cover we
 * fall back to plain Mon–Fri rather than refusing: a deadline that runs into next year must still be
 * computable. Such a deadline is marked provisional and recomputed once the year is loaded
 * (provisional-deadline.ts); the coverage job warns 60 days before the data runs out.
 */
export const isWorkingDay = (calendar: WorkingCalendar, localDate: string): boolean => {
  if (calendar.makeUpWorkdays.has(localDate)) return true;
  if (calendar.holidays.has(localDate)) return false;
  const weekday = dayOfWeek(localDate);
  return weekday !== 0 && weekday !== 6;
};
