import { apiKeySecretMatches } from '../../shared/adapters/api-key-secret.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import { type ApiKeyRecord, parseApiKey, RateLimitedError } from '../../shared/domain/open311/api-keys.ts';
import { takeToken } from '../../shared/domain/open311/token-bucket.ts';
import { apiKeyStore } from '../api-keys/api-key-context.ts';

/** Attempts at the bucket before a key that hot is told to slow down. */
const BUCKET_ATTEMPTS = 5;

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
  if (!valid) throw new ForbiddenError('api_key 无效或已吊销 (invalid or revoked api_key)');
  await takeRequestToken(record, now);
  return record;
};

const takeRequestToken = async (record: ApiKeyRecord, now: Date): Promise<void> => {
  for (let attempt = 0; attempt < BUCKET_ATTEMPTS; attempt++) {
    const { state, version } = await apiKeyStore().readBucket(record.id);
    const decision = takeToken(state, record, now.getTime());
    if (!decision.allowed) throw tooMany(record, decision.retryAfterSeconds);
    if (await apiKeyStore().writeBucket(record.id, decision.next, version)) return;
  }
  throw tooMany(record, 1);
};

const tooMany = (record: ApiKeyRecord, seconds: number) =>
  new RateLimitedError(
    `请求过于频繁：此密钥每分钟 ${record.ratePerMinute} 次，请 ${seconds} 秒后重试 ` +
      `(rate limit of ${record.ratePerMinute} requests a minute reached; retry in ${seconds} s)`,
    seconds,
  );
