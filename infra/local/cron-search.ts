/**
 * Finds the next wall-clock minute a parsed cron() matches. The search walks the allowed values of
 * each field in order — years, months, the days a month actually offers, hours, minutes — so a
 * field that fails skips its whole span at once instead of testing minute after minute.
 */
import type { CronFields, DayRule } from './cron-fields.ts';
import type { WallTime } from './wall-clock.ts';

const SUNDAY = 1;
const SATURDAY = 7;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 1 = SUN … 7 = SAT, the cron numbering. */
function dayOfWeek(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

/** The Monday-to-Friday day nearest `day` that stays inside the month (Quartz `W` rule). */
function nearestWeekday(year: number, month: number, day: number): number {
  const lastDay = daysInMonth(year, month);
  const weekday = dayOfWeek(year, month, day);
  if (weekday === SATURDAY) return day === 1 ? 3 : day - 1;
  if (weekday === SUNDAY) return day === lastDay ? day - 2 : day + 1;
  return day;
}

function daysMatchingWeekdays(year: number, month: number, weekdays: readonly number[]): number[] {
  const days: number[] = [];
  for (let day = 1; day <= daysInMonth(year, month); day++) {
    if (weekdays.includes(dayOfWeek(year, month, day))) days.push(day);
  }
  return days;
}

function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): number[] {
  const first = 1 + ((weekday - dayOfWeek(year, month, 1) + 7) % 7);
  const day = first + 7 * (nth - 1);
  return day <= daysInMonth(year, month) ? [day] : [];
}

function lastWeekdayOfMonth(year: number, month: number, weekday: number): number {
  const lastDay = daysInMonth(year, month);
  return lastDay - ((dayOfWeek(year, month, lastDay) - weekday + 7) % 7);
}

/** The days of `month` (1-12) that `rule` selects, ascending. */
export function matchingDaysInMonth(rule: DayRule, year: number, month: number): number[] {
  const lastDay = daysInMonth(year, month);
  switch (rule.kind) {
    case 'daysOfMonth':
      return rule.days.filter((day) => day <= lastDay);
    case 'lastDayOfMonth':
      return [lastDay];
    case 'nearestWeekday':
      // A month without that day (31W in April) is skipped, as a plain 31 would be.
      return rule.day <= lastDay ? [nearestWeekday(year, month, rule.day)] : [];
    case 'lastWeekdayOfMonth':
      return [nearestWeekday(year, month, lastDay)];
    case 'daysOfWeek':
      return daysMatchingWeekdays(year, month, rule.days);
    case 'lastDayOfWeekInMonth':
      return [lastWeekdayOfMonth(year, month, rule.dayOfWeek)];
    case 'nthDayOfWeekInMonth':
      return nthWeekdayOfMonth(year, month, rule.dayOfWeek, rule.nth);
  }
}

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** Matching (year, month) pairs from `from`'s month on, ascending. */
function* matchingMonths(fields: CronFields, from: WallTime): Generator<{ year: number; month: number }> {
  for (const year of fields.years) {
    if (year < from.year) continue;
    for (const month of fields.months) {
      if (year > from.year || month >= from.month) yield { year, month };
    }
  }
}

/** Matching dates on or after `from`'s date, ascending; ends when the year field runs out. */
function* matchingDates(fields: CronFields, from: WallTime): Generator<CalendarDay> {
  for (const { year, month } of matchingMonths(fields, from)) {
    const onFromMonth = year === from.year && month === from.month;
    for (const day of matchingDaysInMonth(fields.day, year, month)) {
      if (!onFromMonth || day >= from.day) yield { year, month, day };
    }
  }
}

/** Matching times on `date`, ascending; on `from`'s own date only those at or after its minute. */
function* matchingTimes(fields: CronFields, date: CalendarDay, from: WallTime): Generator<WallTime> {
  const onFromDate = date.year === from.year && date.month === from.month && date.day === from.day;
  for (const hour of fields.hours) {
    if (onFromDate && hour < from.hour) continue;
    const onFromHour = onFromDate && hour === from.hour;
    for (const minute of fields.minutes) {
      if (!onFromHour || minute >= from.minute) yield { ...date, hour, minute, second: 0 };
    }
  }
}

/**
 * The first matching wall time at or after `from` (seconds ignored) that `accept` takes, or
 * undefined once the cron's years are over. `accept` lets the caller turn down wall times that do
 * not exist in the zone, or that lie before the instant it searches from.
 */
export function findNextWallTime(
  fields: CronFields,
  from: WallTime,
  accept: (candidate: WallTime) => boolean,
): WallTime | undefined {
  for (const date of matchingDates(fields, from)) {
    for (const time of matchingTimes(fields, date, from)) {
      if (accept(time)) return time;
    }
  }
  return undefined;
}
