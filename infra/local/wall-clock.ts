/**
 * Conversion between UTC instants and wall-clock time in an IANA time zone, using only
 * `Intl.DateTimeFormat` (the runtime's tz database), so schedules can be evaluated the way
 * EventBridge Scheduler evaluates them with ScheduleExpressionTimezone.
 */
import { ScheduleExpressionError } from './schedule-expression-error.ts';

/** A local date-time; month is 1-12, no seconds beyond what at() needs. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MS_PER_DAY = 86_400_000;

// Building a DateTimeFormat is costly; the scheduler asks about the same few zones over and over.
const formatters = new Map<string, Intl.DateTimeFormat>();

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new ScheduleExpressionError(`unknown time zone '${timeZone}'`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Throws ScheduleExpressionError unless the runtime knows the zone. */
export function assertTimeZone(timeZone: string): void {
  getFormatter(timeZone);
}

/** The wall-clock reading in `timeZone` at `instant` (milliseconds dropped). */
export function toWallTime(instant: Date, timeZone: string): WallTime {
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of getFormatter(timeZone).formatToParts(instant)) {
    if (part.type in wall) wall[part.type as keyof WallTime] = Number(part.value);
  }
  return wall;
}

/** The wall time read as if it were UTC, in epoch milliseconds: the basis of offset arithmetic. */
export function wallTimeAsUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** Zone offset (local minus UTC) in milliseconds at `instantMs`. */
function offsetAt(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallTimeAsUtcMs(toWallTime(new Date(wholeSecond), timeZone)) - wholeSecond;
}

function sameWallTime(a: WallTime, b: WallTime): boolean {
  return wallTimeAsUtcMs(a) === wallTimeAsUtcMs(b);
}

/**
 * Every instant whose wall-clock reading in `timeZone` is `wall`, earliest first: none inside a
 * spring-forward gap, two inside a fall-back overlap, one otherwise. The offsets a day either side
 * bracket any single transition (zones never move twice within two days in the years we accept).
 */
export function instantsOfWallTime(wall: WallTime, timeZone: string): Date[] {
  const asUtc = wallTimeAsUtcMs(wall);
  const offsets = new Set([offsetAt(asUtc - MS_PER_DAY, timeZone), offsetAt(asUtc + MS_PER_DAY, timeZone)]);
  return [...offsets]
    .map((offset) => new Date(asUtc - offset))
    .filter((instant) => sameWallTime(toWallTime(instant, timeZone), wall))
    .sort((a, b) => a.getTime() - b.getTime());
}

/**
 * The instant a one-time wall time refers to. Ambiguous: the first occurrence. Non-existent (a
 * spring-forward gap): read it with the offset in force before the gap, which lands as far past the
 * gap as the time was into it (02:30 in a 02:00→03:00 gap becomes 03:30), so the event still happens.
 */
export function resolveWallTime(wall: WallTime, timeZone: string): Date {
  const [first] = instantsOfWallTime(wall, timeZone);
  if (first) return first;
  const asUtc = wallTimeAsUtcMs(wall);
  return new Date(asUtc - offsetAt(asUtc - MS_PER_DAY, timeZone));
}
