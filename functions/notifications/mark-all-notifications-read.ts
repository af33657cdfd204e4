import { systemClock } from '../../shared/config/clock.ts';
import { markAllNotificationsReadRoute } from '../../shared/contracts/notifications.ts';
import { httpHandler } from '../middleware/http.ts';
import { inbox } from './notification-context.ts';

const store = inbox();

export const handler = httpHandler(markAllNotificationsReadRoute, async ({ principal }) => ({
  marked: await store.markAllRead(principal.userId, systemClock()),
}));
