import { DEFAULT_PUSH_HOSTS } from '../domain/notifications/push-endpoint.ts';
import { ConfigError } from './env.ts';

/**
 * The notification settings of a deployment (docs/notifications.md), set by the stack
 * (infra/constructs/notification-delivery.ts) and by the local runtime.
 */
export const NOTIFY_ENV = {
  /** Where links in messages point: `{base}/app/cases/{id}` (deputies), `{base}/console/…` (staff). */
  appBaseUrl: 'QS_APP_BASE_URL',
  /** Comma-separated user ids of the district leaders (escalation level 3). */
  districtLeaderIds: 'QS_DISTRICT_LEADER_IDS',
  /** The department told of budget and offline-meter alerts (default dept-ecology). */
  ecologyDepartmentId: 'QS_ECOLOGY_DEPARTMENT_ID',
  /** `ses`, `local` (captured in the data folder) or `off` (default). */
  emailSender: 'QS_EMAIL_SENDER',
  /** The verified SES identity messages come from. */
  emailFrom: 'QS_EMAIL_FROM',
  /** `sns`, `local` or `off` (default). */
  smsSender: 'QS_SMS_SENDER',
  smsSenderId: 'QS_SMS_SENDER_ID',
  /** Local runtime: the folder of outbox/email.ndjson and outbox/sms.ndjson. */
  localOutboxDir: 'QS_LOCAL_OUTBOX_DIR',
  /** Cloud: the Secrets Manager secret holding the VAPID key pair (`npm run push-keys`). */
  vapidSecretId: 'QS_VAPID_SECRET_ID',
  /** Local runtime: the VAPID key pair itself (generated into the data folder). */
  vapidPublicKey: 'QS_VAPID_PUBLIC_KEY',
  vapidPrivateKey: 'QS_VAPID_PRIVATE_KEY',
  vapidSubject: 'QS_VAPID_SUBJECT',
  /** Comma-separated push service hosts subscriptions may name (default: the browsers' services). */
  pushHosts: 'QS_PUSH_HOSTS',
  /** Local runtime only: `true` also accepts http://127.0.0.1 endpoints (a test's push service). */
  pushAllowLoopback: 'QS_PUSH_ALLOW_LOOPBACK',
} as const;

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** '' when not set: links are then relative to the app (`/console/cases/…`). */
export const appBaseUrl = (env: NodeJS.ProcessEnv = process.env): string => env[NOTIFY_ENV.appBaseUrl] ?? '';

export const districtLeaderIds = (env: NodeJS.ProcessEnv = process.env): string[] =>
  list(env[NOTIFY_ENV.districtLeaderIds]);

export const ecologyDepartmentId = (env: NodeJS.ProcessEnv = process.env): string =>
  env[NOTIFY_ENV.ecologyDepartmentId] || 'dept-ecology';

const choice = <T extends string>(name: string, allowed: readonly T[], env: NodeJS.ProcessEnv): T => {
  const raw = env[name] || 'off';
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(
      `配置 ${name} 须为 ${allowed.join('、')} 之一，而不是 ${raw} (${name} must be one of ${allowed.join(', ')}, not ${raw})`,
    );
  }
  return raw as T;
};

export const emailSenderKind = (env: NodeJS.ProcessEnv = process.env) =>
  choice(NOTIFY_ENV.emailSender, ['ses', 'local', 'off'] as const, env);

export const smsSenderKind = (env: NodeJS.ProcessEnv = process.env) =>
  choice(NOTIFY_ENV.smsSender, ['sns', 'local', 'off'] as const, env);

export const pushEndpointRules = (env: NodeJS.ProcessEnv = process.env) => ({
  allowedHosts: env[NOTIFY_ENV.pushHosts] ? list(env[NOTIFY_ENV.pushHosts]) : DEFAULT_PUSH_HOSTS,
  allowLoopback: env[NOTIFY_ENV.pushAllowLoopback] === 'true',
});
