import { systemClock } from '../../shared/config/clock.ts';
import { markNotificationReadRoute } from '../../shared/contracts/notifications.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import { httpHandler } from '../middleware/http.ts';
import { inbox } from './notification-context.ts';
import { notificationView } from './notification-view.ts';

const store = inbox();

/** Marks one of the caller's notifications read; another person's id is simply not found (404). */
export const handler = httpHandler(markNotificationReadRoute, async ({ params, principal }) => {
  const read = await store.markRead(principal.userId, params.id, systemClock());
  if (read === undefined) throw new NotFoundError(`通知不存在 (notification ${params.id} not found)`);
  return notificationView(read);
});
