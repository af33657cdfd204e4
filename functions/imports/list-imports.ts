import { decodeCursor, encodeCursor } from '../../shared/adapters/dynamodb/cursor.ts';
import { listImportsRoute } from '../../shared/contracts/imports.ts';
import { progressOf } from '../../shared/domain/imports/import-record.ts';
import { httpHandler } from '../middleware/http.ts';
import { importStore } from './imports-context.ts';

const store = importStore();

/** Admins only (route roles): imports, newest first, with their progress and counts. */
export const handler = httpHandler(listImportsRoute, async ({ query }) => {
  const page = await store.list(
    query.limit,
    decodeCursor(query.cursor, {
      gsi1pk: { equals: 'IMPORTS' },
      gsi1sk: 'any',
      pk: { beginsWith: 'IMPORT#' },
      sk: { equals: '#import' },
    }),
  );
  const cursor = encodeCursor(page.next);
  return {
    items: page.items.map(({ fileKey: _k, leaseUntil: _l, rowsDone: _r, refusedKey: _f, ...shown }) => ({
      ...shown,
      progress: progressOf({ ...shown, fileKey: '', rowsDone: _r }),
    })),
    ...(cursor ? { cursor } : {}),
  };
});
