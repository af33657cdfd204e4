import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoSuggestionStore } from '../../shared/adapters/dynamodb/suggestion-store.ts';
import { ratingRoundDays, tableName } from '../../shared/config/env.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { pendingRaters, ratingsDueOf } from '../../shared/domain/suggestions/rating-round.ts';
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
import { latestReply, type SuggestionRecord } from '../../shared/domain/suggestions/suggestion-record.ts';
import type { SuggestionStore } from '../../shared/ports/suggestion-store.ts';
import { liveWorkingCalendar } from '../calendar/live-calendar.ts';
import { clock, loadVisibleRecord, provisionalDateNote } from '../workflow/record-context.ts';

/** Wiring shared by the suggestion functions: store (with its lists), clock, calendar, visibility. */
export const suggestionStore = (): SuggestionStore =>
  new DynamoSuggestionStore(getDocumentClient(), tableName('workflow'));

export { clock };

export const suggestionEnv = (): SuggestionEnv => ({
  // Live: a handler that counts working days calls `await freshWorkingCalendar()` first.
  calendar: liveWorkingCalendar(),
  ratingRoundDays: ratingRoundDays(),
});

/**
 * The environment for one request's many records: the live calendar's zone is read once (from the
 * environment, until a handler has loaded the calendar) instead of several times a record; everything
 * else is the live calendar's own, read when asked, as before.
 */
export const requestEnv = (env: SuggestionEnv): SuggestionEnv => ({
  ...env,
  calendar: Object.create(env.calendar, { timeZone: { value: env.calendar.timeZone } }),
});

/** Reads a suggestion the principal may see; one it may not see is reported as absent (404). */
export const loadVisibleSuggestion = (
  store: SuggestionStore,
  id: string,
  principal: Principal,
): Promise<SuggestionRecord> =>
  loadVisibleRecord(store, id, principal, canViewSuggestion, `代表建议不存在 (suggestion ${id} not found)`);

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
    ...provisionalDateNote(record, record.handBackDue, env.calendar.timeZone),
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

export { withDueRoundClosed } from '../../shared/application/suggestions/rating-round-closing.ts';
