import { systemClock } from '../../../shared/config/clock.ts';
import { revokeApiKeyRoute } from '../../../shared/contracts/api-keys.ts';
import { NotFoundError } from '../../../shared/domain/errors.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { httpHandler } from '../../middleware/http.ts';
import { apiKeyStore } from './api-key-context.ts';

/**
 * DELETE /api-keys/{id} (admin): the key is refused from now on (403), its record kept. Revoking a
 * revoked key again is harmless (204); an unknown id is 404.
 */
export const handler = httpHandler(revokeApiKeyRoute, async ({ params, principal }) => {
  const store = apiKeyStore();
  const revoked = await store.markRevoked(params.id, systemClock().toISOString(), principal.userId);
  if (!revoked && (await store.get(params.id)) === undefined) {
    throw new NotFoundError(`没有此 API 密钥 (API key ${params.id} not found)`);
  }
  if (revoked) logger.info('api key revoked', { keyId: params.id, by: principal.userId });
  return null;
});
