/**
 * Parser for the six fields of an EventBridge cron() expression:
 * minutes hours day-of-month month day-of-week year.
 * Field ranges and allowed wildcards follow the "Cron expressions reference" table of the Amazon
 * EventBridge User Guide (the syntax EventBridge Scheduler shares); L, W and # follow the Quartz
 * CronExpression rules that table is modelled on (each must be the whole of its field).
 */
import { ScheduleExpressionError } from './schedule-expression-error.ts';

/** Which days of a month fire; exactly one of day-of-month / day-of-week decides it. */
export type DayRule =
  | { kind: 'daysOfMonth'; days: readonly number[] }
  /** `L` in day-of-month. */
  | { kind: 'lastDayOfMonth' }
  /** `15W`: the Monday-to-Friday day nearest the 15th, without leaving the month. */
  | { kind: 'nearestWeekday'; day: number }
  /** `LW`: the last Monday-to-Friday day of the month. */
  | { kind: 'lastWeekdayOfMonth' }
  /** Day-of-week numbers, 1 = SUN … 7 = SAT. */
  | { kind: 'daysOfWeek'; days: readonly number[] }
  /** `6L`: the last Friday of the month. */
  | { kind: 'lastDayOfWeekInMonth'; dayOfWeek: number }
  /** `2#3`: the third Monday of the month. */
  | { kind: 'nthDayOfWeekInMonth'; dayOfWeek: number; nth: number };

export interface CronFields {
  /** Each list is sorted ascending and free of duplicates. */
  minutes: readonly number[];
  hours: readonly number[];
  day: DayRule;
  /** 1-12. */
  months: readonly number[];
  years: readonly number[];
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  allowsStep: boolean;
}

const MINUTES: FieldSpec = { name: 'minutes', min: 0, max: 59, allowsStep: true };
const HOURS: FieldSpec = { name: 'hours', min: 0, max: 23, allowsStep: true };
const DAY_OF_MONTH: FieldSpec = { name: 'day-of-month', min: 1, max: 31, allowsStep: true };
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTH: FieldSpec = { name: 'month', min: 1, max: 12, names: MONTH_NAMES, allowsStep: true };
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
// The EventBridge table lists no '/' for day-of-week.
const DAY_OF_WEEK: FieldSpec = { name: 'day-of-week', min: 1, max: 7, names: DAY_NAMES, allowsStep: false };
const YEAR: FieldSpec = { name: 'year', min: 1970, max: 2199, allowsStep: true };

function fail(message: string): never {
  throw new ScheduleExpressionError(message);
}

function parseValue(token: string, spec: FieldSpec): number {
  const nameIndex = spec.names?.indexOf(token) ?? -1;
  if (nameIndex >= 0) return spec.min + nameIndex;
  if (!/^\d+$/.test(token)) fail(`${spec.name} has an invalid value '${token}'`);
  const value = Number(token);
  if (value < spec.min || value > spec.max) {
    fail(`${spec.name} value '${token}' is out of range ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseStep(token: string, spec: FieldSpec): number {
  if (!spec.allowsStep) fail(`${spec.name} does not allow '/'`);
  const step = Number(token);
  if (!/^\d+$/.test(token) || step < 1 || step > spec.max) {
    fail(`${spec.name} has an invalid increment '/${token}'`);
  }
  return step;
}

/** `[first, last]` of one list item's base: `*`, `a`, or `a-b`; a bare `a` with a step runs to max. */
function parseBounds(base: string, hasStep: boolean, spec: FieldSpec): [number, number] {
  if (base === '*') return [spec.min, spec.max];
  const [from, to, ...rest] = base.split('-');
  if (rest.length > 0 || from === undefined) fail(`${spec.name} has an invalid range '${base}'`);
  const first = parseValue(from, spec);
  if (to === undefined) return [first, hasStep ? spec.max : first];
  const last = parseValue(to, spec);
  if (last < first) fail(`${spec.name} range '${base}' runs backwards`);
  return [first, last];
}

function addListItem(item: string, spec: FieldSpec, values: Set<number>): void {
  if (item === '?') fail(`${spec.name} cannot be '?': only day-of-month or day-of-week can`);
  const [base = '', stepToken, ...rest] = item.split('/');
  if (rest.length > 0) fail(`${spec.name} has an invalid increment in '${item}'`);
  const step = stepToken === undefined ? 1 : parseStep(stepToken, spec);
  const [first, last] = parseBounds(base, stepToken !== undefined, spec);
  for (let value = first; value <= last; value += step) values.add(value);
}

/** A field of `,`-separated items, each `*`, `a`, `a-b`, optionally followed by `/step`. */
function parseList(text: string, spec: FieldSpec): number[] {
  const values = new Set<number>();
  for (const item of text.split(',')) addListItem(item, spec, values);
  return [...values].sort((a, b) => a - b);
}

function parseDayOfMonth(text: string): DayRule {
  if (text === 'L') return { kind: 'lastDayOfMonth' };
  if (text === 'LW') return { kind: 'lastWeekdayOfMonth' };
  const nearest = /^(\d+)W$/.exec(text);
  if (nearest?.[1]) return { kind: 'nearestWeekday', day: parseValue(nearest[1], DAY_OF_MONTH) };
  if (/[LW]/.test(text)) fail(`day-of-month '${text}': use 'L', 'LW' or a single day such as '15W'`);
  return { kind: 'daysOfMonth', days: parseList(text, DAY_OF_MONTH) };
}

function parseDayOfWeek(text: string): DayRule {
  // 'L' alone is the last day of the week, Saturday, as in Quartz.
  if (text === 'L') return { kind: 'daysOfWeek', days: [7] };
  const last = /^([A-Z0-9]+)L$/.exec(text);
  if (last?.[1]) return { kind: 'lastDayOfWeekInMonth', dayOfWeek: parseValue(last[1], DAY_OF_WEEK) };
  const nth = /^([A-Z0-9]+)#(\d+)$/.exec(text);
  if (nth?.[1] && nth[2]) {
    const occurrence = Number(nth[2]);
    if (occurrence < 1 || occurrence > 5) fail(`day-of-week '${text}': the occurrence after '#' must be 1-5`);
    return { kind: 'nthDayOfWeekInMonth', dayOfWeek: parseValue(nth[1], DAY_OF_WEEK), nth: occurrence };
  }
  if (/[L#]/.test(text)) fail(`day-of-week '${text}': use 'L', a single '6L' or a single '2#3'`);
  return { kind: 'daysOfWeek', days: parseList(text, DAY_OF_WEEK) };
}

function parseDayRule(dayOfMonth: string, dayOfWeek: string): DayRule {
  const domAny = dayOfMonth === '?';
  const dowAny = dayOfWeek === '?';
  if (domAny && dowAny) fail("day-of-month and day-of-week cannot both be '?'");
  if (!domAny && !dowAny) {
    fail(`day-of-month '${dayOfMonth}' and day-of-week '${dayOfWeek}' are both set: one of them must be '?'`);
  }
  return domAny ? parseDayOfWeek(dayOfWeek) : parseDayOfMonth(dayOfMonth);
}

/** Parses the text between `cron(` and `)`. Names (JAN, MON …) are accepted in any case. */
export function parseCronFields(body: string): CronFields {
  const fields = body.trim().toUpperCase().split(/\s+/);
  if (fields.length !== 6) {
    fail(`cron() needs 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`);
  }
  const [minutes = '', hours = '', dayOfMonth = '', month = '', dayOfWeek = '', year = ''] = fields;
  return {
    minutes: parseList(minutes, MINUTES),
    hours: parseList(hours, HOURS),
    day: parseDayRule(dayOfMonth, dayOfWeek),
    months: parseList(month, MONTH),
    years: parseList(year, YEAR),
  };
}
