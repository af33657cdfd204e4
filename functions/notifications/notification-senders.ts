import { join } from 'node:path';
import { SesEmailSender } from '../../shared/adapters/aws/ses-email-sender.ts';
import { SnsSmsSender } from '../../shared/adapters/aws/sns-sms-sender.ts';
import { CapturedEmailSender, CapturedSmsSender } from '../../shared/adapters/local/captured-outbox.ts';
import { WebPushSender } from '../../shared/adapters/push/web-push-sender.ts';
import { vapidKeys } from '../../shared/adapters/vapid-keys.ts';
import { requireEnv } from '../../shared/config/env.ts';
import { emailSenderKind, NOTIFY_ENV, smsSenderKind } from '../../shared/config/notification-env.ts';
import type { EmailSender, SmsSender } from '../../shared/ports/notification-senders.ts';

/** The dispatch job's senders: Web Push, and email and SMS where the deployment turned them on. */

export const pushSender = () => new WebPushSender(() => vapidKeys());

/** The configured email channel; undefined when off (no email deliveries are planned). */
export const emailSender = (): EmailSender | undefined => {
  const kind = emailSenderKind();
  if (kind === 'ses') return new SesEmailSender(requireEnv(NOTIFY_ENV.emailFrom));
  if (kind === 'local') return new CapturedEmailSender(join(localOutboxDir(), 'email.ndjson'));
  return undefined;
};

export const smsSender = (): SmsSender | undefined => {
  const kind = smsSenderKind();
  if (kind === 'sns') return new SnsSmsSender(process.env[NOTIFY_ENV.smsSenderId] || undefined);
  if (kind === 'local') return new CapturedSmsSender(join(localOutboxDir(), 'sms.ndjson'));
  return undefined;
};

const localOutboxDir = () => requireEnv(NOTIFY_ENV.localOutboxDir);
