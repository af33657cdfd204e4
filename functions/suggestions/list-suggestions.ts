import { listSuggestionsRoute } from '../../shared/contracts/suggestions.ts';
import { hasAnyRole, type Principal } from '../../shared/domain/roles.ts';
import { matchesSuggestionFilter } from '../../shared/domain/suggestions/suggestion-listing.ts';
import {
  canViewSuggestion,
  SUGGESTION_OVERSEERS,
  UNIT_STAFF,
} from '../../shared/domain/suggestions/suggestion-permissions.ts';
import type { SuggestionRecord } from '../../shared/domain/suggestions/suggestion-record.ts';
import type { SuggestionListScope } from '../../shared/ports/suggestion-store.ts';
import { httpHandler } from '../middleware/http.ts';
import {
  clock,
  requestEnv,
  suggestionEnv,
  suggestionStore,
  suggestionView,
  withDueRoundClosed,
} from './suggestion-context.ts';

const store = suggestionStore();
const liveEnv = suggestionEnv();

/** Index pages read per request at most; a page can come back short when filters skip many items. */
const MAX_ROUNDS = 5;

/**
 * The list a caller is allowed to read: supervisors and admins every suggestion (or one unit's, or
 * one state's), unit staff their unit's, deputies those they filed or co-signed. Someone holding
 * several roles gets the broadest list.
 */
const scopeOf = (
  principal: Principal,
  query: { unit?: string; state?: string },
): SuggestionListScope | undefined => {
  if (hasAnyRole(principal, SUGGESTION_OVERSEERS)) {
    if (query.unit !== undefined) return { kind: 'unit', unitId: query.unit };
    return query.state === undefined ? { kind: 'all' } : { kind: 'all', state: query.state };
  }
  if (hasAnyRole(principal, UNIT_STAFF)) {
    return principal.departmentId === undefined
      ? undefined
      : { kind: 'unit', unitId: principal.departmentId };
  }
  return { kind: 'deputy', userId: principal.userId };
};

/**
 * Deputies are listed on the suggestion they signed, not on its parts (a split would otherwise write
 * one pointer per signatory and part): their list shows each split suggestion followed by its parts.
 * The page is one Query (the index items hold the records); one batch read more for the parts when
 * any were split.
 */
const withParts = async (records: SuggestionRecord[], expand: boolean) => {
  if (!expand) return records;
  const partIds = records.flatMap((record) => record.parts?.map((part) => part.id) ?? []);
  const parts = new Map((await store.getMany(partIds)).flatMap((part) => (part ? [[part.id, part]] : [])));
  return records.flatMap((record) =>
    record.parts ? [record, ...record.parts.map((part) => parts.get(part.id))] : [record],
  );
};

/**
 * Filters (state, unit, key supervision, overdue, satisfaction) apply to the records read from the
 * caller's list, so a page may hold fewer than `limit` items while a cursor remains: follow the cursor
 * until it is absent.
 */
export const handler = httpHandler(listSuggestionsRoute, async ({ query, principal }) => {
  const now = clock();
  const env = requestEnv(liveEnv);
  const scope = scopeOf(principal, query);
  if (scope === undefined) return { items: [] };
  const { limit, cursor: start, ...filter } = query;
  const items: SuggestionRecord[] = [];
  let cursor = start;
  for (let round = 0; round < MAX_ROUNDS && items.length < limit; round += 1) {
    const page = await store.list(scope, { limit: limit - items.length, ...(cursor ? { cursor } : {}) });
    const loaded = await withParts(page.items, scope.kind === 'deputy');
    // Rounds whose time is up are closed here too, so a list never shows them still awaiting ratings.
    const records = await Promise.all(
      loaded.map((record) => record && withDueRoundClosed(store, record, now, env)),
    );
    for (const record of records) {
      if (
        record &&
        canViewSuggestion(principal, record) &&
        matchesSuggestionFilter(record, filter, now, env.calendar)
      ) {
        items.push(record);
      }
    }
    cursor = page.cursor;
    if (cursor === undefined) break;
  }
  return {
    items: items.map((record) => suggestionView(record, principal, now, env)),
    ...(cursor === undefined ? {} : { cursor }),
  };
});
