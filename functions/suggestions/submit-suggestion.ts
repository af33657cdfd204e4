import { randomUUID } from 'node:crypto';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDeputyDirectory } from '../../shared/adapters/dynamodb/deputy-directory.ts';
import { tableName } from '../../shared/config/env.ts';
import { submitSuggestionRoute } from '../../shared/contracts/suggestions.ts';
import { type FieldError, UnprocessableError } from '../../shared/domain/errors.ts';
import { submitSuggestion } from '../../shared/domain/suggestions/submit-suggestion.ts';
import { listedDeputies } from '../../shared/domain/suggestions/suggestion-listing.ts';
import { citeMedia } from '../media/media-citations.ts';
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
const deputies = new DynamoDeputyDirectory(getDocumentClient(), tableName('registry'));

/**
 * Files a suggestion: the record, its first timeline entry and one list pointer per signatory deputy
 * are written in one transaction, so the filer and every co-signer find it in `GET /suggestions`.
 * The attachments are attached to it in the same transaction (the filer's own completed uploads,
 * attached to nothing before).
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
      await requireRegisteredDeputies(record.coSignerIds);
      const claims = await citeMedia(principal, record.attachments, '/body/attachments', {
        kind: 'suggestion',
        id,
        part: 'attachment',
        seq: entry.seq,
        by: principal.userId,
        at: entry.at,
      });
      await store.create(record, entry, {
        index: index.recordKeys(record),
        side: [
          ...index.deputyPointers(record, listedDeputies(record)),
          ...(idempotency ? [idempotency] : []),
        ],
        claims,
      });
      return suggestionView(record, principal, at, env);
    },
  });
});

/**
 * Co-signers must be deputies the directory knows and has not disabled: a made-up id, or a handler's,
 * would leave a rating that no one can give.
 */
const requireRegisteredDeputies = async (ids: readonly string[]): Promise<void> => {
  const found = await Promise.all(ids.map((id) => deputies.getDeputy(id)));
  const errors: FieldError[] = [];
  for (const [i, deputy] of found.entries()) {
    if (deputy?.status !== 'active') {
      errors.push({
        path: `/body/coSignerIds/${i}`,
        message: `${ids[i]} 不是已登记的人大代表 (not a registered deputy)`,
      });
    }
  }
  if (errors.length > 0) {
    throw new UnprocessableError(
      '附议代表须为已登记的人大代表 (co-signers must be registered deputies)',
      errors,
    );
  }
};
