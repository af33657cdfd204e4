import { describe, expect, it } from 'vitest';
import { addCalendarMonths, daysInMonth } from '../../../shared/domain/calendar/calendar-months.ts';

describe('addCalendarMonths', () => {
  it('lands on the corresponding day of the target month', () => {
    expect(addCalendarMonths('2026-03-15', 3)).toBe('2026-06-15');
    expect(addCalendarMonths('2026-06-10', 1)).toBe('2026-07-10');
    expect(addCalendarMonths('2026-06-10', 0)).toBe('2026-06-10');
  });

  it('clamps to the last day of a shorter month (Civil Code art. 202)', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('does not clamp when the target month is long enough', () => {
    expect(addCalendarMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addCalendarMonths('2026-02-28', 1)).toBe('2026-03-28');
  });

  it('crosses year boundaries both ways', () => {
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-10-15', 6)).toBe('2027-04-15');
    expect(addCalendarMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-05-20', -17)).toBe('2024-12-20');
  });

  it('rejects malformed dates and fractional months', () => {
    expect(() => addCalendarMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarMonths('2026-13-01', 1)).toThrow(RangeError);
    expect(() => addCalendarMonths('26-01-01', 1)).toThrow(RangeError);
    expect(() => addCalendarMonths('2026-01-01', 1.5)).toThrow(RangeError);
  });

  it('knows leap years', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});
