import { randomUUID } from 'node:crypto';
import { submitSuggestionRoute } from '../../shared/contracts/suggestions.ts';
import { submitSuggestion } from '../../shared/domain/suggestions/submit-suggestion.ts';
import { listedDeputies } from '../../shared/domain/suggestions/suggestion-listing.ts';
import { httpHandler } from '../middleware/http.ts';
import { createIdempotently } from '../middleware/idempotent-create.ts';
import {
  clock,
  suggestionEnv,
  suggestionIndex,
  suggestionStore,
  suggestionView,
} from './suggestion-context.ts';

const store = suggestionStore();
const index = suggestionIndex();
const env = suggestionEnv();

/**
 * Files a suggestion: the record, its first timeline entry and one list pointer per signatory deputy
 * are written in one transaction, so the filer and every co-signer find it in `GET /suggestions`.
 */
export const handler = httpHandler(submitSuggestionRoute, async ({ body, principal, headers }) => {
  const at = clock();
  const id = randomUUID();
  return createIdempotently({
    scope: 'SUGGESTION',
    principal,
    header: headers['idempotency-key'],
    body,
    nextId: id,
    at,
    getSide: (pk, sk) => store.getSide(pk, sk),
    load: async (earlierId) => {
      const record = await store.get(earlierId);
      return record && suggestionView(record, principal, at, env);
    },
    create: async (idempotency) => {
      const { record, entry } = submitSuggestion({ id, principal, payload: body, at });
      await store.create(record, entry, {
        index: index.recordKeys(record),
        side: [
          ...index.deputyPointers(record, listedDeputies(record)),
          ...(idempotency ? [idempotency] : []),
        ],
      });
      return suggestionView(record, principal, at, env);
    },
  });
});
