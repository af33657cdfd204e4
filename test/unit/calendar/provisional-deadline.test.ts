import { describe, expect, it } from 'vitest';
import { bundledSeedYears } from '../../../shared/domain/calendar/bundled-calendar.ts';
import type {
  CalendarYearDocument,
  CalendarYearInput,
} from '../../../shared/domain/calendar/calendar-year.ts';
import { CalendarYearSchema } from '../../../shared/domain/calendar/calendar-year.ts';
import {
  computeDeadline,
  provisionalNote,
  recomputeDeadline,
} from '../../../shared/domain/calendar/provisional-deadline.ts';
import { buildWorkingCalendar } from '../../../shared/domain/calendar/working-calendar.ts';

const [y2025, y2026] = bundledSeedYears() as [CalendarYearDocument, CalendarYearDocument];
/** A made-up year, for arithmetic only: its holidays are not the State Council's. */
const fictionalYear = (year: number, holidays: [string, string][]) =>
  CalendarYearSchema.parse({
    year,
    source: {
      title: `测试用 ${year}年 假期（虚构）`,
      publishedOn: `${year - 1}-11-01`,
      url: 'https://example.test/',
    },
    holidays: holidays.map(([from, to]) => ({ name: { zh: '测试假日', en: 'Test holiday' }, from, to })),
    makeUpWorkdays: [],
  } satisfies CalendarYearInput);

const through2026 = buildWorkingCalendar([y2025, y2026]);
const at = (iso: string) => new Date(iso);

describe('a deadline past the covered range', () => {
  it('from 2026-12-31 across New Year: weekends only, and provisional from 1 January', () => {
    // Thursday 31 Dec 10:00 Beijing + 3 working days: Fri 1 Jan, Mon 4, Tue 5 (no 2027 holidays known)
    const result = computeDeadline(at('2026-12-31T02:00:00Z'), 3, 'workingDays', through2026);

    expect(result.deadline.toISOString()).toBe('2027-01-05T10:00:00.000Z'); // Tue 5 Jan 18:00
    expect(result.provisional).toEqual({ since: '2026-12-31T16:00:00.000Z' }); // 1 Jan 00:00 Beijing
  });

  it('is not provisional while every counted day is covered', () => {
    const result = computeDeadline(at('2026-12-21T02:00:00Z'), 3, 'workingDays', through2026);
    expect(result.deadline.toISOString()).toBe('2026-12-24T10:00:00.000Z');
    expect(result.provisional).toBeUndefined();
  });

  it('into the Spring Festival: provisional before 2026 is loaded, exact once it is', () => {
    // Prepare: only 2025 loaded; Tuesday 10 Feb 2026 09:00 + 5 working days
    const only2025 = buildWorkingCalendar([y2025]);
    const provisional = computeDeadline(at('2026-02-10T01:00:00Z'), 5, 'workingDays', only2025);
    expect(provisional.deadline.toISOString()).toBe('2026-02-17T10:00:00.000Z'); // counts 16–17 Feb
    // Act: the 2026 notice is loaded
    const { provisional: mark } = provisional;
    if (!mark) throw new Error('expected a provisional deadline');
    const recomputed = recomputeDeadline(provisional.deadline, mark, through2026);
    // Assess: 11, 12, 13, Sat 14 (调休上班), then 15–23 off: the fifth is Tue 24 Feb
    expect(recomputed.deadline.toISOString()).toBe('2026-02-24T10:00:00.000Z');
    expect(recomputed.provisional).toBeUndefined();
    expect(recomputed.deadline).toEqual(
      computeDeadline(at('2026-02-10T01:00:00Z'), 5, 'workingDays', through2026).deadline,
    );
  });

  it('working hours across New Year are recomputed as if the year had been known', () => {
    const start = at('2026-12-31T06:00:00Z'); // Thursday 14:00 Beijing
    const first = computeDeadline(start, 16, 'workingHours', through2026);
    const loaded = buildWorkingCalendar([y2025, y2026, fictionalYear(2027, [['2027-01-01', '2027-01-01']])]);

    const recomputed = recomputeDeadline(first.deadline, first.provisional ?? { since: '' }, loaded);

    expect(first.deadline.toISOString()).toBe('2027-01-04T06:00:00.000Z'); // Mon 4 Jan 14:00
    expect(recomputed.deadline.toISOString()).toBe('2027-01-05T06:00:00.000Z'); // 1 Jan off
    expect(recomputed.deadline).toEqual(computeDeadline(start, 16, 'workingHours', loaded).deadline);
  });

  it('counts whole days after the start day when the start itself lies past the range', () => {
    // Prepare: covered through 2025; Monday 2 March 2026 10:00 + 3 working days
    const start = at('2026-03-02T02:00:00Z');
    const first = computeDeadline(start, 3, 'workingDays', buildWorkingCalendar([y2025]));
    expect(first.provisional).toEqual({ since: '2026-03-02T16:00:00.000Z' }); // Tue 3 Mar 00:00
    // Act: a 2026 in which the start day and Wed 4 March are holidays
    const loaded = buildWorkingCalendar([
      y2025,
      fictionalYear(2026, [
        ['2026-01-01', '2026-01-01'],
        ['2026-03-02', '2026-03-02'],
        ['2026-03-04', '2026-03-04'],
      ]),
    ]);
    const recomputed = recomputeDeadline(first.deadline, first.provisional ?? { since: '' }, loaded);
    // Assess: the start day never counts; 3, 5 and 6 March do
    expect(recomputed.deadline.toISOString()).toBe('2026-03-06T10:00:00.000Z');
    expect(recomputed.deadline).toEqual(computeDeadline(start, 3, 'workingDays', loaded).deadline);
  });

  it('an extension of a provisional deadline stays provisional from the same day', () => {
    const first = computeDeadline(at('2026-12-31T02:00:00Z'), 3, 'workingDays', through2026);
    const extended = computeDeadline(first.deadline, 2, 'workingDays', through2026, {
      from: first.provisional,
    });
    const loaded = buildWorkingCalendar([y2025, y2026, fictionalYear(2027, [['2027-01-01', '2027-01-06']])]);

    const recomputed = recomputeDeadline(extended.deadline, extended.provisional ?? { since: '' }, loaded);
    const direct = computeDeadline(
      computeDeadline(at('2026-12-31T02:00:00Z'), 3, 'workingDays', loaded).deadline,
      2,
      'workingDays',
      loaded,
    );

    expect(extended.deadline.toISOString()).toBe('2027-01-07T10:00:00.000Z');
    expect(extended.provisional).toEqual(first.provisional);
    expect(recomputed.deadline).toEqual(direct.deadline); // Thu 7, Fri 8, Mon 11, then +2: Wed 13
    expect(recomputed.deadline.toISOString()).toBe('2027-01-13T10:00:00.000Z');
  });

  it('stays provisional, from the new end, when the deadline still runs past the loaded years', () => {
    const first = computeDeadline(at('2026-12-31T02:00:00Z'), 300, 'workingDays', through2026);
    const loaded = buildWorkingCalendar([y2025, y2026, fictionalYear(2027, [['2027-01-01', '2027-01-01']])]);
    const recomputed = recomputeDeadline(first.deadline, first.provisional ?? { since: '' }, loaded);
    expect(recomputed.provisional).toEqual({ since: '2027-12-31T16:00:00.000Z' });
    expect(recomputed.deadline.getTime()).toBeGreaterThan(first.deadline.getTime());
  });

  it('tells people, in Chinese and in local time, why the deadline may still move', () => {
    const note = provisionalNote({ since: '2026-12-31T16:00:00.000Z' }, 'Asia/Shanghai');
    expect(note).toMatch(/^暂定期限/);
    expect(note).toContain('2027年1月1日');
    expect(note).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});
