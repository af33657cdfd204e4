import {
  getCalendarYearRoute,
  listCalendarYearsRoute,
  putCalendarYearRoute,
} from '../../shared/contracts/calendar.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

/** The working calendar: admins load the State Council's yearly notice; a daily job watches its end. */
export const CALENDAR_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'calendarPutYear',
    entry: 'functions/calendar/put-calendar-year.ts',
    description: 'Load one calendar year (new version) and recompute the provisional deadlines it covers',
    timeoutSeconds: 29,
    memoryMb: 512,
    trigger: { kind: 'http', routes: [putCalendarYearRoute] },
    tables: { calendar: 'readWrite', workflow: 'readWrite' },
  },
  {
    id: 'calendarListYears',
    entry: 'functions/calendar/list-calendar-years.ts',
    description: 'The covered range of the working calendar, its years and versions',
    trigger: { kind: 'http', routes: [listCalendarYearsRoute] },
    tables: { calendar: 'read' },
  },
  {
    id: 'calendarGetYear',
    entry: 'functions/calendar/get-calendar-year.ts',
    description: 'One calendar year as loaded, current or an earlier version',
    trigger: { kind: 'http', routes: [getCalendarYearRoute] },
    tables: { calendar: 'read' },
  },
  {
    id: 'jobCalendarCoverage',
    entry: 'functions/calendar/check-calendar-coverage.ts',
    description:
      'Days the working calendar has left (metric), an admin alert 60 days before its end, leftover recomputations',
    timeoutSeconds: 300,
    memoryMb: 512,
    trigger: {
      kind: 'schedule',
      job: 'calendarCoverage',
      expression: 'cron(0 9 * * ? *)',
      description: 'Working calendar coverage check at 09:00 local time every day (工作日历到期检查)',
    },
    tables: { calendar: 'read', workflow: 'readWrite', carbon: 'write' },
  },
];
