/**
 * EventBridge cron(): minutes hours day-of-month month day-of-week year, evaluated with `croner`.
 *
 * Why croner and not cron-parser: cron-parser (5.10) has no year field and no `W` (`15W`, `LW`),
 * both of which EventBridge accepts. croner reads Quartz's 7-part form with Sunday = 1 (as EventBridge
 * does) and does the calendar work for `L`, `W`, `LW`, `6L` and `2#3`; this module adds only the
 * rules where EventBridge is stricter than croner (the "Cron expressions reference" of the Amazon
 * EventBridge User Guide) — exactly one of day-of-month / day-of-week is `?`, no `/` in
 * day-of-week, days of week 1-7, years 1970-2199, `L` and `#` alone in their field — and AWS's
 * daylight-saving rules, which croner does not share (it runs a gap's fixed times after the gap
 * and repeats hourly jobs in an overlap): the search runs on wall-clock time and
 * schedule-expression.ts turns each candidate into an instant with AWS's rules. Syntax and range
 * errors are croner's own messages behind the expression (they name the field; the day and month
 * values in them count from 0).
 */
import { Cron } from 'croner';
import { ScheduleExpressionError } from './schedule-expression-error.ts';
import type { WallTime } from './wall-clock.ts';

function fail(message: string): never {
  throw new ScheduleExpressionError(message);
}

function checkDayFields(dayOfMonth: string, dayOfWeek: string): void {
  const domAny = dayOfMonth === '?';
  const dowAny = dayOfWeek === '?';
  if (domAny && dowAny) fail("day-of-month and day-of-week cannot both be '?'");
  if (!domAny && !dowAny) {
    fail(`day-of-month '${dayOfMonth}' and day-of-week '${dayOfWeek}' are both set: one of them must be '?'`);
  }
  if (dayOfWeek.includes('/')) fail("day-of-week does not allow '/'");
  if (/[L#]/.test(dayOfWeek) && dayOfWeek.includes(',')) {
    fail(`day-of-week '${dayOfWeek}': use 'L', a single '6L' or a single '2#3'`);
  }
  // The number after '#' is the occurrence, which croner checks (1-5).
  for (const value of dayOfWeek.replace(/#\d+/g, '').match(/\d+/g) ?? []) {
    if (Number(value) < 1 || Number(value) > 7) fail(`day-of-week value '${value}' is out of range 1-7`);
  }
}

function checkYears(year: string): void {
  // A step ('2024/2') is not a year.
  for (const value of year.replace(/\/\d+/g, '').match(/\d+/g) ?? []) {
    if (Number(value) < 1970 || Number(value) > 2199) fail(`year value '${value}' is out of range 1970-2199`);
  }
}

/** Parses the text between `cron(` and `)`. Names (JAN, MON …) are accepted in any case. */
export function parseEventBridgeCron(body: string): Cron {
  const fields = body.trim().toUpperCase().split(/\s+/);
  if (fields.length !== 6) {
    fail(`cron() needs 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`);
  }
  const [minutes = '', hours = '', dayOfMonth = '', month = '', dayOfWeek = '', year = ''] = fields;
  const named = { minutes, hours, month, year };
  for (const [name, field] of Object.entries(named)) {
    if (field === '?') fail(`${name} cannot be '?': only day-of-month or day-of-week can`);
  }
  checkDayFields(dayOfMonth, dayOfWeek);
  checkYears(year);
  // '?' becomes '*' and days combine with AND: the other day field alone decides, as in EventBridge.
  // A lone 'L' in day-of-week is Saturday (Quartz), which croner does not read.
  const weekdays = dayOfWeek === 'L' ? '7' : dayOfWeek;
  const pattern = ['0', minutes, hours, dayOfMonth, month, weekdays, year]
    .map((field) => (field === '?' ? '*' : field))
    .join(' ');
  try {
    return new Cron(pattern, {
      mode: '7-part',
      alternativeWeekdays: true,
      sloppyRanges: true,
      domAndDow: true,
      timezone: 'UTC',
      paused: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
}

const toDate = (wall: WallTime): Date =>
  new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));

const toWall = (date: Date): WallTime => ({
  year: date.getUTCFullYear(),
  month: date.getUTCMonth() + 1,
  day: date.getUTCDate(),
  hour: date.getUTCHours(),
  minute: date.getUTCMinutes(),
  second: 0,
});

/**
 * The first matching wall time at or after `from` (seconds ignored) that `accept` takes, or
 * undefined once the cron's years are over. Wall times are handed to croner as if they were UTC, so
 * no zone rule of croner's applies; `accept` turns down wall times that do not exist in the zone,
 * or that lie before the instant the caller searches from.
 */
export function findNextWallTime(
  cron: Cron,
  from: WallTime,
  accept: (candidate: WallTime) => boolean,
): WallTime | undefined {
  let previous = new Date(toDate(from).getTime() - 1);
  for (;;) {
    const next = cron.nextRun(previous);
    if (next === null) return undefined;
    const candidate = toWall(next);
    if (accept(candidate)) return candidate;
    previous = next;
  }
}
