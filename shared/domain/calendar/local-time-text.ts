import { wallClockOf } from './local-date.ts';

/**
 * Instants and local dates as people read them in messages, alerts and reports. Stored instants are
 * UTC ISO-8601 (`2026-12-18T10:00:00.000Z`); a person in the deployment's zone should read
 * `2026年12月18日 18:00`, the wall-clock time of their office. The English beside it keeps the same
 * wall-clock reading and names the zone, since it may be read far from it.
 */

const pad = (value: number): string => String(value).padStart(2, '0');

const toInstant = (instant: Date | string): number =>
  typeof instant === 'string' ? Date.parse(instant) : instant.getTime();

/** `2026-12-18T10:00:00.000Z`, Asia/Shanghai → `2026年12月18日 18:00`. */
export const formatLocalDateTime = (instant: Date | string, timeZone: string): string => {
  const wall = wallClockOf(toInstant(instant), timeZone);
  return `${wall.year}年${wall.month}月${wall.day}日 ${pad(wall.hour)}:${pad(wall.minute)}`;
};

/** `2026-12-18T10:00:00.000Z`, Asia/Shanghai → `2026-12-18 18:00 (Asia/Shanghai)`. */
export const formatLocalDateTimeEn = (instant: Date | string, timeZone: string): string => {
  const wall = wallClockOf(toInstant(instant), timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)} (${timeZone})`;
};

/** A local date (`2026-03-05`, already in the deployment's zone) → `2026年3月5日`. */
export const formatLocalDate = (localDate: string): string => {
  const [year, month, day] = localDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};
