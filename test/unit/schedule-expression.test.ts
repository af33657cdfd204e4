import { describe, expect, it } from 'vitest';
import {
  nextFireTime,
  parseScheduleExpression,
  ScheduleExpressionError,
} from '../../infra/local/schedule-expression.ts';

// Calendar facts the expectations below rest on (checked by hand from 2024-01-01 being a Monday):
// 2024-05-01 Wed, 05-03 Fri, 05-06 Mon; 2024-06-01 Sat (so 06-15 Sat, 06-30 Sun);
// 2024-07-15 Mon; 2024-09-01 Sun (so 09-15 Sun). 2024 is a leap year, 2023 is not.
// America/New_York: 2024-03-10 02:00 EST jumps to 03:00 EDT (UTC-5 → UTC-4);
// 2024-11-03 02:00 EDT falls back to 01:00 EST, so 01:00-01:59 happens twice.

const at = (iso: string): Date => new Date(iso);

function fireAfter(expression: string, after: string, timeZone?: string): string | undefined {
  return nextFireTime(parseScheduleExpression(expression), at(after), { timeZone })?.toISOString();
}

function errorOf(expression: string): ScheduleExpressionError {
  try {
    parseScheduleExpression(expression);
  } catch (error) {
    if (error instanceof ScheduleExpressionError) return error;
    throw error;
  }
  throw new Error(`${expression} was accepted`);
}

describe('rate()', () => {
  it.each([
    ['rate(1 minute)', 'minute', 60_000],
    ['rate(5 minutes)', 'minute', 300_000],
    ['rate(1 hour)', 'hour', 3_600_000],
    ['rate(2 hours)', 'hour', 7_200_000],
    ['rate(1 day)', 'day', 86_400_000],
    ['rate(3 days)', 'day', 259_200_000],
  ])('parses %s', (expression, unit, everyMs) => {
    // Act
    const parsed = parseScheduleExpression(expression);
    // Assess
    expect(parsed).toMatchObject({ kind: 'rate', unit, everyMs, source: expression });
  });

  it.each([
    ['rate(5 minute)', "'minute' must be 'minutes'"],
    ['rate(1 minutes)', "'minutes' must be 'minute'"],
    ['rate(2 day)', "'day' must be 'days'"],
    ['rate(1 hours)', "'hours' must be 'hour'"],
  ])('rejects %s: singular only with 1, plural otherwise', (expression, message) => {
    expect(errorOf(expression).message).toContain(message);
  });

  it.each([
    ['rate(0 minutes)', "'0' is not a positive integer"],
    ['rate(1.5 hours)', "'1.5' is not a positive integer"],
    ['rate(5 weeks)', "unknown rate unit 'weeks'"],
    ['rate(5)', "needs 'value unit'"],
  ])('rejects %s', (expression, message) => {
    expect(errorOf(expression).message).toContain(message);
  });

  it('counts fire times from the anchor, not from the clock hour', () => {
    // Prepare: started at 10:07:30, every 15 minutes → 10:07:30, 10:22:30, …, 10:52:30, 11:07:30
    const every15 = parseScheduleExpression('rate(15 minutes)');
    const anchor = at('2024-05-01T10:07:30Z');
    // Act
    const fromEleven = nextFireTime(every15, at('2024-05-01T11:00:00Z'), { anchor });
    const fromAFireTime = nextFireTime(every15, at('2024-05-01T10:22:30Z'), { anchor });
    const beforeStart = nextFireTime(every15, at('2024-05-01T09:00:00Z'), { anchor });
    // Assess
    expect(fromEleven?.toISOString()).toBe('2024-05-01T11:07:30.000Z');
    expect(fromAFireTime?.toISOString()).toBe('2024-05-01T10:37:30.000Z');
    expect(beforeStart?.toISOString()).toBe('2024-05-01T10:07:30.000Z');
  });

  it('keeps rate(1 day) at 24 elapsed hours across a DST change, ignoring the time zone', () => {
    // Prepare: anchor 2024-03-09 12:00Z; the next fire is exactly 24 h later even in New York
    const daily = parseScheduleExpression('rate(1 day)');
    const options = { anchor: at('2024-03-09T12:00:00Z'), timeZone: 'America/New_York' };
    // Act
    const next = nextFireTime(daily, at('2024-03-09T12:00:00Z'), options);
    // Assess
    expect(next?.toISOString()).toBe('2024-03-10T12:00:00.000Z');
  });
});

describe('cron() in UTC', () => {
  it('fires hourly on the hour, strictly after the given instant', () => {
    expect(fireAfter('cron(0 * * * ? *)', '2024-05-01T10:15:00Z')).toBe('2024-05-01T11:00:00.000Z');
    expect(fireAfter('cron(0 * * * ? *)', '2024-05-01T11:00:00Z')).toBe('2024-05-01T12:00:00.000Z');
    expect(fireAfter('cron(0 * * * ? *)', '2024-12-31T23:30:00Z')).toBe('2025-01-01T00:00:00.000Z');
  });

  it('steps minutes with a/b', () => {
    // 5/20 → minutes 5, 25, 45
    expect(fireAfter('cron(5/20 * * * ? *)', '2024-05-01T10:06:00Z')).toBe('2024-05-01T10:25:00.000Z');
    expect(fireAfter('cron(5/20 * * * ? *)', '2024-05-01T10:46:00Z')).toBe('2024-05-01T11:05:00.000Z');
  });

  it('skips the weekend for MON-FRI', () => {
    // Friday 2024-05-03 09:00 has fired; Saturday and Sunday do not match, so Monday 05-06
    expect(fireAfter('cron(0 9 ? * MON-FRI *)', '2024-05-03T09:00:00Z')).toBe('2024-05-06T09:00:00.000Z');
  });

  it('fires on the last day of February in leap and non-leap years', () => {
    expect(fireAfter('cron(0 0 L * ? *)', '2024-02-01T00:00:00Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(fireAfter('cron(0 0 L * ? *)', '2023-02-01T00:00:00Z')).toBe('2023-02-28T00:00:00.000Z');
  });

  it('fires on the first Monday of the month with 2#1', () => {
    // May 2024 starts on Wednesday → first Monday the 6th; June starts on Saturday → the 3rd
    expect(fireAfter('cron(0 8 ? * 2#1 *)', '2024-05-01T00:00:00Z')).toBe('2024-05-06T08:00:00.000Z');
    expect(fireAfter('cron(0 8 ? * 2#1 *)', '2024-05-06T08:00:00Z')).toBe('2024-06-03T08:00:00.000Z');
  });

  it('fires on the last Friday of the month with 6L', () => {
    // 2024-05-31 is a Friday (05-03 + 28 days)
    expect(fireAfter('cron(0 8 ? * 6L *)', '2024-05-01T00:00:00Z')).toBe('2024-05-31T08:00:00.000Z');
  });

  it('moves 15W to the nearest weekday when the 15th falls on a weekend', () => {
    // 2024-06-15 is a Saturday → Friday 14th; 2024-09-15 is a Sunday → Monday 16th;
    // 2024-07-15 is a Monday → the 15th itself
    expect(fireAfter('cron(0 12 15W * ? *)', '2024-06-01T00:00:00Z')).toBe('2024-06-14T12:00:00.000Z');
    expect(fireAfter('cron(0 12 15W * ? *)', '2024-09-01T00:00:00Z')).toBe('2024-09-16T12:00:00.000Z');
    expect(fireAfter('cron(0 12 15W * ? *)', '2024-06-14T12:00:00Z')).toBe('2024-07-15T12:00:00.000Z');
  });

  it('keeps W inside the month and finds the last weekday with LW', () => {
    // 2024-06-01 is a Saturday: 1W must not go back into May, so Monday the 3rd;
    // 2024-06-30 is a Sunday: LW is Friday the 28th
    expect(fireAfter('cron(0 12 1W * ? *)', '2024-05-31T00:00:00Z')).toBe('2024-06-03T12:00:00.000Z');
    expect(fireAfter('cron(0 12 LW * ? *)', '2024-06-01T00:00:00Z')).toBe('2024-06-28T12:00:00.000Z');
  });

  it('reads a lone L in day-of-week as Saturday, as Quartz does', () => {
    // 2024-05-01 is a Wednesday → Saturday 05-04
    expect(fireAfter('cron(0 0 ? * L *)', '2024-05-01T00:00:00Z')).toBe('2024-05-04T00:00:00.000Z');
  });

  it('accepts month and weekday names in any case', () => {
    expect(fireAfter('cron(0 0 1 JAN,JUL ? *)', '2024-02-01T00:00:00Z')).toBe('2024-07-01T00:00:00.000Z');
    expect(fireAfter('cron(0 0 1 jan,jul ? *)', '2024-07-01T00:00:00Z')).toBe('2025-01-01T00:00:00.000Z');
    // Sundays of March to May 2024: 03-03 is the first (03-01 is a Friday)
    expect(fireAfter('cron(30 6 ? MAR-MAY SUN *)', '2024-02-10T00:00:00Z')).toBe('2024-03-03T06:30:00.000Z');
  });

  it('jumps years ahead without walking every minute', () => {
    // 29 February after March 2097: 2100 is not a leap year, so 2104
    const started = performance.now();
    expect(fireAfter('cron(0 0 29 2 ? *)', '2097-03-01T00:00:00Z')).toBe('2104-02-29T00:00:00.000Z');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('returns undefined when the years are over or the day never exists', () => {
    expect(fireAfter('cron(0 0 1 1 ? 2020)', '2024-01-01T00:00:00Z')).toBeUndefined();
    expect(fireAfter('cron(0 0 30 2 ? *)', '2024-01-01T00:00:00Z')).toBeUndefined();
  });
});

describe('cron() in a time zone', () => {
  it('reads 01:00 in Asia/Shanghai (UTC+8, no DST) as 17:00 UTC the previous day', () => {
    // 12:00Z on 05-01 is 20:00 in Shanghai; the next 01:00 there is 05-02 01:00 = 05-01 17:00Z
    expect(fireAfter('cron(0 1 * * ? *)', '2024-05-01T12:00:00Z', 'Asia/Shanghai')).toBe(
      '2024-05-01T17:00:00.000Z',
    );
    expect(fireAfter('cron(0 1 * * ? *)', '2024-05-01T17:00:00Z', 'Asia/Shanghai')).toBe(
      '2024-05-02T17:00:00.000Z',
    );
  });

  it('skips a time that does not exist in the New York spring-forward gap', () => {
    // 03-09 02:30 EST fired at 07:30Z; 03-10 02:30 does not exist, so 03-11 02:30 EDT = 06:30Z
    expect(fireAfter('cron(30 2 * * ? *)', '2024-03-09T08:00:00Z', 'America/New_York')).toBe(
      '2024-03-11T06:30:00.000Z',
    );
    // Hourly from 01:30 EST (06:30Z): 02:00 does not exist, next is 03:00 EDT = 07:00Z
    expect(fireAfter('cron(0 * * * ? *)', '2024-03-10T06:30:00Z', 'America/New_York')).toBe(
      '2024-03-10T07:00:00.000Z',
    );
  });

  it('fires once for a time the New York fall-back repeats', () => {
    // 11-03 01:30 occurs at 05:30Z (EDT) and 06:30Z (EST); only the first fires
    const zone = 'America/New_York';
    expect(fireAfter('cron(30 1 * * ? *)', '2024-11-03T05:00:00Z', zone)).toBe('2024-11-03T05:30:00.000Z');
    expect(fireAfter('cron(30 1 * * ? *)', '2024-11-03T05:30:00Z', zone)).toBe('2024-11-04T06:30:00.000Z');
    // Hourly from 01:00 EDT (05:00Z): the repeated 01:00 EST (06:00Z) is skipped, next is 02:00 EST = 07:00Z
    expect(fireAfter('cron(0 * * * ? *)', '2024-11-03T05:00:00Z', zone)).toBe('2024-11-03T07:00:00.000Z');
  });

  it('rejects an unknown time zone', () => {
    const hourly = parseScheduleExpression('cron(0 * * * ? *)');
    expect(() => nextFireTime(hourly, at('2024-05-01T00:00:00Z'), { timeZone: 'Mars/Olympus' })).toThrow(
      ScheduleExpressionError,
    );
  });
});

describe('at()', () => {
  it('fires once at the wall-clock time in the zone, and never after it', () => {
    // Prepare: 10:00 in Shanghai is 02:00Z
    const once = parseScheduleExpression('at(2024-05-01T10:00:00)');
    const options = { timeZone: 'Asia/Shanghai' };
    // Act
    const before = nextFireTime(once, at('2024-05-01T01:59:59Z'), options);
    const atTheTime = nextFireTime(once, at('2024-05-01T02:00:00Z'), options);
    const later = nextFireTime(once, at('2024-06-01T00:00:00Z'), options);
    // Assess
    expect(before?.toISOString()).toBe('2024-05-01T02:00:00.000Z');
    expect(atTheTime).toBeUndefined();
    expect(later).toBeUndefined();
  });

  it('moves a one-time schedule in the spring-forward gap past the gap', () => {
    // 02:30 read with the EST offset (UTC-5) is 07:30Z, which New York shows as 03:30 EDT
    expect(fireAfter('at(2024-03-10T02:30:00)', '2024-03-01T00:00:00Z', 'America/New_York')).toBe(
      '2024-03-10T07:30:00.000Z',
    );
  });

  it.each([
    ['at(2024-02-30T10:00:00)', "day '30' does not exist"],
    ['at(2024-13-01T10:00:00)', "month '13' is out of range"],
    ['at(2024-05-01T24:00:00)', "time '24:00:00' is not a valid time"],
    ['at(2024-05-01 10:00:00)', 'yyyy-mm-ddThh:mm:ss'],
  ])('rejects %s', (expression, message) => {
    expect(errorOf(expression).message).toContain(message);
  });
});

describe('invalid expressions', () => {
  it.each([
    ['cron(0 12 15 * MON *)', "day-of-month '15' and day-of-week 'MON' are both set"],
    ['cron(0 12 * * * *)', 'one of them must be'],
    ['cron(0 12 ? * ? *)', "cannot both be '?'"],
    ['cron(0 12 * * ?)', 'needs 6 fields'],
    ['cron(60 12 * * ? *)', 'Invalid value for minute'],
    ['cron(0 24 * * ? *)', 'Invalid value for hour'],
    ['cron(0 0 32 * ? *)', 'Invalid value for day'],
    ['cron(0 0 1 13 ? *)', 'Invalid value for month'],
    ['cron(0 0 ? * 8 *)', "day-of-week value '8' is out of range 1-7"],
    ['cron(0 0 1 * ? 2200)', "year value '2200' is out of range 1970-2199"],
    ['cron(0 0 1 FOO ? *)', '(FOO) contains illegal characters'],
    ['cron(0 0 ? * */2 *)', "day-of-week does not allow '/'"],
    ['cron(0 0 ? * 2#6 *)', 'nth weekday out of range, should be 1-5'],
    ['cron(0 0 ? * 2#1,4#3 *)', "a single '2#3'"],
    ['cron(0 ? 1 * ? *)', "hours cannot be '?'"],
    ['cron(0 0 20-10 * ? *)', "From value is larger than to value: '20-10'"],
    ['every 5 minutes', 'is not rate(...), cron(...) or at(...)'],
  ])('rejects %s', (expression, message) => {
    expect(errorOf(expression).message).toContain(message);
  });

  it('names the whole expression in a cron error', () => {
    expect(errorOf('cron(0 24 * * ? *)').message).toMatch(/^cron\(0 24 \* \* \? \*\): /);
  });
});
