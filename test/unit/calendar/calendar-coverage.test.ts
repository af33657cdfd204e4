import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from '../../../shared/domain/calendar/bundled-calendar.ts';
import { calendarAlertFor, daysLeft } from '../../../shared/domain/calendar/calendar-coverage.ts';
import { buildWorkingCalendar } from '../../../shared/domain/calendar/working-calendar.ts';

const calendar = defaultWorkingCalendar(); // 2025–2026

describe('when the working calendar runs out', () => {
  it('counts local days to the last covered day', () => {
    expect(daysLeft(calendar, new Date('2026-12-30T16:30:00Z'))).toBe(0); // already 31 Dec in Beijing
    expect(daysLeft(calendar, new Date('2026-11-01T04:00:00Z'))).toBe(60);
    expect(daysLeft(calendar, new Date('2027-01-02T04:00:00Z'))).toBe(-2);
    expect(daysLeft(buildWorkingCalendar([]), new Date())).toBeUndefined();
  });

  it('raises nothing 61 days before, then one alert keyed by the covered end date', () => {
    expect(calendarAlertFor(calendar, new Date('2026-10-31T04:00:00Z'))).toBeUndefined();

    const alert = calendarAlertFor(calendar, new Date('2026-11-01T04:00:00Z'));

    expect(alert).toMatchObject({
      kind: 'calendarRunningOut',
      level: 'system',
      targetId: 'workingCalendar',
      period: '2026-12-31',
      value: 60,
      threshold: 60,
      raisedAt: '2026-11-01T04:00:00.000Z',
    });
    expect(alert?.message).toContain('2026年12月31日');
    expect(alert?.message).toContain('2027');
    expect(calendarAlertFor(calendar, new Date('2026-12-20T04:00:00Z'))?.period).toBe('2026-12-31');
  });

  it('alerts when nothing is loaded at all', () => {
    const alert = calendarAlertFor(buildWorkingCalendar([]), new Date('2026-11-01T04:00:00Z'));
    expect(alert?.period).toBe('none');
    expect(alert?.message).toMatch(/尚未载入/);
  });
});
