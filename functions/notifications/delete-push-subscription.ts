import { deletePushSubscriptionRoute } from '../../shared/contracts/notifications.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import { httpHandler } from '../middleware/http.ts';
import { settings } from './notification-context.ts';

const store = settings();

export const handler = httpHandler(deletePushSubscriptionRoute, async ({ params, principal }) => {
  if (!(await store.deletePushSubscription(principal.userId, params.id))) {
    throw new NotFoundError(`推送设备不存在 (push subscription ${params.id} not found)`);
  }
  return {};
});
