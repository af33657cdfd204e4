import { systemClock } from '../../shared/config/clock.ts';
import { putNotificationPreferencesRoute } from '../../shared/contracts/notifications.ts';
import { ConflictError } from '../../shared/domain/errors.ts';
import {
  DEFAULT_PREFERENCES,
  type NotificationPreferences,
} from '../../shared/domain/notifications/notification-types.ts';
import { httpHandler } from '../middleware/http.ts';
import { expectedVersion } from '../middleware/if-match.ts';
import { settings } from './notification-context.ts';
import { preferencesView } from './preferences-view.ts';

const store = settings();

/**
 * Replaces the caller's preferences as a whole, versioned: two devices saving at once cannot both
 * win silently (409), and a save without a version replaces whatever is stored.
 */
export const handler = httpHandler(putNotificationPreferencesRoute, async ({ body, principal, headers }) => {
  const stored = (await store.getPreferences(principal.userId)) ?? DEFAULT_PREFERENCES;
  const expected = expectedVersion(body.version, headers['if-match']);
  if (expected !== undefined && expected !== stored.version) {
    throw new ConflictError(
      `通知设置已被更新，请刷新后重试 (the preferences are at version ${stored.version}, not ${expected})`,
    );
  }
  const next: NotificationPreferences = {
    channels: body.channels,
    ...(body.quietHours ? { quietHours: body.quietHours } : {}),
    version: stored.version + 1,
    updatedAt: systemClock().toISOString(),
  };
  await store.putPreferences(principal.userId, next, expected);
  return preferencesView(principal.userId, next);
});
