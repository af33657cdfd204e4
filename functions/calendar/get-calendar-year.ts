import { getCalendarYearRoute } from '../../shared/contracts/calendar.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import { httpHandler } from '../middleware/http.ts';
import { calendarStore } from './live-calendar.ts';

const store = calendarStore();

/** One year as loaded (any signed-in user: the holidays are public): current, or `?version=n`. */
export const handler = httpHandler(getCalendarYearRoute, async ({ params, query }) => {
  const found = await store.getYear(params.year, query.version);
  if (!found) {
    const which = query.version === undefined ? '' : `第 ${query.version} 版`;
    throw new NotFoundError(
      `${params.year} 年工作日历${which}未载入 (calendar year ${params.year} not loaded)`,
    );
  }
  return found;
});
