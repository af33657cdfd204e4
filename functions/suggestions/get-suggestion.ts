import { getSuggestionRoute } from '../../shared/contracts/suggestions.ts';
import { httpHandler } from '../middleware/http.ts';
import {
  clock,
  loadVisibleSuggestion,
  suggestionEnv,
  suggestionStore,
  suggestionView,
  withDueRoundClosed,
} from './suggestion-context.ts';

const store = suggestionStore();
const env = suggestionEnv();

export const handler = httpHandler(getSuggestionRoute, async ({ params, principal }) => {
  const now = clock();
  const loaded = await loadVisibleSuggestion(store, params.id, principal);
  const record = await withDueRoundClosed(store, loaded, now, env);
  return suggestionView(record, principal, now, env);
});
