import { getSuggestionTimelineRoute } from '../../shared/contracts/suggestions.ts';
import { httpHandler } from '../middleware/http.ts';
import { loadVisibleSuggestion, suggestionStore } from './suggestion-context.ts';

const store = suggestionStore();

export const handler = httpHandler(getSuggestionTimelineRoute, async ({ params, principal }) => {
  await loadVisibleSuggestion(store, params.id, principal);
  return { suggestionId: params.id, entries: await store.timeline(params.id) };
});
