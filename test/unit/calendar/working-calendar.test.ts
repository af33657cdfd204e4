import { describe, expect, it } from 'vitest';
import {
  bundledSeedYears,
  defaultWorkingCalendar,
} from '../../../shared/domain/calendar/bundled-calendar.ts';
import { buildWorkingCalendar, isWorkingDay } from '../../../shared/domain/calendar/working-calendar.ts';
import { addWorkingTime } from '../../../shared/domain/calendar/working-time.ts';

describe('the bundled calendar', () => {
  it('has the 8-day Spring Festival 2025 (Jan 28 – Feb 4) and its two make-up workdays', () => {
    // Prepare
    const calendar = defaultWorkingCalendar();
    // Act / Assess
    expect(isWorkingDay(calendar, '2025-01-27')).toBe(true);
    for (const day of ['2025-01-28', '2025-01-31', '2025-02-03', '2025-02-04']) {
      expect(isWorkingDay(calendar, day)).toBe(false);
    }
    expect(isWorkingDay(calendar, '2025-02-05')).toBe(true);
    expect(isWorkingDay(calendar, '2025-01-26')).toBe(true); // Sunday 调休上班
    expect(isWorkingDay(calendar, '2025-02-08')).toBe(true); // Saturday 调休上班
    expect(isWorkingDay(calendar, '2025-02-09')).toBe(false); // an ordinary Sunday
  });

  it('has New Year 2026 (Jan 1–3) with Sunday Jan 4 worked', () => {
    const calendar = defaultWorkingCalendar();
    expect(isWorkingDay(calendar, '2026-01-02')).toBe(false);
    expect(isWorkingDay(calendar, '2026-01-04')).toBe(true);
  });

  it('falls back to Monday–Friday for years the data does not cover', () => {
    const calendar = defaultWorkingCalendar();
    expect(calendar.coveredYears.has(2027)).toBe(false);
    expect(isWorkingDay(calendar, '2027-01-04')).toBe(true); // a Monday
    expect(isWorkingDay(calendar, '2027-01-03')).toBe(false); // a Sunday
  });

  it('marks every bundled year as verified against its notice', () => {
    expect(defaultWorkingCalendar().unverifiedYears.size).toBe(0);
  });
});

describe('buildWorkingCalendar', () => {
  it('covers the unbroken run of loaded years, from the first', () => {
    const [y2025, y2026] = bundledSeedYears();
    const both = buildWorkingCalendar(bundledSeedYears());
    const only2026 = buildWorkingCalendar(y2026 ? [y2026] : []);
    const gap = buildWorkingCalendar(y2025 ? [y2025, { ...y2025, year: 2027 }] : []);

    expect([both.coveredFrom, both.coveredThrough]).toEqual(['2025-01-01', '2026-12-31']);
    expect([only2026.coveredFrom, only2026.coveredThrough]).toEqual(['2026-01-01', '2026-12-31']);
    expect(gap.coveredThrough).toBe('2025-12-31');
    expect(buildWorkingCalendar([]).coveredThrough).toBeUndefined();
  });

  it('rejects overlapping office periods and unknown time zones', () => {
    expect(() =>
      buildWorkingCalendar(bundledSeedYears(), {
        officePeriods: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      }),
    ).toThrow();
    expect(() => buildWorkingCalendar(bundledSeedYears(), { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('uses a configured zone and office day, across a daylight-saving change', () => {
    // Prepare: Berlin, one period 09:00–17:00; DST starts Sunday 2025-03-30
    const calendar = buildWorkingCalendar(bundledSeedYears(), {
      timeZone: 'Europe/Berlin',
      officePeriods: [{ start: '09:00', end: '17:00' }],
    });
    // Act: Friday 16:00 CET (15:00Z) + 2 working hours
    const deadline = addWorkingTime(new Date('2025-03-28T15:00:00Z'), 2, 'workingHours', calendar);
    // Assess: 16–17 Friday, then Monday 09–10 CEST (UTC+2) = 08:00Z
    expect(deadline.toISOString()).toBe('2025-03-31T08:00:00.000Z');
  });
});
