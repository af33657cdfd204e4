import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { transitionSuggestion } from '../../shared/application/suggestions/transition-suggestion.ts';
import { tableName } from '../../shared/config/env.ts';
import { transitionSuggestionRoute } from '../../shared/contracts/suggestions.ts';
import { freshWorkingCalendar } from '../calendar/live-calendar.ts';
import { citeMedia } from '../media/media-citations.ts';
import { httpHandler } from '../middleware/http.ts';
import { expectedVersion } from '../middleware/if-match.ts';
import {
  clock,
  loadVisibleSuggestion,
  suggestionEnv,
  suggestionStore,
  suggestionView,
} from './suggestion-context.ts';

const suggestions = suggestionStore();
const registry = new DynamoRegistryStore(getDocumentClient(), tableName('registry'));
const env = suggestionEnv();
const ports = {
  suggestions,
  citeMedia,
  departmentExists: async (id: string) => (await registry.getDepartment(id)) !== undefined,
  env,
};

/**
 * Parse → `transitionSuggestion` (shared/application/suggestions) → the suggestion as the caller sees
 * it. Stored with a version condition: of two conflicting actions only one is recorded, the other 409.
 */
export const handler = httpHandler(
  transitionSuggestionRoute,
  async ({ params, body, principal, headers }) => {
    await freshWorkingCalendar();
    const at = clock();
    const loaded = await loadVisibleSuggestion(suggestions, params.id, principal);
    const expected = expectedVersion(body.version, headers['if-match']);
    const record = await transitionSuggestion(ports, {
      loaded,
      action: body.action,
      principal,
      payload: body.payload,
      at,
      ...(expected === undefined ? {} : { expectedVersion: expected }),
    });
    return suggestionView(record, principal, at, env);
  },
);
