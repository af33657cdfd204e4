import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from '../../../shared/domain/calendar/bundled-calendar.ts';
import { isWorkingDay } from '../../../shared/domain/calendar/working-calendar.ts';
import { isWorkingDate, workingDaysLeft } from '../../../web/src/deputy/lib/working-days.ts';

/** The app's countdown reads the same holiday data as the API's deadlines; they must agree. */
describe('working-day countdown in the deputies’ app', () => {
  it('calls the same days working days as the API’s calendar, every day of 2025 and 2026', () => {
    const calendar = defaultWorkingCalendar();
    const disagreements: string[] = [];
    for (
      let d = new Date('2025-01-01T00:00:00Z');
      d < new Date('2027-01-01T00:00:00Z');
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const date = d.toISOString().slice(0, 10);
      if (isWorkingDate(date) !== isWorkingDay(calendar, date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it('skips the National Day week and counts its make-up Saturday', () => {
    // Wed 30 Sep 2026, 10:00 in Shanghai; deadline Fri 9 Oct 18:00: only 8 and 9 Oct are working days.
    expect(workingDaysLeft('2026-10-09T10:00:00Z', new Date('2026-09-30T02:00:00Z'))).toBe(2);
    // Mon 12 Oct, past a deadline of Fri 9 Oct: Sat 10 Oct (make-up day) and Fri 9 Oct lie between.
    expect(workingDaysLeft('2026-10-09T10:00:00Z', new Date('2026-10-12T02:00:00Z'))).toBe(-2);
  });

  it('is 0 on the deadline’s own local day, judged in Shanghai, not UTC', () => {
    // 23:30 UTC on 8 Oct is 07:30 on 9 Oct in Shanghai: the deadline's day.
    expect(workingDaysLeft('2026-10-09T10:00:00Z', new Date('2026-10-08T23:30:00Z'))).toBe(0);
  });
});
