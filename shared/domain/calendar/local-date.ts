/**
 * Civil dates and wall-clock times in a named time zone, computed with Intl.DateTimeFormat only.
 * A local date is an ISO `YYYY-MM-DD` string; arithmetic on it is pure calendar arithmetic (no zone),
 * and only the conversion to and from instants looks at the zone, so DST zones work as well.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** Throws a RangeError for a zone the runtime does not know, so bad configuration fails at load. */
export const assertTimeZone = (timeZone: string): void => {
  formatterFor(timeZone);
};

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock read from the formatter: exact, and some 10 µs a call (formatToParts). */
const formattedWallClock = (instant: number, timeZone: string): WallClock => {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
};

const formattedOffset = (instant: number, timeZone: string): number => {
  const wall = formattedWallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
};

/**
 * The zone's offset per quarter hour, kept when the formatter gives the same offset at both ends of
 * it (NaN otherwise: a change of offset inside it, read from the formatter each time). Zones change
 * offset at whole minutes, and never twice in fifteen of them. The planners ask the same days and
 * hours over and over (an import: 31 noons a row; docs/imports.md, "Throughput"), and the formatter
 * was their largest cost.
 */
const QUARTER_HOUR = 900_000;
const MAX_CACHED_QUARTERS = 100_000;
const offsets = new Map<string, number>();

const quarterOffset = (instant: number, timeZone: string): number => {
  const quarter = Math.floor(instant / QUARTER_HOUR);
  const key = `${timeZone}\u0000${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR;
    const first = formattedOffset(start, timeZone);
    offset = first === formattedOffset(start + QUARTER_HOUR - 1, timeZone) ? first : Number.NaN;
    if (offsets.size >= MAX_CACHED_QUARTERS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
};

/** The wall-clock reading in the zone at an instant (epoch ms), milliseconds dropped. */
export const wallClockOf = (instant: number, timeZone: string): WallClock => {
  const offset = quarterOffset(instant, timeZone);
  if (Number.isNaN(offset)) return formattedWallClock(instant, timeZone);
  const wall = new Date(Math.floor(instant / 1000) * 1000 + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
};

/** Offset of the zone from UTC at an instant, in milliseconds (Asia/Shanghai: +8 h). */
export const zoneOffset = (instant: number, timeZone: string): number => {
  const offset = quarterOffset(instant, timeZone);
  return Number.isNaN(offset) ? formattedOffset(instant, timeZone) : offset;
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The local calendar date of an instant. A reading at 23:30 UTC is already the next day in Shanghai. */
export const localDateOf = (instant: Date, timeZone: string): string => {
  const wall = wallClockOf(instant.getTime(), timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
};

const parseLocalDate = (localDate: string): [number, number, number] => {
  const [year = 0, month = 1, day = 1] = localDate.split('-').map(Number);
  return [year, month, day];
};

/** The instant at which the wall clock in the zone shows `minuteOfDay` on `localDate`. */
export const localTimeToInstant = (localDate: string, minuteOfDay: number, timeZone: string): Date => {
  const [year, month, day] = parseLocalDate(localDate);
  const wallAsUtc = Date.UTC(year, month - 1, day) + minuteOfDay * MS_PER_MINUTE;
  // Two passes settle the offset even when the guess lands on the other side of a DST change.
  const firstGuess = wallAsUtc - zoneOffset(wallAsUtc, timeZone);
  return new Date(wallAsUtc - zoneOffset(firstGuess, timeZone));
};

export const addDays = (localDate: string, days: number): string => {
  const [year, month, day] = parseLocalDate(localDate);
  return new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY).toISOString().slice(0, 10);
};

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export const dayOfWeek = (localDate: string): number => {
  const [year, month, day] = parseLocalDate(localDate);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
};

export const yearOf = (localDate: string): number => parseLocalDate(localDate)[0];

/** `'08:30'` → 510. */
export const minuteOfDay = (clockTime: string): number => {
  const [hours = 0, minutes = 0] = clockTime.split(':').map(Number);
  return hours * 60 + minutes;
};
