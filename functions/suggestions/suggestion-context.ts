import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoSuggestionIndex } from '../../shared/adapters/dynamodb/suggestion-index.ts';
import { DynamoWorkflowStore } from '../../shared/adapters/dynamodb/workflow-store.ts';
import type { Clock } from '../../shared/config/clock.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { ratingRoundDays, tableName } from '../../shared/config/env.ts';
import { provisionalMarkOf, provisionalNote } from '../../shared/domain/calendar/provisional-deadline.ts';
import { ConflictError, NotFoundError } from '../../shared/domain/errors.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import {
  closeExpiredRatingRound,
  pendingRaters,
  ratingsDueOf,
} from '../../shared/domain/suggestions/rating-round.ts';
import { awaitedCoOpinions } from '../../shared/domain/suggestions/suggestion-co-opinions.ts';
import {
  isSuggestionOverdue,
  latestReplyDue,
  overdueCoUnits,
} from '../../shared/domain/suggestions/suggestion-deadlines.ts';
import {
  allowedSuggestionActions,
  type SuggestionEnv,
} from '../../shared/domain/suggestions/suggestion-machine.ts';
import { canViewSuggestion } from '../../shared/domain/suggestions/suggestion-permissions.ts';
import {
  latestReply,
  type SuggestionRecord,
  type SuggestionTimelineEntry,
} from '../../shared/domain/suggestions/suggestion-record.ts';
import { liveWorkingCalendar } from '../calendar/live-calendar.ts';

/** Wiring shared by the suggestion functions: store, list index, clock, calendar, visibility. */
export const suggestionStore = () =>
  new DynamoWorkflowStore<SuggestionRecord, SuggestionTimelineEntry>(
    getDocumentClient(),
    tableName('workflow'),
    'SUGGESTION',
  );

export type SuggestionStore = ReturnType<typeof suggestionStore>;

export const suggestionIndex = () => new DynamoSuggestionIndex(getDocumentClient(), tableName('workflow'));

export const clock: Clock = systemClock;

export const suggestionEnv = (): SuggestionEnv => ({
  // Live: a handler that counts working days calls `await freshWorkingCalendar()` first.
  calendar: liveWorkingCalendar(),
  ratingRoundDays: ratingRoundDays(),
});

const notFound = (id: string) => new NotFoundError(`代表建议不存在 (suggestion ${id} not found)`);

/** Reads a suggestion the principal may see; one it may not see is reported as absent (404). */
export const loadVisibleSuggestion = async (
  store: SuggestionStore,
  id: string,
  principal: Principal,
): Promise<SuggestionRecord> => {
  const record = await store.get(id);
  if (!record || !canViewSuggestion(principal, record)) throw notFound(id);
  return record;
};

/** The suggestion as a caller sees it: the actions open to them and the derived deadline facts. */
export const suggestionView = (
  record: SuggestionRecord,
  principal: Principal,
  now: Date,
  env: SuggestionEnv,
) => {
  const limit = latestReplyDue(record);
  const reply = latestReply(record);
  return {
    ...record,
    allowedActions: allowedSuggestionActions(principal, record, { at: now, env }),
    overdue: isSuggestionOverdue(record, now, env.calendar),
    overdueCoUnits: overdueCoUnits(record, now, env.calendar),
    ...handBackNote(record, env),
    awaitingCoOpinions: record.state === 'assigned' ? awaitedCoOpinions(record, now, env) : [],
    ...(limit === undefined ? {} : { latestReplyDue: limit }),
    ...(record.state === 'replied' && reply
      ? {
          ratingRound: {
            round: reply.round,
            ratingsDue: ratingsDueOf(reply, env),
            notRatedYet: pendingRaters(record),
          },
        }
      : {}),
  };
};

/** A provisional hand-back date is shown with the reason it may still move. */
const handBackNote = (record: SuggestionRecord, env: SuggestionEnv) => {
  const mark = record.handBackDue === undefined ? undefined : provisionalMarkOf(record);
  return mark === undefined ? {} : { provisionalNote: provisionalNote(mark, env.calendar.timeZone) };
};

/**
 * A rating round whose time is up is closed when the suggestion is next read or acted on (there is
 * no job for it): the closing is a versioned step like any other, so of two readers closing it at
 * once one writes and the other reads what it wrote.
 */
export const withDueRoundClosed = async (
  store: SuggestionStore,
  index: DynamoSuggestionIndex,
  record: SuggestionRecord,
  now: Date,
  env: SuggestionEnv,
): Promise<SuggestionRecord> => {
  const step = closeExpiredRatingRound(record, now, env);
  if (!step) return record;
  try {
    await store.update(step.record, step.entry, { index: index.recordKeys(step.record) });
    return step.record;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return (await store.get(record.id)) ?? record;
  }
};
