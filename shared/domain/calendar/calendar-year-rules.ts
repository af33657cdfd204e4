import { addDays, dayOfWeek } from './local-date.ts';

/**
 * The rules of a calendar year that relate fields to each other (calendar-year.ts has the shapes).
 * They run even when some fields are malformed, and look only at the parts that are well-formed, so
 * one answer names every failing field.
 */

type Path = (string | number)[];
interface Ctx {
  addIssue(issue: { code: 'custom'; message: string; path: Path }): void;
}

/** A holiday range may span at most this many days (the longest so far: 8–9 days at Spring Festival). */
export const MAX_HOLIDAY_DAYS = 14;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DATE.test(value) && addDays(value, 0) === value;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

interface Range {
  index: number;
  from: string;
  to: string;
  label: string;
}

const daysInclusive = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

const labelOf = (holiday: Record<string, unknown>, index: number): string => {
  const name = isRecord(holiday.name) && typeof holiday.name.zh === 'string' ? holiday.name.zh : '';
  return `第 ${index + 1} 个假期${name ? `「${name}」` : ''}`;
};

/** The well-formed range of one holiday, or undefined after reporting what is wrong with it. */
const holidayRange = (holiday: unknown, index: number, year: number, ctx: Ctx): Range | undefined => {
  if (!isRecord(holiday)) return undefined;
  const { from, to } = holiday;
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (isDate(value) && Number(value.slice(0, 4)) !== year) {
      ctx.addIssue({
        code: 'custom',
        path: ['holidays', index, field],
        message: `须在 ${year} 年内 (must lie in ${year})`,
      });
    }
  }
  if (!isDate(from) || !isDate(to)) return undefined;
  const path = ['holidays', index, 'to'];
  if (from > to) {
    ctx.addIssue({ code: 'custom', path, message: '结束日期早于开始日期 (to is before from)' });
    return undefined;
  }
  if (daysInclusive(from, to) > MAX_HOLIDAY_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `一个假期最长 ${MAX_HOLIDAY_DAYS} 天，请核对日期 (a holiday spans at most ${MAX_HOLIDAY_DAYS} days)`,
    });
  }
  return { index, from, to, label: labelOf(holiday, index) };
};

const holidayRanges = (holidays: unknown, year: number, ctx: Ctx): Range[] =>
  Array.isArray(holidays)
    ? holidays.flatMap((holiday, index) => holidayRange(holiday, index, year, ctx) ?? [])
    : [];

const checkOverlaps = (ranges: Range[], ctx: Ctx): void => {
  for (const [i, range] of ranges.entries()) {
    const clash = ranges.slice(0, i).find((other) => range.from <= other.to && other.from <= range.to);
    if (clash) {
      ctx.addIssue({
        code: 'custom',
        path: ['holidays', range.index],
        message: `与${clash.label}日期重叠 (overlaps holiday ${clash.index + 1})`,
      });
    }
  }
};

const checkNewYear = (ranges: Range[], year: number, ctx: Ctx): void => {
  const newYear = `${year}-01-01`;
  if (!ranges.some((range) => range.from <= newYear && newYear <= range.to)) {
    ctx.addIssue({
      code: 'custom',
      path: ['holidays'],
      message: `须包含元旦（${year}年1月1日），它每年都是法定假日 (New Year's Day must be a holiday)`,
    });
  }
};

const checkMakeUpDays = (days: unknown, ranges: Range[], year: number, ctx: Ctx): void => {
  if (!Array.isArray(days)) return;
  const seen = new Set<string>();
  days.forEach((day, index) => {
    if (!isDate(day)) return;
    const path = ['makeUpWorkdays', index];
    if (Number(day.slice(0, 4)) !== year) {
      ctx.addIssue({ code: 'custom', path, message: `须在 ${year} 年内 (must lie in ${year})` });
    }
    if (![0, 6].includes(dayOfWeek(day))) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `${day} 不是周六或周日，调休上班日只能是周末 (a make-up workday falls on a weekend)`,
      });
    }
    const holiday = ranges.find((range) => range.from <= day && day <= range.to);
    if (holiday) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `${day} 在${holiday.label}之内，不能既放假又上班 (inside a holiday)`,
      });
    }
    if (seen.has(day)) ctx.addIssue({ code: 'custom', path, message: `${day} 重复 (listed twice)` });
    seen.add(day);
  });
};

const checkSource = (source: unknown, year: number, ctx: Ctx): void => {
  if (!isRecord(source)) return;
  if (typeof source.title === 'string' && !source.title.includes(`${year}年`)) {
    ctx.addIssue({
      code: 'custom',
      path: ['source', 'title'],
      message: `通知标题须含「${year}年」，请确认载入的是该年度的通知 (the title must name ${year})`,
    });
  }
  const published = source.publishedOn;
  if (isDate(published) && (published > `${year}-12-31` || published < `${year - 2}-01-01`)) {
    ctx.addIssue({
      code: 'custom',
      path: ['source', 'publishedOn'],
      message: `发布日期须在 ${year - 2}–${year} 年之间 (must be within ${year - 2}–${year})`,
    });
  }
};

/** Adds an issue, with its field path, for each broken rule. */
export const checkCalendarYear = (value: unknown, ctx: Ctx): void => {
  if (!isRecord(value) || typeof value.year !== 'number' || !Number.isInteger(value.year)) return;
  const { year } = value;
  const ranges = holidayRanges(value.holidays, year, ctx);
  checkOverlaps(ranges, ctx);
  // Only when every holiday is well-formed, or a malformed New Year's range would be reported twice.
  if (Array.isArray(value.holidays) && value.holidays.length > 0 && ranges.length === value.holidays.length) {
    checkNewYear(ranges, year, ctx);
  }
  checkMakeUpDays(value.makeUpWorkdays, ranges, year, ctx);
  checkSource(value.source, year, ctx);
};
