import { z } from 'zod';
import holidayData from '../../data/calendar/cn-holidays.json' with { type: 'json' };
import { addDays, assertTimeZone, dayOfWeek, minuteOfDay, yearOf } from './local-date.ts';

/**
 * The working-time calendar: which local days are working days and which hours of them are office
 * hours. Holidays are data (shared/data/calendar/cn-holidays.json), never code (DESIGN.md §5).
 */

const LocalDateSchema = z.iso.date();
const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour clock)');

const OfficePeriodSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .refine((period) => minuteOfDay(period.start) < minuteOfDay(period.end), 'start must be before end');

const OfficePeriodsSchema = z
  .array(OfficePeriodSchema)
  .min(1)
  .refine(
    (periods) =>
      periods.every((p, i) => i === 0 || minuteOfDay(periods[i - 1]?.end ?? '') <= minuteOfDay(p.start)),
    'office periods must be in order and must not overlap',
  );

const HolidaySchema = z
  .object({ name: z.string().min(1), nameEn: z.string().min(1), from: LocalDateSchema, to: LocalDateSchema })
  .refine((holiday) => holiday.from <= holiday.to, 'from must not be after to');

const MakeUpWorkdaySchema = z
  .object({ date: LocalDateSchema, for: z.string().min(1) })
  .refine((day) => [0, 6].includes(dayOfWeek(day.date)), 'a make-up workday (调休上班) falls on a weekend');

const CalendarYearSchema = z
  .object({
    year: z.int().min(2000).max(2100),
    verified: z.boolean(),
    source: z.string().min(1),
    holidays: z.array(HolidaySchema),
    makeUpWorkdays: z.array(MakeUpWorkdaySchema),
  })
  .refine(
    (entry) =>
      entry.holidays.every((h) => yearOf(h.from) === entry.year) &&
      entry.makeUpWorkdays.every((d) => yearOf(d.date) === entry.year),
    'every date must lie in the year it is listed under',
  );

export const CalendarFileSchema = z.object({
  description: z.string().optional(),
  timeZone: z.string().min(1),
  officeHours: z.object({ periods: OfficePeriodsSchema, source: z.string().min(1) }),
  years: z
    .array(CalendarYearSchema)
    .min(1)
    .refine((years) => new Set(years.map((y) => y.year)).size === years.length, 'each year appears once'),
});
export type CalendarFile = z.infer<typeof CalendarFileSchema>;
export type OfficePeriod = z.infer<typeof OfficePeriodSchema>;

export interface WorkingCalendar {
  timeZone: string;
  /** Office periods as minutes after local midnight, in order. */
  officePeriods: readonly { start: number; end: number }[];
  holidays: ReadonlySet<string>;
  makeUpWorkdays: ReadonlySet<string>;
  /** Years the data covers; outside them only weekends are days off (see `isWorkingDay`). */
  coveredYears: ReadonlySet<number>;
  /** Years whose dates could not be checked against the official notice. */
  unverifiedYears: ReadonlySet<number>;
}

export interface CalendarOverrides {
  /** E.g. from `QS_TIME_ZONE`; defaults to the data file's zone. */
  timeZone?: string;
  officePeriods?: OfficePeriod[];
}

/** Validates calendar data and builds the lookup structure. Throws on bad data: a wrong calendar
 * would silently move every deadline, so it must stop the function from starting. */
export const loadWorkingCalendar = (raw: unknown, overrides: CalendarOverrides = {}): WorkingCalendar => {
  const parsed = CalendarFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `/${issue.path.join('/')}: ${issue.message}`);
    throw new Error(`invalid working calendar: ${issues.join('; ')}`);
  }
  const file = parsed.data;
  const periods = overrides.officePeriods
    ? OfficePeriodsSchema.parse(overrides.officePeriods)
    : file.officeHours.periods;
  const timeZone = overrides.timeZone ?? file.timeZone;
  assertTimeZone(timeZone);
  return {
    timeZone,
    officePeriods: periods.map((p) => ({ start: minuteOfDay(p.start), end: minuteOfDay(p.end) })),
    holidays: new Set(file.years.flatMap((y) => y.holidays.flatMap((h) => daysBetween(h.from, h.to)))),
    makeUpWorkdays: new Set(file.years.flatMap((y) => y.makeUpWorkdays.map((d) => d.date))),
    coveredYears: new Set(file.years.map((y) => y.year)),
    unverifiedYears: new Set(file.years.filter((y) => !y.verified).map((y) => y.year)),
  };
};

/** The bundled Chinese calendar (2025–2026). */
export const defaultWorkingCalendar = (overrides: CalendarOverrides = {}): WorkingCalendar =>
  loadWorkingCalendar(holidayData, overrides);

const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};

/**
 * Mon–Fri that are not public holidays, plus make-up workdays. For years the data does not cover we
 * fall back to plain Mon–Fri rather than refusing: a deadline that runs into next year must still be
 * computable; `coveredYears` lets a job warn when the data needs its yearly update.
 */
export const isWorkingDay = (calendar: WorkingCalendar, localDate: string): boolean => {
  if (calendar.makeUpWorkdays.has(localDate)) return true;
  if (calendar.holidays.has(localDate)) return false;
  const weekday = dayOfWeek(localDate);
  return weekday !== 0 && weekday !== 6;
};
