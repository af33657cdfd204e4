import {
  addDays,
  localDateOf,
  localTimeToInstant,
  minuteOfDay,
  wallClockOf,
} from '../calendar/local-date.ts';
import type { QuietHours } from './notification-types.ts';

/**
 * Quiet hours (免打扰): a daily local window in which a person's phone is not woken. Non-urgent
 * deliveries that fall in it wait until it ends; urgent ones (escalations) go at once. In-app
 * notifications are never held: the inbox is read when the person chooses to.
 */

const minuteOfInstant = (instant: Date, timeZone: string): number => {
  const wall = wallClockOf(instant.getTime(), timeZone);
  return wall.hour * 60 + wall.minute;
};

export const isQuiet = (quiet: QuietHours, instant: Date, timeZone: string): boolean => {
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  const now = minuteOfInstant(instant, timeZone);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
};

/** When a delivery planned at `instant` may go: at once, or when the quiet window ends. */
export const deliverableAt = (
  quiet: QuietHours | undefined,
  instant: Date,
  timeZone: string,
  urgent: boolean,
): Date => {
  if (urgent || quiet === undefined || !isQuiet(quiet, instant, timeZone)) return instant;
  const end = minuteOfDay(quiet.end);
  const today = localDateOf(instant, timeZone);
  // Still before the end today (the early-morning part of the window), else tomorrow's end.
  const endDate = minuteOfInstant(instant, timeZone) < end ? today : addDays(today, 1);
  return localTimeToInstant(endDate, end, timeZone);
};
