import type { NotificationSubject } from '../../domain/notifications/notification-types.ts';

/**
 * Notifications table layout (access patterns beside the keys):
 *   notification   pk `USER#{recipient}`, sk `NOTE#{id}` — the inbox, newest first (ids start with
 *                  the event's instant); gsi1 `UNREAD#{recipient}` / `{id}` while unread (sparse:
 *                  the unread list and count); gsi2 `ABOUT#{kind}#{id}` / `{id}#inApp` (the board).
 *   delivery       pk `DELIVERY#{id}`, sk `DELIVERY`; gsi1 `DUE` / `{dueAt}#{id}` while it waits (sparse:
 *                  the dispatcher's queue, one partition — a district's volume is small);
 *                  gsi2 `ABOUT#{kind}#{id}` / `{notificationId}#{channel}#{id}`.
 *   preferences    pk `USER#{user}`, sk `PREFS`, versioned.
 *   push device    pk `USER#{user}`, sk `PUSH#{subscriptionId}`.
 */
export const userPk = (userId: string): string => `USER#${userId}`;
export const noteSk = (id: string): string => `NOTE#${id}`;
export const unreadPk = (userId: string): string => `UNREAD#${userId}`;
export const aboutPk = (subject: NotificationSubject): string => `ABOUT#${subject.kind}#${subject.id}`;
export const deliveryKey = (id: string) => ({ pk: `DELIVERY#${id}`, sk: 'DELIVERY' });
export const DUE_PK = 'DUE';
export const dueSk = (dueAt: string, id: string): string => `${dueAt}#${id}`;
export const PREFS_SK = 'PREFS';
export const pushSk = (subscriptionId: string): string => `PUSH#${subscriptionId}`;

const KEY_ATTRIBUTES = new Set([
  'pk',
  'sk',
  'itemType',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'leaseUntil',
]);

export const stripNotificationKeys = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name))) as T;
