import { getSuggestionRoute } from '../../shared/contracts/suggestions.ts';
import { httpHandler } from '../middleware/http.ts';
import {
  clock,
  loadVisibleSuggestion,
  suggestionEnv,
  suggestionStore,
  suggestionView,
} from './suggestion-context.ts';

const store = suggestionStore();
const env = suggestionEnv();

export const handler = httpHandler(getSuggestionRoute, async ({ params, principal }) => {
  const record = await loadVisibleSuggestion(store, params.id, principal);
  return suggestionView(record, principal, clock(), env);
});
