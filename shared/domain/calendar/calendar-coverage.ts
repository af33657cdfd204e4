import { localDateOf } from './local-date.ts';
import { formatLocalDate } from './local-time-text.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/**
 * How long the loaded working calendar lasts. The State Council announces next year's holidays in
 * November or December, so admins are told 60 days before the last covered day: one alert per covered
 * end date (its key is that date, so daily runs do not repeat it), and a metric the stack alarms on.
 */

export const COVERAGE_WARNING_DAYS = 60;
export const CALENDAR_ALERT_TARGET = 'workingCalendar';

/** Local days from today to the last covered day: 0 on that day, negative after; undefined if none. */
export const daysLeft = (calendar: Pick<WorkingCalendar, 'coveredThrough' | 'timeZone'>, now: Date) => {
  if (calendar.coveredThrough === undefined) return undefined;
  const today = localDateOf(now, calendar.timeZone);
  return Math.round((Date.parse(calendar.coveredThrough) - Date.parse(today)) / 86_400_000);
};

export interface CalendarAlert {
  kind: 'calendarRunningOut';
  level: 'system';
  targetId: typeof CALENDAR_ALERT_TARGET;
  /** The last covered day (`none` when nothing is loaded): one alert per end date. */
  period: string;
  raisedAt: string;
  /** Days left (0 when nothing is loaded). */
  value: number;
  threshold: number;
  message: string;
}

const runningOutMessage = (through: string, left: number): string => {
  const next = Number(through.slice(0, 4)) + 1;
  const when = left >= 0 ? `还剩 ${left} 天` : `已过期 ${-left} 天`;
  return (
    `工作日历只载入到 ${formatLocalDate(through)}（${when}）。请在国务院办公厅发布《关于${next}年部分节假日安排的通知》后，` +
    `由管理员载入 ${next} 年日历（PUT /calendar/years/${next}）；在此之前，跨入 ${next} 年的办理期限暂按仅扣除周末计算并标记为暂定。` +
    ` (The working calendar ends on ${through}, ${left >= 0 ? `in ${left} days` : `${-left} days ago`}: load ${next} once` +
    ' its holiday notice is published; deadlines counted past the end are provisional until then.)'
  );
};

const NOTHING_LOADED =
  '工作日历尚未载入任何年份，所有办理期限均暂按仅扣除周末计算并标记为暂定。请管理员载入国务院办公厅的节假日安排通知' +
  '（PUT /calendar/years/{year}）。 (No working calendar is loaded: every deadline is provisional until one is.)';

/** The alert due at `now`, or undefined while more than 60 days are left. */
export const calendarAlertFor = (calendar: WorkingCalendar, now: Date): CalendarAlert | undefined => {
  const left = daysLeft(calendar, now);
  if (left !== undefined && left > COVERAGE_WARNING_DAYS) return undefined;
  return {
    kind: 'calendarRunningOut',
    level: 'system',
    targetId: CALENDAR_ALERT_TARGET,
    period: calendar.coveredThrough ?? 'none',
    raisedAt: now.toISOString(),
    value: left ?? 0,
    threshold: COVERAGE_WARNING_DAYS,
    message:
      calendar.coveredThrough === undefined
        ? NOTHING_LOADED
        : runningOutMessage(calendar.coveredThrough, left ?? 0),
  };
};
