import type { Clock } from '../../shared/config/clock.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { provisionalMarkOf, provisionalNote } from '../../shared/domain/calendar/provisional-deadline.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import type { Principal } from '../../shared/domain/roles.ts';

/**
 * What the case and suggestion functions share (workflow is their shared kernel, not a context):
 * the clock, reading a record the caller may see, and the note on a provisional date.
 */
export const clock: Clock = systemClock;

/**
 * Reads a record the principal may see; one it may not see is reported as absent (404 with
 * `notFound`), so a record's existence is never confirmed to someone who may not read it.
 */
export const loadVisibleRecord = async <R>(
  store: { get(id: string): Promise<R | undefined> },
  id: string,
  principal: Principal,
  canView: (principal: Principal, record: R) => boolean,
  notFound: string,
): Promise<R> => {
  const record = await store.get(id);
  if (!record || !canView(principal, record)) throw new NotFoundError(notFound);
  return record;
};

/**
 * A date counted past the loaded working calendar is shown with the reason it may still move; `date`
 * is the record's deadline (cases) or hand-back date (suggestions).
 */
export const provisionalDateNote = (
  record: { provisional?: boolean; provisionalSince?: string },
  date: string | undefined,
  timeZone: string,
): { provisionalNote?: string } => {
  const mark = date === undefined ? undefined : provisionalMarkOf(record);
  return mark === undefined ? {} : { provisionalNote: provisionalNote(mark, timeZone) };
};
