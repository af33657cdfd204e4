import { getSuggestionStatisticsRoute } from '../../shared/contracts/suggestion-statistics.ts';
import { addDays, localTimeToInstant } from '../../shared/domain/calendar/local-date.ts';
import { ForbiddenError, UnprocessableError } from '../../shared/domain/errors.ts';
import { hasAnyRole, type Principal } from '../../shared/domain/roles.ts';
import { SUGGESTION_OVERSEERS } from '../../shared/domain/suggestions/suggestion-permissions.ts';
import type { SuggestionRecord } from '../../shared/domain/suggestions/suggestion-record.ts';
import { computeSuggestionStatistics } from '../../shared/domain/suggestions/suggestion-statistics.ts';
import type { SuggestionListScope } from '../../shared/ports/suggestion-store.ts';
import { httpHandler } from '../middleware/http.ts';
import { suggestionEnv, suggestionStore } from './suggestion-context.ts';

const store = suggestionStore();
const env = suggestionEnv();

/**
 * Computed on request from the suggestions filed in the period. A city files hundreds of suggestions a
 * year, so reading them is cheap; past this many the caller is asked to narrow the period.
 */
const MAX_SUGGESTIONS = 5000;
const PAGE = 100;

/** Supervisors and admins may ask for any unit or none; a head always gets their own unit. */
const unitFor = (principal: Principal, requested: string | undefined): string | undefined => {
  if (hasAnyRole(principal, SUGGESTION_OVERSEERS)) return requested;
  const own = principal.departmentId;
  if (own === undefined || (requested !== undefined && requested !== own)) {
    throw new ForbiddenError(
      '单位负责人只能查看本单位的统计 (a unit head sees the statistics of their own unit only)',
    );
  }
  return own;
};

export const handler = httpHandler(getSuggestionStatisticsRoute, async ({ query, principal }) => {
  const unit = unitFor(principal, query.unit);
  const zone = env.calendar.timeZone;
  // Filing instants from the start of `from` to the end of `to`, local days in the deployment zone.
  const first = localTimeToInstant(query.from, 0, zone).toISOString();
  const last = new Date(localTimeToInstant(addDays(query.to, 1), 0, zone).getTime() - 1).toISOString();
  const scope: SuggestionListScope = unit === undefined ? { kind: 'all' } : { kind: 'unit', unitId: unit };
  const records = await readAll(scope, [first, last]);
  // A unit's list also holds what it co-handles; its statistics count what it leads.
  const counted = unit === undefined ? records : records.filter((r) => r.assignment?.leadUnitId === unit);
  return {
    from: query.from,
    to: query.to,
    ...(unit === undefined ? {} : { unit }),
    ...computeSuggestionStatistics(counted),
  };
});

const readAll = async (
  scope: SuggestionListScope,
  between: [string, string],
): Promise<SuggestionRecord[]> => {
  const records: SuggestionRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(scope, { limit: PAGE, between, ...(cursor ? { cursor } : {}) });
    records.push(...page.items);
    if (records.length > MAX_SUGGESTIONS) {
      throw new UnprocessableError(
        `该区间内的建议超过 ${MAX_SUGGESTIONS} 件，请缩小区间 (more than ${MAX_SUGGESTIONS} suggestions in this period; narrow it)`,
      );
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return records;
};
