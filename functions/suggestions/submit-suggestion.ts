import { randomUUID } from 'node:crypto';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDeputyDirectory } from '../../shared/adapters/dynamodb/deputy-directory.ts';
import { submitSuggestion } from '../../shared/application/suggestions/submit-suggestion.ts';
import { tableName } from '../../shared/config/env.ts';
import { submitSuggestionRoute } from '../../shared/contracts/suggestions.ts';
import { citeMedia } from '../media/media-citations.ts';
import { httpHandler } from '../middleware/http.ts';
import { createIdempotently } from '../middleware/idempotent-create.ts';
import { clock, suggestionEnv, suggestionStore, suggestionView } from './suggestion-context.ts';

const suggestions = suggestionStore();
const env = suggestionEnv();
const deputies = new DynamoDeputyDirectory(getDocumentClient(), tableName('registry'));
const ports = {
  suggestions,
  citeMedia,
  isActiveDeputy: async (userId: string) => (await deputies.getDeputy(userId))?.status === 'active',
};

/**
 * Files a suggestion (shared/application/suggestions/submit-suggestion.ts): the filer and every
 * co-signer find it in `GET /suggestions`. `Idempotency-Key` as for `POST /cases`.
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
    findMark: (kind, key) => suggestions.findMark(kind, key),
    load: async (earlierId) => {
      const record = await suggestions.get(earlierId);
      return record && suggestionView(record, principal, at, env);
    },
    create: async (mark) => {
      const record = await submitSuggestion(ports, {
        id,
        principal,
        payload: body,
        at,
        ...(mark === undefined ? {} : { mark }),
      });
      return suggestionView(record, principal, at, env);
    },
  });
});
