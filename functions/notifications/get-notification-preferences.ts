import { getNotificationPreferencesRoute } from '../../shared/contracts/notifications.ts';
import { DEFAULT_PREFERENCES } from '../../shared/domain/notifications/notification-types.ts';
import { httpHandler } from '../middleware/http.ts';
import { settings } from './notification-context.ts';
import { preferencesView } from './preferences-view.ts';

const store = settings();

export const handler = httpHandler(getNotificationPreferencesRoute, async ({ principal }) =>
  preferencesView(principal.userId, (await store.getPreferences(principal.userId)) ?? DEFAULT_PREFERENCES),
);
