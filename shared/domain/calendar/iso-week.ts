import { addDays, dayOfWeek } from './local-date.ts';

/**
 * ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday), the weeks Chinese
 * offices report by. Labels are `2026-W48`.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** The Monday of the week a local date lies in. */
export const mondayOf = (localDate: string): string => addDays(localDate, -((dayOfWeek(localDate) + 6) % 7));

export const isoWeekOf = (localDate: string): string => {
  const thursday = addDays(mondayOf(localDate), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(mondayOf(`${year}-01-04`), 3);
  const week = 1 + Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000));
  return `${year}-W${pad(week)}`;
};

/** The local dates [Monday, next Monday) of an ISO week label. */
export const isoWeekRange = (label: string): { first: string; next: string } => {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) throw new RangeError(`not an ISO week: ${label}`);
  const first = addDays(mondayOf(`${match[1]}-01-04`), (Number(match[2]) - 1) * 7);
  return { first, next: addDays(first, 7) };
};
