import { vapidKeys } from '../../shared/adapters/vapid-keys.ts';
import { listPushSubscriptionsRoute } from '../../shared/contracts/notifications.ts';
import type { StoredPushSubscription } from '../../shared/ports/notification-store.ts';
import { httpHandler } from '../middleware/http.ts';
import { settings } from './notification-context.ts';

const store = settings();

/** The endpoint is a capability (anyone holding it can push to the device): only its host is shown. */
export const subscriptionView = (subscription: StoredPushSubscription) => ({
  id: subscription.id,
  endpointHost: new URL(subscription.endpoint).host,
  createdAt: subscription.createdAt,
  ...(subscription.userAgent === undefined ? {} : { userAgent: subscription.userAgent }),
});

export const handler = httpHandler(listPushSubscriptionsRoute, async ({ principal }) => ({
  vapidPublicKey: (await vapidKeys())?.publicKey ?? null,
  items: (await store.listPushSubscriptions(principal.userId)).map(subscriptionView),
}));
