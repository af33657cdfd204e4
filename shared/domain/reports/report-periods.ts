import { daysInMonth } from '../calendar/calendar-months.ts';
import { addDays, localDateOf } from '../calendar/local-date.ts';

/**
 * Which period a report run covers and what it is compared with. A scheduled run reports the last
 * complete period before its fire time (the daily job at 00:30 reports yesterday; the monthly job on
 * the 1st reports last month); `npm run job -- … --period` names one explicitly.
 */

export type ReportGranularity = 'day' | 'month';

export interface ReportPeriods {
  period: string;
  previous: string;
  lastYear: string;
  /** Sub-period labels for the chart: the day's hours or the month's days. */
  parts: string[];
}

const pad = (value: number) => String(value).padStart(2, '0');

export const completedPeriodBefore = (
  granularity: ReportGranularity,
  scheduledTime: Date,
  timeZone: string,
): string => {
  const yesterday = addDays(localDateOf(scheduledTime, timeZone), -1);
  return granularity === 'day' ? yesterday : yesterday.slice(0, 7);
};

export const reportPeriods = (granularity: ReportGranularity, period: string): ReportPeriods => {
  if (granularity === 'day') {
    const [year, month, day] = period.split('-').map(Number) as [number, number, number];
    // 29 February compares with 28 February a year earlier.
    const lastYearDay = Math.min(day, daysInMonth(year - 1, month));
    return {
      period,
      previous: addDays(period, -1),
      lastYear: `${year - 1}-${pad(month)}-${pad(lastYearDay)}`,
      parts: Array.from({ length: 24 }, (_, hour) => `${period}T${pad(hour)}`),
    };
  }
  const [year, month] = period.split('-').map(Number) as [number, number];
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  return {
    period,
    previous,
    lastYear: `${year - 1}-${pad(month)}`,
    parts: Array.from({ length: daysInMonth(year, month) }, (_, index) => `${period}-${pad(index + 1)}`),
  };
};
