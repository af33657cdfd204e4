import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoCalendarStore } from '../../shared/adapters/dynamodb/calendar-store.ts';
import { ConfigError, tableEnvVar, tableName, timeZone } from '../../shared/config/env.ts';
import { minuteOfDay } from '../../shared/domain/calendar/local-date.ts';
import {
  buildWorkingCalendar,
  officeHours,
  type WorkingCalendar,
} from '../../shared/domain/calendar/working-calendar.ts';
import { lazily } from '../../shared/domain/lazily.ts';
import type { CalendarStore, CalendarYearVersion } from '../../shared/ports/calendar-store.ts';

/**
 * The working calendar of this Lambda instance, read from the calendar table (the years admins
 * loaded) and kept for a minute: a load reaches every instance within that time, and a busy
 * function reads the table once a minute, not once a request.
 *
 * `liveWorkingCalendar()` is a WorkingCalendar whose fields read the latest snapshot, so the module-
 * level environments of the case and suggestion functions stay as they were; a handler that counts
 * working time calls `await freshWorkingCalendar()` first. Before that, the zone and office hours
 * are there (views need no more), and asking which days are working days fails loudly: the function
 * lacks `calendar: 'read'` in the manifest, or forgot to refresh.
 */

export const CALENDAR_TTL_MS = 60_000;

let snapshot: { calendar: WorkingCalendar; readAt: number } | undefined;
let store: CalendarStore | undefined;

export const calendarStore = (): CalendarStore => {
  store ??= new DynamoCalendarStore(getDocumentClient(), tableName('calendar'));
  return store;
};

/** The calendar of these loaded years, in the deployment's zone. */
export const calendarOf = (years: readonly CalendarYearVersion[]): WorkingCalendar =>
  buildWorkingCalendar(
    years.map((year) => year.document),
    { timeZone: timeZone() },
  );

/** The calendar of the years loaded now. */
export const readWorkingCalendar = async (
  source: CalendarStore = calendarStore(),
): Promise<WorkingCalendar> => calendarOf(await source.currentYears());

/** Reads the table unless this instance did so less than a minute ago; returns the calendar. */
export const freshWorkingCalendar = async (now = Date.now()): Promise<WorkingCalendar> => {
  if (snapshot === undefined || now - snapshot.readAt >= CALENDAR_TTL_MS) {
    if (process.env[tableEnvVar('calendar')] === undefined) {
      throw new ConfigError(
        '此函数无权读取工作日历：请在 manifest 中授予 calendar 读权限 ' +
          '(this function may not read the working calendar: give it calendar read in the manifest)',
      );
    }
    snapshot = { calendar: await readWorkingCalendar(), readAt: now };
  }
  return snapshot.calendar;
};

/** After a load in this instance: the next refresh reads the table again. */
export const forgetWorkingCalendar = (): void => {
  snapshot = undefined;
};

const loaded = (): WorkingCalendar => {
  if (snapshot === undefined) {
    throw new ConfigError(
      '工作日历尚未读取：计算工作时间前须调用 freshWorkingCalendar() ' +
        '(the working calendar was not loaded: call freshWorkingCalendar() before counting working time)',
    );
  }
  return snapshot.calendar;
};

/** The office day before the table is read, in minutes; built on first use (working-calendar.ts). */
const officePeriods: () => WorkingCalendar['officePeriods'] = lazily(() =>
  officeHours().map((p) => ({ start: minuteOfDay(p.start), end: minuteOfDay(p.end) })),
);

const live: WorkingCalendar = {
  get timeZone() {
    return snapshot?.calendar.timeZone ?? timeZone();
  },
  get officePeriods() {
    return snapshot?.calendar.officePeriods ?? officePeriods();
  },
  get holidays() {
    return loaded().holidays;
  },
  get makeUpWorkdays() {
    return loaded().makeUpWorkdays;
  },
  get coveredYears() {
    return loaded().coveredYears;
  },
  get coveredFrom() {
    return loaded().coveredFrom;
  },
  get coveredThrough() {
    return loaded().coveredThrough;
  },
  get unverifiedYears() {
    return loaded().unverifiedYears;
  },
};

export const liveWorkingCalendar = (): WorkingCalendar => live;
