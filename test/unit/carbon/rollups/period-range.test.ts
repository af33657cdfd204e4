import { describe, expect, it } from 'vitest';
import {
  granularityOfPeriod,
  isPeriodLabel,
  MAX_PERIODS,
  monthsOfYear,
  periodsBetween,
  periodUtcRange,
} from '../../../../shared/domain/carbon/rollups/period-range.ts';
import { ValidationError } from '../../../../shared/domain/errors.ts';

const TZ = 'Asia/Shanghai';

describe('periodsBetween', () => {
  it('widens a day bound to its 24 local hours', () => {
    const hours = periodsBetween('2026-11-28', '2026-11-28', 'hour', TZ);
    expect(hours).toHaveLength(24);
    expect(hours[0]).toBe('2026-11-28T00');
    expect(hours[23]).toBe('2026-11-28T23');
  });

  it('crosses month and year ends and leap days', () => {
    expect(periodsBetween('2028-02-28', '2028-03-01', 'day', TZ)).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(periodsBetween('2026-11', '2027-02', 'month', TZ)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(periodsBetween('2026-12-31T22', '2027-01-01T01', 'hour', TZ)).toEqual([
      '2026-12-31T22',
      '2026-12-31T23',
      '2027-01-01T00',
      '2027-01-01T01',
    ]);
  });

  it('reads an ISO instant in the deployment zone (23:30 UTC is the next local day)', () => {
    expect(periodsBetween('2026-11-27T23:30:00Z', '2026-11-28', 'day', TZ)).toEqual(['2026-11-28']);
    expect(periodsBetween('2026-11-27T23:30:00Z', '2026-11-28T08', 'hour', TZ)).toEqual([
      '2026-11-28T07',
      '2026-11-28T08',
    ]);
  });

  it('a month bound at day granularity covers the whole month', () => {
    const days = periodsBetween('2026-02', '2026-02', 'day', TZ);
    expect(days).toHaveLength(28);
    expect(days.at(-1)).toBe('2026-02-28');
  });

  it('refuses unreadable bounds and reversed ranges with the field', () => {
    const attempt = (from: string, to: string) => () => periodsBetween(from, to, 'day', TZ);
    expect(attempt('2026-02-30', '2026-03-01')).toThrow(ValidationError);
    expect(attempt('yesterday', '2026-03-01')).toThrow(/from yesterday/);
    expect(attempt('2026-03-02', '2026-03-01')).toThrow(/to is before from/);
    let thrown: unknown;
    try {
      attempt('2026-03-01', '2026-13')();
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ValidationError).errors[0]?.path).toBe('/query/to');
  });

  it('stops one past the cap instead of enumerating a huge range', () => {
    // 2020-01-01 … 2030-12-31 is ~4000 days; enumeration stops at MAX + 1 so the caller can refuse.
    expect(periodsBetween('2020', '2030', 'day', TZ)).toHaveLength(MAX_PERIODS.day + 1);
    // 31 days × 24 hours = 744: exactly the cap, allowed.
    expect(periodsBetween('2026-12', '2026-12', 'hour', TZ)).toHaveLength(744);
  });
});

describe('period labels', () => {
  it('tells the granularity and validity of a label', () => {
    expect(granularityOfPeriod('2026-11')).toBe('month');
    expect(granularityOfPeriod('2026-11-28')).toBe('day');
    expect(granularityOfPeriod('2026-11-28T05')).toBe('hour');
    expect(granularityOfPeriod('2026')).toBeUndefined();
    expect(isPeriodLabel('2026-02-29')).toBe(false);
    expect(isPeriodLabel('2026-11-28T24')).toBe(false);
    expect(isPeriodLabel('2026-11-28T23')).toBe(true);
  });

  it('gives the UTC range of a local period (Shanghai is UTC+8)', () => {
    expect(periodUtcRange('2026-11-28', TZ)).toEqual({
      start: new Date('2026-11-27T16:00:00Z'),
      end: new Date('2026-11-28T16:00:00Z'),
    });
    expect(periodUtcRange('2026-12', TZ)).toEqual({
      start: new Date('2026-11-30T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    });
    expect(periodUtcRange('2026-11-28T07', TZ)).toEqual({
      start: new Date('2026-11-27T23:00:00Z'),
      end: new Date('2026-11-28T00:00:00Z'),
    });
  });

  it('lists the months of a year', () => {
    expect(monthsOfYear('2026')).toHaveLength(12);
    expect(monthsOfYear('2026')[11]).toBe('2026-12');
  });
});
