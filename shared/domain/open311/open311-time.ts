import { wallClockOf, zoneOffset } from '../calendar/local-date.ts';

const pad = (value: number, width = 2): string => String(Math.abs(value)).padStart(width, '0');

/**
 * An instant as the w3 date-time GeoReport v2 asks for, in the deployment's local time with its
 * offset: `2026-12-18T18:00:00+08:00` (the same instant as `2026-12-18T10:00:00Z`). Seconds only.
 */
export const localDateTime = (iso: string, timeZone: string): string => {
  const instant = Date.parse(iso);
  const wall = wallClockOf(instant, timeZone);
  const offsetMinutes = Math.round(zoneOffset(instant, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  return `${date}T${time}${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
};
