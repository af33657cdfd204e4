import { addDays } from '../../calendar/local-date.ts';
import { periodUtcRange } from '../rollups/period-range.ts';
import { localPeriodsOf } from '../rollups/rollup-model.ts';

/**
 * Hour-label arithmetic for the anomaly scan. Labels are local wall-clock hours (`2026-11-28T14`);
 * stepping goes through UTC instants so a zone with daylight saving still steps one real hour.
 */

const HOUR_MS = 3_600_000;

/** The last local hour that has fully ended before the fire time (fired 14:10 → `…T13`). */
export const lastCompleteHourBefore = (fireTime: Date, timeZone: string): string =>
  localPeriodsOf(new Date(fireTime.getTime() - HOUR_MS), timeZone).hour;

/** The `count` hours ending with `hour`, oldest first (the flat-line window). */
export const hoursEndingWith = (hour: string, count: number, timeZone: string): string[] => {
  const start = periodUtcRange(hour, timeZone).start.getTime();
  return Array.from(
    { length: count },
    (_, index) => localPeriodsOf(new Date(start - (count - 1 - index) * HOUR_MS), timeZone).hour,
  );
};

/** The same wall-clock hour on the same weekday in each of the previous `weeks` weeks, nearest first. */
export const sameHourInEarlierWeeks = (hour: string, weeks: number): string[] =>
  Array.from(
    { length: weeks },
    (_, index) => `${addDays(hour.slice(0, 10), -7 * (index + 1))}${hour.slice(10)}`,
  );

export interface MonthProgress {
  month: string;
  /** Hours from the month's start to the end of the judged hour. */
  elapsedHours: number;
  hoursInMonth: number;
}

/** How far into its month the judged hour is, in real hours. */
export const monthProgressAt = (hour: string, timeZone: string): MonthProgress => {
  const month = hour.slice(0, 7);
  const range = periodUtcRange(month, timeZone);
  const hourEnd = periodUtcRange(hour, timeZone).end.getTime();
  return {
    month,
    elapsedHours: (hourEnd - range.start.getTime()) / HOUR_MS,
    hoursInMonth: (range.end.getTime() - range.start.getTime()) / HOUR_MS,
  };
};
