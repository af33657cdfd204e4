import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoSuggestionIndex } from '../../shared/adapters/dynamodb/suggestion-index.ts';
import { DynamoWorkflowStore } from '../../shared/adapters/dynamodb/workflow-store.ts';
import type { Clock } from '../../shared/config/clock.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { tableName, timeZone } from '../../shared/config/env.ts';
import { defaultWorkingCalendar } from '../../shared/domain/calendar/working-calendar.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import type { Principal } from '../../shared/domain/roles.ts';
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
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../shared/domain/suggestions/suggestion-record.ts';

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
  calendar: defaultWorkingCalendar({ timeZone: timeZone() }),
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
  return {
    ...record,
    allowedActions: allowedSuggestionActions(principal, record, { at: now, env }),
    overdue: isSuggestionOverdue(record, now, env.calendar),
    overdueCoUnits: overdueCoUnits(record, now, env.calendar),
    ...(limit === undefined ? {} : { latestReplyDue: limit }),
  };
};
