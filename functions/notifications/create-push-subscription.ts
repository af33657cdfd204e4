import { vapidKeys } from '../../shared/adapters/vapid-keys.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { pushEndpointRules } from '../../shared/config/notification-env.ts';
import { createPushSubscriptionRoute } from '../../shared/contracts/notifications.ts';
import { UnprocessableError } from '../../shared/domain/errors.ts';
import { pushSubscriptionId } from '../../shared/domain/notifications/notification-ids.ts';
import { pushEndpointProblem, pushKeyProblems } from '../../shared/domain/notifications/push-endpoint.ts';
import { httpHandler } from '../middleware/http.ts';
import { settings } from './notification-context.ts';
import { subscriptionView } from './subscription-view.ts';

const store = settings();

/** A person may keep this many devices; the oldest is let go when a new one arrives. */
const MAX_DEVICES = 10;

/**
 * Registers the caller's device: one subscription per endpoint (subscribing again replaces it), on an
 * endpoint of a known push service only (push-endpoint.ts: the dispatcher will POST to it).
 */
export const handler = httpHandler(createPushSubscriptionRoute, async ({ body, principal }) => {
  if ((await vapidKeys()) === undefined) {
    throw new UnprocessableError('推送服务未配置 (Web Push is not configured in this deployment)');
  }
  const problem = pushEndpointProblem(body.endpoint, pushEndpointRules());
  const errors = [
    ...(problem === undefined ? [] : [{ path: '/body/endpoint', message: problem }]),
    ...pushKeyProblems(body.keys).map(({ field, message }) => ({ path: `/body/keys/${field}`, message })),
  ];
  if (errors.length > 0) {
    throw new UnprocessableError('推送设备不可用 (the push subscription is not accepted)', errors);
  }
  const subscription = {
    id: pushSubscriptionId(body.endpoint),
    userId: principal.userId,
    endpoint: body.endpoint,
    keys: body.keys,
    createdAt: systemClock().toISOString(),
    ...(body.userAgent === undefined ? {} : { userAgent: body.userAgent }),
  };
  await store.putPushSubscription(subscription);
  const devices = await store.listPushSubscriptions(principal.userId);
  const surplus = devices
    .filter((device) => device.id !== subscription.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .slice(0, Math.max(0, devices.length - MAX_DEVICES));
  for (const device of surplus) await store.deletePushSubscription(principal.userId, device.id);
  return subscriptionView(subscription);
});
