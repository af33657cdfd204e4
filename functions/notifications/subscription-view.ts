import type { StoredPushSubscription } from '../../shared/ports/notification-store.ts';

/**
 * The endpoint is a capability (anyone holding it can push to the device): only its host is shown.
 * A module of its own: the create function importing it from the list handler built that handler too.
 */
export const subscriptionView = (subscription: StoredPushSubscription) => ({
  id: subscription.id,
  endpointHost: new URL(subscription.endpoint).host,
  createdAt: subscription.createdAt,
  ...(subscription.userAgent === undefined ? {} : { userAgent: subscription.userAgent }),
});
