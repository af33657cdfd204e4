import { systemClock } from '../../shared/config/clock.ts';
import { putCalendarYearRoute } from '../../shared/contracts/calendar.ts';
import { nextCalendarVersion } from '../../shared/domain/calendar/calendar-load.ts';
import { httpHandler } from '../middleware/http.ts';
import { expectedVersion } from '../middleware/if-match.ts';
import { calendarStore, forgetWorkingCalendar, readWorkingCalendar } from './live-calendar.ts';
import { recomputeProvisionalDeadlines } from './recompute-provisional.ts';

const store = calendarStore();

/**
 * Loads one year (admins only, checked by the route): a new immutable version, then every open
 * provisional deadline the loaded years now cover is counted again, before the answer. Should that
 * be cut short, the daily calendar job finishes it.
 */
export const handler = httpHandler(putCalendarYearRoute, async ({ params, body, principal, headers }) => {
  const at = systemClock();
  const next = nextCalendarVersion({
    pathYear: params.year,
    document: body,
    expectedVersion: expectedVersion(undefined, headers['if-match']),
    loaded: await store.currentYears(),
    by: principal.userId,
    at,
  });
  await store.putYear(next);
  forgetWorkingCalendar();
  const recomputed = await recomputeProvisionalDeadlines(await readWorkingCalendar(store), at);
  return { ...next, recomputed };
});
