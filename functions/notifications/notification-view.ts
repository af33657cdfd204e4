import type { NotificationRecord } from '../../shared/ports/notification-store.ts';

/**
 * A notification as its reader gets it (NotificationSchema): the stored record less its recipient,
 * who is the caller. One place for both the list and the mark-read answer.
 */
export const notificationView = ({ recipientId: _recipient, ...shown }: NotificationRecord) => shown;
