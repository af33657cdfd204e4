import { describe, expect, it } from 'vitest';
import { liveWorkingCalendar } from '../../../functions/calendar/live-calendar.ts';
import { requestEnv } from '../../../functions/suggestions/suggestion-context.ts';
import { defaultWorkingCalendar } from '../../../shared/domain/calendar/bundled-calendar.ts';
import { addDays } from '../../../shared/domain/calendar/local-date.ts';
import { isWorkingDay } from '../../../shared/domain/calendar/working-calendar.ts';

/** A list reads the zone once a request (suggestion-context.ts): the calendar must answer as before. */
describe('requestEnv', () => {
  it('answers every working-day question as the calendar it wraps', () => {
    const calendar = defaultWorkingCalendar({ timeZone: 'Asia/Shanghai' });
    const env = requestEnv({ calendar, ratingRoundDays: 15 });
    expect(env.ratingRoundDays).toBe(15);
    expect(env.calendar.timeZone).toBe('Asia/Shanghai');
    expect(env.calendar.officePeriods).toEqual(calendar.officePeriods);
    for (let day = 0; day < 800; day += 1) {
      const date = addDays('2025-01-01', day);
      expect(isWorkingDay(env.calendar, date)).toBe(isWorkingDay(calendar, date));
    }
  });

  it('keeps the live calendar lazy: its zone is there, its days still refuse until loaded', () => {
    const live = liveWorkingCalendar();
    const env = requestEnv({ calendar: live });
    expect(env.calendar.timeZone).toBe(live.timeZone);
    expect(() => env.calendar.holidays).toThrow(/freshWorkingCalendar/);
  });
});
