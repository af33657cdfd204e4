import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from '../../../shared/domain/calendar/bundled-calendar.ts';
import {
  addWorkingTime,
  isOverdue,
  workingTimeBetween,
} from '../../../shared/domain/calendar/working-time.ts';

// Expected instants are worked out by hand from the 2025/2026 State Council notices and the default
// office day 09:00–12:00, 13:00–18:00 in Asia/Shanghai (UTC+8, so 18:00 local = 10:00Z).
const calendar = defaultWorkingCalendar();
const at = (iso: string) => new Date(iso);

describe('addWorkingTime in working days', () => {
  it('skips the weekend and ends at close of office on the last day', () => {
    // Prepare: Friday 2025-06-06 10:00 local
    const start = at('2025-06-06T02:00:00Z');
    // Act
    const deadline = addWorkingTime(start, 2, 'workingDays', calendar);
    // Assess: Mon 9th is day 1, Tue 10th is day 2, closing 18:00 local
    expect(deadline.toISOString()).toBe('2025-06-10T10:00:00.000Z');
  });

  it('does not count the start day, even when the start is early in the office day', () => {
    const deadline = addWorkingTime(at('2025-06-09T01:00:00Z'), 1, 'workingDays', calendar);
    expect(deadline.toISOString()).toBe('2025-06-10T10:00:00.000Z');
  });

  it('counts the start day when asked to', () => {
    const deadline = addWorkingTime(at('2025-06-09T01:00:00Z'), 1, 'workingDays', calendar, {
      countStartDay: true,
    });
    expect(deadline.toISOString()).toBe('2025-06-09T10:00:00.000Z');
  });

  it('jumps the National Day 2025 block (Oct 1–8) and uses the Saturday make-up workday Oct 11', () => {
    // Prepare: Tuesday 2025-09-30 10:00 local, the last workday before the holiday
    const start = at('2025-09-30T02:00:00Z');
    // Act
    const oneDay = addWorkingTime(start, 1, 'workingDays', calendar);
    const threeDays = addWorkingTime(start, 3, 'workingDays', calendar);
    // Assess: Thu Oct 9 = 1, Fri Oct 10 = 2, Sat Oct 11 (调休上班) = 3
    expect(oneDay.toISOString()).toBe('2025-10-09T10:00:00.000Z');
    expect(threeDays.toISOString()).toBe('2025-10-11T10:00:00.000Z');
  });

  it('counts the Sunday make-up workday before National Day 2025', () => {
    // Friday 2025-09-26 15:00 local; Sunday Sept 28 is a working day
    const deadline = addWorkingTime(at('2025-09-26T07:00:00Z'), 1, 'workingDays', calendar);
    expect(deadline.toISOString()).toBe('2025-09-28T10:00:00.000Z');
  });

  it('handles Spring Festival 2026: make-up Saturday Feb 14, holiday Feb 15–23', () => {
    const start = at('2026-02-13T01:30:00Z'); // Friday 09:30 local
    expect(addWorkingTime(start, 1, 'workingDays', calendar).toISOString()).toBe('2026-02-14T10:00:00.000Z');
    expect(addWorkingTime(start, 2, 'workingDays', calendar).toISOString()).toBe('2026-02-24T10:00:00.000Z');
  });

  it('refuses fractional days and negative amounts', () => {
    expect(() => addWorkingTime(at('2025-06-09T01:00:00Z'), 1.5, 'workingDays', calendar)).toThrow(
      RangeError,
    );
    expect(() => addWorkingTime(at('2025-06-09T01:00:00Z'), -1, 'workingHours', calendar)).toThrow(
      RangeError,
    );
  });
});

describe('addWorkingTime in working hours', () => {
  it('skips the lunch break', () => {
    // Tuesday 2025-06-10 11:00 local + 2 h: 11–12 then 13–14
    const deadline = addWorkingTime(at('2025-06-10T03:00:00Z'), 2, 'workingHours', calendar);
    expect(deadline.toISOString()).toBe('2025-06-10T06:00:00.000Z');
  });

  it('ends exactly at the end of a period when the hours fit it', () => {
    const deadline = addWorkingTime(at('2025-06-10T03:00:00Z'), 1, 'workingHours', calendar);
    expect(deadline.toISOString()).toBe('2025-06-10T04:00:00.000Z'); // 12:00 local
  });

  it('carries over night into the next morning', () => {
    // Tuesday 17:00 local + 3 h: 17–18, then Wednesday 09–11
    const deadline = addWorkingTime(at('2025-06-10T09:00:00Z'), 3, 'workingHours', calendar);
    expect(deadline.toISOString()).toBe('2025-06-11T03:00:00.000Z');
  });

  it('starts at the next office period when submitted out of hours or at lunch', () => {
    expect(addWorkingTime(at('2025-06-09T23:00:00Z'), 1, 'workingHours', calendar).toISOString()).toBe(
      '2025-06-10T02:00:00.000Z', // 07:00 local Tue → 10:00
    );
    expect(addWorkingTime(at('2025-06-10T04:30:00Z'), 1, 'workingHours', calendar).toISOString()).toBe(
      '2025-06-10T06:00:00.000Z', // 12:30 local → 14:00
    );
  });

  it('carries over a holiday block', () => {
    // Tuesday 2025-09-30 17:00 local + 2 h: 17–18, then Thursday Oct 9 09–10
    const deadline = addWorkingTime(at('2025-09-30T09:00:00Z'), 2, 'workingHours', calendar);
    expect(deadline.toISOString()).toBe('2025-10-09T02:00:00.000Z');
  });
});

describe('workingTimeBetween', () => {
  it('counts only office hours of working days', () => {
    // Tue 11:00 → Wed 10:00 local: 1 + 5 + 1 hours
    expect(workingTimeBetween(at('2025-06-10T03:00:00Z'), at('2025-06-11T02:00:00Z'), calendar)).toBe(7);
    // Fri 17:00 → Mon 10:00 local: 1 + 1 hours over the weekend
    expect(workingTimeBetween(at('2025-06-06T09:00:00Z'), at('2025-06-09T02:00:00Z'), calendar)).toBe(2);
  });

  it('is zero inside the lunch break and negative when reversed', () => {
    expect(workingTimeBetween(at('2025-06-10T04:10:00Z'), at('2025-06-10T04:50:00Z'), calendar)).toBe(0);
    expect(workingTimeBetween(at('2025-06-11T02:00:00Z'), at('2025-06-10T03:00:00Z'), calendar)).toBe(-7);
  });

  it('inverts addWorkingTime in hours', () => {
    const start = at('2025-09-30T09:00:00Z');
    const deadline = addWorkingTime(start, 9.5, 'workingHours', calendar);
    expect(workingTimeBetween(start, deadline, calendar)).toBe(9.5);
  });
});

describe('isOverdue', () => {
  it('is true only strictly after the deadline', () => {
    const deadline = '2025-06-10T10:00:00.000Z';
    expect(isOverdue(deadline, at('2025-06-10T10:00:00Z'))).toBe(false);
    expect(isOverdue(deadline, at('2025-06-10T10:00:01Z'))).toBe(true);
    expect(isOverdue(undefined, at('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
