import { listNotificationsRoute } from '../../shared/contracts/notifications.ts';
import { httpHandler } from '../middleware/http.ts';
import { inbox } from './notification-context.ts';
import { notificationView } from './notification-view.ts';

const store = inbox();

/** The caller's own inbox: the partition is theirs, so no one reads another person's notifications. */
export const handler = httpHandler(listNotificationsRoute, async ({ query, principal }) => {
  const [page, unreadCount] = await Promise.all([
    store.list(principal.userId, {
      unreadOnly: query.unread === 'true',
      limit: query.limit,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    }),
    store.countUnread(principal.userId),
  ]);
  return { ...page, items: page.items.map(notificationView), unreadCount };
});
