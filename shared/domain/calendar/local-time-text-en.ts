import { wallClockOf } from './local-date.ts';

/**
 * The English beside a Chinese message (local-time-text.ts has the Chinese): the same wall-clock
 * reading, with the zone named since the reader may be far from it. Stored instants stay UTC.
 */

const pad = (value: number): string => String(value).padStart(2, '0');

/** `2026-12-18T10:00:00.000Z`, Asia/Shanghai → `2026-12-18 18:00 (Asia/Shanghai)`. */
export const formatLocalDateTimeEn = (instant: Date | string, timeZone: string): string => {
  const wall = wallClockOf(new Date(instant).getTime(), timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)} (${timeZone})`;
};
