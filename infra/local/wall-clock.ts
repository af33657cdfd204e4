/**
 * Conversion between UTC instants and wall-clock time in an IANA time zone, using only
 * `Intl.DateTimeFormat` (the runtime's tz database), so schedules can be evaluated the way
 * EventBridge Scheduler evaluates them with ScheduleExpressionTimezone.
 */
import {
  assertTimeZone as assertKnownZone,
  type WallClock,
  wallClockOf,
  zoneOffset,
} from '../../shared/domain/calendar/local-date.ts';
import { ScheduleExpressionError } from './schedule-expression-error.ts';

/** A local date-time; month is 1-12, no seconds beyond what at() needs. */
export type WallTime = WallClock;

const MS_PER_DAY = 86_400_000;

/** Throws ScheduleExpressionError unless the runtime knows the zone. */
export function assertTimeZone(timeZone: string): void {
  try {
    assertKnownZone(timeZone);
  } catch {
    throw new ScheduleExpressionError(`unknown time zone '${timeZone}'`);
  }
}

/** The wall-clock reading in `timeZone` at `instant` (milliseconds dropped). */
export function toWallTime(instant: Date, timeZone: string): WallTime {
  assertTimeZone(timeZone);
  return wallClockOf(instant.getTime(), timeZone);
}

/** The wall time read as if it were UTC, in epoch milliseconds: the basis of offset arithmetic. */
export function wallTimeAsUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
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
  const offsets = new Set([
    zoneOffset(asUtc - MS_PER_DAY, timeZone),
    zoneOffset(asUtc + MS_PER_DAY, timeZone),
  ]);
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
  return new Date(asUtc - zoneOffset(asUtc - MS_PER_DAY, timeZone));
}
