import { addDays, localDateOf, localTimeToInstant } from './local-date.ts';
import { formatLocalDateTime } from './local-time-text.ts';
import { formatLocalDateTimeEn } from './local-time-text-en.ts';
import { isWorkingDay, type WorkingCalendar } from './working-calendar.ts';

/**
 * Deadline arithmetic in working time. Instants in and out are UTC `Date`s; days and office hours
 * are read in the calendar's zone.
 *
 * The rules follow the period-counting rules of the Civil Code (《中华人民共和国民法典》 arts. 201 and
 * 203), applied to working days instead of calendar days:
 * - N working days: the day of the start does not count; the deadline is the close of office (end of
 *   the last office period) on the N-th working day after the start's local date.
 * - N working hours: counted from the start instant itself, consuming only office periods of working
 *   days; a start outside office hours begins at the next office period.
 */

export const WORKING_TIME_UNITS = ['workingDays', 'workingHours'] as const;
export type WorkingTimeUnit = (typeof WORKING_TIME_UNITS)[number];

export interface WorkingTimeOptions {
  /** Count the start's own date as the first working day (default false, per Civil Code art. 201). */
  countStartDay?: boolean;
}

const MS_PER_HOUR = 3_600_000;
/** Upper bound on the days scanned, so a calendar without working days cannot loop forever. */
const MAX_SCAN_DAYS = 5 * 366;

interface Interval {
  start: number;
  end: number;
}

/** The office periods of one local day as UTC instants; none on a day off. */
const officeIntervals = (calendar: WorkingCalendar, localDate: string): Interval[] =>
  isWorkingDay(calendar, localDate)
    ? calendar.officePeriods.map((period) => ({
        start: localTimeToInstant(localDate, period.start, calendar.timeZone).getTime(),
        end: localTimeToInstant(localDate, period.end, calendar.timeZone).getTime(),
      }))
    : [];

/** Returns the deadline `amount` working days or hours after `start`. */
export const addWorkingTime = (
  start: Date,
  amount: number,
  unit: WorkingTimeUnit,
  calendar: WorkingCalendar,
  options: WorkingTimeOptions = {},
): Date => {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`invalid working-time amount ${amount}`);
  if (amount === 0) return new Date(start.getTime());
  return unit === 'workingDays'
    ? addWorkingDays(start, amount, calendar, options.countStartDay ?? false)
    : addWorkingHours(start, amount, calendar);
};

const addWorkingDays = (
  start: Date,
  days: number,
  calendar: WorkingCalendar,
  countStartDay: boolean,
): Date => {
  if (!Number.isInteger(days)) throw new RangeError(`working days must be a whole number, got ${days}`);
  const startDate = localDateOf(start, calendar.timeZone);
  let counted = 0;
  for (let offset = countStartDay ? 0 : 1; offset <= MAX_SCAN_DAYS; offset++) {
    const day = addDays(startDate, offset);
    if (!isWorkingDay(calendar, day)) continue;
    counted++;
    if (counted === days) return closeOfOffice(calendar, day);
  }
  throw new RangeError(
    `${formatLocalDateTime(start, calendar.timeZone)}起${MAX_SCAN_DAYS}天内数不出${days}个工作日 ` +
      `(no ${days}th working day within ${MAX_SCAN_DAYS} days of ${formatLocalDateTimeEn(start, calendar.timeZone)})`,
  );
};

const closeOfOffice = (calendar: WorkingCalendar, localDate: string): Date => {
  const lastEnd = calendar.officePeriods.at(-1)?.end ?? 24 * 60;
  return localTimeToInstant(localDate, lastEnd, calendar.timeZone);
};

const addWorkingHours = (start: Date, hours: number, calendar: WorkingCalendar): Date => {
  let remaining = Math.round(hours * MS_PER_HOUR);
  const startDate = localDateOf(start, calendar.timeZone);
  for (let offset = 0; offset <= MAX_SCAN_DAYS; offset++) {
    for (const interval of officeIntervals(calendar, addDays(startDate, offset))) {
      const from = Math.max(start.getTime(), interval.start);
      if (from >= interval.end) continue;
      const available = interval.end - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
    }
  }
  throw new RangeError(
    `${formatLocalDateTime(start, calendar.timeZone)}起${MAX_SCAN_DAYS}天内容不下${hours}个工作小时 ` +
      `(${hours} working hours do not fit within ${MAX_SCAN_DAYS} days of ${formatLocalDateTimeEn(start, calendar.timeZone)})`,
  );
};

/**
 * Working hours between two instants: the overlap of [a, b] with office periods of working days.
 * Negative when b is before a. Used for average handling time.
 */
export const workingTimeBetween = (a: Date, b: Date, calendar: WorkingCalendar): number => {
  if (b.getTime() < a.getTime()) return -workingTimeBetween(b, a, calendar);
  const lastDate = localDateOf(b, calendar.timeZone);
  let total = 0;
  for (let day = localDateOf(a, calendar.timeZone); day <= lastDate; day = addDays(day, 1)) {
    for (const interval of officeIntervals(calendar, day)) {
      total += Math.max(0, Math.min(b.getTime(), interval.end) - Math.max(a.getTime(), interval.start));
    }
  }
  return total / MS_PER_HOUR;
};

/** Overdue is derived, never stored: past the deadline at `now`. No deadline means never overdue. */
export const isOverdue = (deadline: Date | string | undefined, now: Date): boolean =>
  deadline !== undefined && now.getTime() > new Date(deadline).getTime();
