import { decodeCursor, encodeCursor } from '../../shared/adapters/dynamodb/cursor.ts';
import { listImportsRoute } from '../../shared/contracts/imports.ts';
import { httpHandler } from '../middleware/http.ts';
import { importScope, importStore, importSummary } from './imports-context.ts';

const store = importStore();

/** Imports, newest first, with progress and counts: admins all, an enterprise account its own. */
export const handler = httpHandler(listImportsRoute, async ({ query, principal }) => {
  const page = await store.list(
    query.limit,
    decodeCursor(query.cursor, {
      gsi1pk: { equals: 'IMPORTS' },
      gsi1sk: 'any',
      pk: { beginsWith: 'IMPORT#' },
      sk: { equals: '#import' },
    }),
    importScope(principal),
  );
  const cursor = encodeCursor(page.next);
  return {
    items: page.items.map(importSummary),
    ...(cursor ? { cursor } : {}),
  };
});
