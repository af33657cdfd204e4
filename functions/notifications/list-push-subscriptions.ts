import { vapidKeys } from '../../shared/adapters/vapid-keys.ts';
import { listPushSubscriptionsRoute } from '../../shared/contracts/notifications.ts';
import { httpHandler } from '../middleware/http.ts';
import { settings } from './notification-context.ts';
import { subscriptionView } from './subscription-view.ts';

const store = settings();

export const handler = httpHandler(listPushSubscriptionsRoute, async ({ principal }) => ({
  vapidPublicKey: (await vapidKeys())?.publicKey ?? null,
  items: (await store.listPushSubscriptions(principal.userId)).map(subscriptionView),
}));
