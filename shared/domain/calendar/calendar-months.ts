/**
 * Calendar-month arithmetic on local dates (ISO `YYYY-MM-DD`, already read in the deployment zone;
 * see `localDateOf`). Periods counted in months ("reply within 3 months of assignment") end on the
 * corresponding day of the final month; when that month has no such day, on its last day:
 * 《中华人民共和国民法典》 art. 202 (按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
 * 月末日为期间的最后一日). So 2026-01-31 + 1 month = 2026-02-28, and 2028-01-31 + 1 month = 2028-02-29.
 */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Days in a month (1–12) of a proleptic Gregorian year. */
export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

const parse = (localDate: string): { year: number; month: number; day: number } => {
  const match = LOCAL_DATE.exec(localDate);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`invalid local date ${localDate}`);
  }
  return { year, month, day };
};

/**
 * The local date `months` calendar months after `localDate` (before it when negative), clamped to the
 * end of the target month. Clamping does not carry over: Jan 31 + 1 month + 1 month is Mar 28, while
 * Jan 31 + 2 months is Mar 31, so always count from the original start date.
 */
export const addCalendarMonths = (localDate: string, months: number): string => {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  const { year, month, day } = parse(localDate);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999)
    throw new RangeError(`${localDate} + ${months} months is out of range`);
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(targetDay)}`;
};
