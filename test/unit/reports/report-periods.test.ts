import { describe, expect, it } from 'vitest';
import { completedPeriodBefore, reportPeriods } from '../../../shared/domain/reports/report-periods.ts';

describe('report periods', () => {
  it('reports the last complete local day or month before the fire time', () => {
    // 2026-11-30T16:30Z is 00:30 on 1 December in Shanghai
    expect(completedPeriodBefore('day', new Date('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe(
      '2026-11-30',
    );
    expect(completedPeriodBefore('month', new Date('2026-11-30T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11');
    // the same instant is still 30 November in UTC
    expect(completedPeriodBefore('day', new Date('2026-11-30T16:30:00Z'), 'UTC')).toBe('2026-11-29');
  });

  it('compares a day with the day before and the same day last year', () => {
    const day = reportPeriods('day', '2028-02-29');
    expect(day).toMatchObject({ previous: '2028-02-28', lastYear: '2027-02-28' });
    expect(day.parts).toHaveLength(24);
    expect(day.parts[23]).toBe('2028-02-29T23');
  });

  it('compares a month with the month before (across a year) and last year', () => {
    const month = reportPeriods('month', '2026-01');
    expect(month).toMatchObject({ previous: '2025-12', lastYear: '2025-01' });
    expect(reportPeriods('month', '2026-02').parts).toHaveLength(28);
  });
});
