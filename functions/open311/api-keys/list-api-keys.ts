import { listApiKeysRoute } from '../../../shared/contracts/api-keys.ts';
import { apiKeyView } from '../../../shared/domain/open311/api-keys.ts';
import { httpHandler } from '../../middleware/http.ts';
import { apiKeyStore } from './api-key-context.ts';

/** GET /api-keys (admin): every key, newest first, with its client and limit — never its secret. */
export const handler = httpHandler(listApiKeysRoute, async ({ query }) => {
  const page = await apiKeyStore().list({
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { items: page.items.map(apiKeyView), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
});
