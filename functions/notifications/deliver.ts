import { nextAttemptAt } from '../../shared/domain/notifications/retry-policy.ts';
import type {
  EmailSender,
  PushSender,
  SendOutcome,
  SmsSender,
} from '../../shared/ports/notification-senders.ts';
import type {
  DeliveryQueue,
  DeliveryRecord,
  NotificationSettings,
} from '../../shared/ports/notification-store.ts';

export interface DeliverDeps {
  queue: DeliveryQueue;
  settings: NotificationSettings;
  push: PushSender;
  email?: EmailSender;
  sms?: SmsSender;
}

export interface DeliveryTally {
  sent: number;
  retried: number;
  failed: number;
  gone: number;
}

/** Longer than one send may take, shorter than a retry: a run that died frees its claim soon. */
const LEASE_MS = 60_000;
/** A push message waits at the push service for the device this long at most. */
const PUSH_TTL_SECONDS = 24 * 3600;

/**
 * Sends what is due: claims each delivery, sends it, and settles it — sent; retried later with
 * backoff (retry-policy.ts); failed for good after the last attempt or on a refusal not worth
 * repeating; gone (and the device forgotten) when the push service says the subscription ended.
 */
export const deliverDue = async (
  deps: DeliverDeps,
  now: Date,
  options: { limit: number; until: number },
): Promise<DeliveryTally> => {
  const tally: DeliveryTally = { sent: 0, retried: 0, failed: 0, gone: 0 };
  for (const due of await deps.queue.due(now, options.limit)) {
    if (Date.now() > options.until) break;
    const claimed = await deps.queue.claim(due, now, LEASE_MS);
    if (claimed === undefined) continue;
    const outcome = await send(claimed, deps);
    tally[await settle(claimed, outcome, new Date(Math.max(Date.now(), now.getTime())), deps)]++;
  }
  return tally;
};

const settle = async (
  claimed: DeliveryRecord,
  outcome: SendOutcome,
  at: Date,
  deps: DeliverDeps,
): Promise<keyof DeliveryTally> => {
  if (outcome.ok) {
    await deps.queue.settle(claimed, { status: 'sent', at });
    return 'sent';
  }
  if (outcome.gone) {
    await deps.settings.deletePushSubscription(claimed.recipientId, claimed.target);
    await deps.queue.settle(claimed, { status: 'gone', at, error: outcome.error });
    return 'gone';
  }
  const retryAt = outcome.retryable ? nextAttemptAt(claimed.attempts, at) : undefined;
  if (retryAt === undefined) {
    await deps.queue.settle(claimed, { status: 'failed', at, error: outcome.error });
    return 'failed';
  }
  await deps.queue.settle(claimed, { status: 'pending', at, retryAt, error: outcome.error });
  return 'retried';
};

const send = async (delivery: DeliveryRecord, deps: DeliverDeps): Promise<SendOutcome> => {
  const text = `${delivery.body}\n${delivery.link}`;
  if (delivery.channel === 'email') {
    if (!deps.email) return { ok: false, retryable: false, error: 'email is off in this deployment' };
    return deps.email.send({ to: delivery.target, subject: `【青山】${delivery.title}`, text });
  }
  if (delivery.channel === 'sms') {
    if (!deps.sms) return { ok: false, retryable: false, error: 'SMS is off in this deployment' };
    return deps.sms.send({ to: delivery.target, text: `【青山】${delivery.title}：${text}` });
  }
  const subscription = (await deps.settings.listPushSubscriptions(delivery.recipientId)).find(
    (candidate) => candidate.id === delivery.target,
  );
  if (subscription === undefined)
    return { ok: false, gone: true, retryable: false, error: 'device unsubscribed' };
  const payload = JSON.stringify({
    id: delivery.notificationId,
    kind: delivery.kind,
    title: delivery.title,
    body: delivery.body,
    url: delivery.link,
    urgent: delivery.urgent,
  });
  return deps.push.send(subscription, payload, { urgent: delivery.urgent, ttlSeconds: PUSH_TTL_SECONDS });
};
