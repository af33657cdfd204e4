import { wallClockOf } from './local-date.ts';

/**
 * Times inside messages, alerts and timeline notes as a person reads them: the local wall clock in
 * Chinese date words with the zone named, `2026年12月18日 18:00（北京时间）`, never a UTC ISO string.
 * Stored fields stay UTC ISO-8601 (docs/architecture.md, Principles); only the words people read are localised.
 */

/** Zone ids that are China Standard Time under another name (tz aliases of Asia/Shanghai). */
const BEIJING_TIME_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'PRC']);

const zoneLabel = (timeZone: string): string =>
  BEIJING_TIME_ZONES.has(timeZone) ? '北京时间' : `${timeZone} 时间`;

const pad = (value: number): string => String(value).padStart(2, '0');

/** `2027-01-05` → `2027年1月5日`. */
export const formatLocalDate = (localDate: string): string => {
  const [year = 0, month = 1, day = 1] = localDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

/** An instant (Date or ISO string) → `2026年12月18日 18:00（北京时间）` in the given zone. */
export const formatLocalDateTime = (instant: Date | string, timeZone: string): string => {
  const wall = wallClockOf(new Date(instant).getTime(), timeZone);
  return `${wall.year}年${wall.month}月${wall.day}日 ${pad(wall.hour)}:${pad(wall.minute)}（${zoneLabel(timeZone)}）`;
};
