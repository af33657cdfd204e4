import { describe, expect, it } from 'vitest';
import {
  hoursEndingWith,
  lastCompleteHourBefore,
  monthProgressAt,
  sameHourInEarlierWeeks,
} from '../../../../shared/domain/carbon/anomalies/anomaly-hours.ts';

const SHANGHAI = 'Asia/Shanghai';

describe('anomaly scan hour labels', () => {
  it('judges the last hour that has fully ended before the fire time, in local time', () => {
    // 07:10Z is 15:10 in Shanghai: 14:00–15:00 is the last complete hour.
    expect(lastCompleteHourBefore(new Date('2026-11-25T07:10:00Z'), SHANGHAI)).toBe('2026-11-25T14');
    // 16:10Z on the 30th is 00:10 on 1 December locally: the last hour of November.
    expect(lastCompleteHourBefore(new Date('2026-11-30T16:10:00Z'), SHANGHAI)).toBe('2026-11-30T23');
    // Fired exactly on the hour, the hour just ended is complete.
    expect(lastCompleteHourBefore(new Date('2026-11-25T07:00:00Z'), SHANGHAI)).toBe('2026-11-25T14');
  });

  it('takes the same wall-clock hour on the same weekday in earlier weeks, across month ends', () => {
    expect(sameHourInEarlierWeeks('2026-11-04T03', 3)).toEqual([
      '2026-10-28T03',
      '2026-10-21T03',
      '2026-10-14T03',
    ]);
  });

  it('steps real hours back across midnight, and across a daylight-saving gap', () => {
    expect(hoursEndingWith('2026-11-25T01', 3, SHANGHAI)).toEqual([
      '2026-11-24T23',
      '2026-11-25T00',
      '2026-11-25T01',
    ]);
    // Berlin skips 02:00–03:00 on 2026-03-29: the hour before 03 is 01.
    expect(hoursEndingWith('2026-03-29T03', 3, 'Europe/Berlin')).toEqual([
      '2026-03-29T00',
      '2026-03-29T01',
      '2026-03-29T03',
    ]);
  });

  it('measures how far into its month the judged hour ends, in real hours', () => {
    // 24 whole days of November plus 00:00–15:00 on the 25th: 24 × 24 + 15 = 591 of 30 × 24 = 720.
    expect(monthProgressAt('2026-11-25T14', SHANGHAI)).toEqual({
      month: '2026-11',
      elapsedHours: 591,
      hoursInMonth: 720,
    });
    // March in Berlin has one hour fewer: 31 × 24 − 1 = 743.
    expect(monthProgressAt('2026-03-31T23', 'Europe/Berlin')).toEqual({
      month: '2026-03',
      elapsedHours: 743,
      hoursInMonth: 743,
    });
  });
});
