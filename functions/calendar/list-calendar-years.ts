import { systemClock } from '../../shared/config/clock.ts';
import { listCalendarYearsRoute } from '../../shared/contracts/calendar.ts';
import { COVERAGE_WARNING_DAYS, daysLeft } from '../../shared/domain/calendar/calendar-coverage.ts';
import type { CalendarYearVersion } from '../../shared/ports/calendar-store.ts';
import { httpHandler } from '../middleware/http.ts';
import { calendarOf, calendarStore } from './live-calendar.ts';

const store = calendarStore();

/** A version without its document. */
const facts = ({ year, version, loadedAt, loadedBy }: CalendarYearVersion) => ({
  year,
  version,
  loadedAt,
  loadedBy,
});

/** The covered range, how long it lasts, and every loaded year with its versions. */
export const handler = httpHandler(listCalendarYearsRoute, async () => {
  const current = await store.currentYears();
  const calendar = calendarOf(current);
  const left = daysLeft(calendar, systemClock());
  const years = await Promise.all(
    current.map(async (entry) => ({
      ...facts(entry),
      verified: entry.document.verified,
      source: entry.document.source,
      versions: (await store.versions(entry.year)).map(facts),
    })),
  );
  return {
    ...(calendar.coveredFrom === undefined ? {} : { coveredFrom: calendar.coveredFrom }),
    ...(calendar.coveredThrough === undefined ? {} : { coveredThrough: calendar.coveredThrough }),
    ...(left === undefined ? {} : { daysLeft: left }),
    warningDays: COVERAGE_WARNING_DAYS,
    years,
  };
});
