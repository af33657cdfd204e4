import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { NOTIFY_ENV } from '../config/notification-env.ts';
import type { VapidKeys } from './push/web-push-sender.ts';

/**
 * The deployment's VAPID key pair: locally from the environment (generated into the data folder), in
 * the cloud from the Secrets Manager secret `npm run push-keys` writes, read once per container for
 * five minutes. No keys (the secret not written yet): Web Push is off — subscriptions are refused and
 * no push deliveries are planned — and everything else works.
 */
const CACHE_MS = 5 * 60_000;
const DEFAULT_SUBJECT = 'mailto:noreply@qingshan.invalid';

let cached: { keys: VapidKeys | undefined; until: number } | undefined;
let client: SecretsManagerClient | undefined;

export const vapidKeys = async (env: NodeJS.ProcessEnv = process.env): Promise<VapidKeys | undefined> => {
  const publicKey = env[NOTIFY_ENV.vapidPublicKey];
  const privateKey = env[NOTIFY_ENV.vapidPrivateKey];
  const subject = env[NOTIFY_ENV.vapidSubject] || DEFAULT_SUBJECT;
  if (publicKey && privateKey) return { publicKey, privateKey, subject };
  const secretId = env[NOTIFY_ENV.vapidSecretId];
  if (!secretId) return undefined;
  if (cached !== undefined && cached.until > Date.now()) return cached.keys;
  cached = { keys: await readSecret(secretId, subject), until: Date.now() + CACHE_MS };
  return cached.keys;
};

const readSecret = async (secretId: string, subject: string): Promise<VapidKeys | undefined> => {
  client ??= new SecretsManagerClient({});
  try {
    const result = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    const value = JSON.parse(result.SecretString ?? '{}') as Partial<VapidKeys>;
    if (!value.publicKey || !value.privateKey) return undefined;
    return { publicKey: value.publicKey, privateKey: value.privateKey, subject: value.subject ?? subject };
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
};
