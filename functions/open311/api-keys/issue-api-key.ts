import { randomBytes } from 'node:crypto';
import { hashApiKeySecret, newApiKeySecret } from '../../../shared/adapters/api-key-secret.ts';
import { systemClock } from '../../../shared/config/clock.ts';
import { issueApiKeyRoute } from '../../../shared/contracts/api-keys.ts';
import { type ApiKeyRecord, apiKeyView, composeApiKey } from '../../../shared/domain/open311/api-keys.ts';
import { ulid } from '../../../shared/domain/registry/registry-id.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { httpHandler } from '../../middleware/http.ts';
import { apiKeyStore } from './api-key-context.ts';

/** POST /api-keys (admin): a key for one Open311 client, shown once; only its hash is kept. */
export const handler = httpHandler(issueApiKeyRoute, async ({ body, principal }) => {
  const at = systemClock();
  const secret = newApiKeySecret();
  const record: ApiKeyRecord = {
    id: ulid(at, randomBytes(10)),
    clientName: body.clientName,
    ratePerMinute: body.ratePerMinute,
    burst: body.burst ?? Math.min(body.ratePerMinute, 1000),
    secretHash: hashApiKeySecret(secret),
    status: 'active',
    createdAt: at.toISOString(),
    createdBy: principal.userId,
  };
  await apiKeyStore().create(record);
  // Who handed out a key, and to whom, is worth a log line; the key itself never is.
  logger.info('api key issued', { keyId: record.id, clientName: record.clientName, by: principal.userId });
  return { ...apiKeyView(record), apiKey: composeApiKey(record.id, secret) };
});
