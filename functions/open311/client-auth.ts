import { apiKeySecretMatches } from '../../shared/adapters/api-key-secret.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import { type ApiKeyRecord, parseApiKey, RateLimitedError } from '../../shared/domain/open311/api-keys.ts';
import { arrivalStep, retryAfterSeconds } from '../../shared/domain/open311/token-bucket.ts';
import { apiKeyStore } from './api-keys/api-key-context.ts';

/**
 * The client behind an `api_key` (403 when it is missing, unknown, wrong or revoked — one answer
 * for all, so keys cannot be probed), after taking one token from its bucket (429 when empty).
 */
export const authenticateClient = async (apiKey: string | undefined, now: Date): Promise<ApiKeyRecord> => {
  if (apiKey === undefined || apiKey.trim() === '') {
    throw new ForbiddenError('缺少 api_key，无法提交 (api_key is required to submit a request)');
  }
  const parsed = parseApiKey(apiKey);
  const record = parsed === undefined ? undefined : await apiKeyStore().get(parsed.id);
  const valid =
    parsed !== undefined &&
    record !== undefined &&
    apiKeySecretMatches(parsed.secret, record.secretHash) &&
    record.status === 'active';
  if (!valid) throw new ForbiddenError('密钥 api_key 无效或已吊销 (invalid or revoked api_key)');
  await takeRequestToken(record, now);
  return record;
};

/** One request against the key's token bucket (token-bucket.ts), atomically in the store. */
const takeRequestToken = async (record: ApiKeyRecord, now: Date): Promise<void> => {
  const step = arrivalStep(record, now.getTime());
  const outcome = await apiKeyStore().takeArrival(record.id, step);
  if (outcome !== 'advanced') throw tooMany(record, retryAfterSeconds(outcome.tat, step));
};

const tooMany = (record: ApiKeyRecord, seconds: number) =>
  new RateLimitedError(
    `请求过于频繁：此密钥每分钟 ${record.ratePerMinute} 次，请 ${seconds} 秒后重试 ` +
      `(rate limit of ${record.ratePerMinute} requests a minute reached; retry in ${seconds} s)`,
    seconds,
  );
