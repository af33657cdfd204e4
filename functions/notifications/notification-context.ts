import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDeliveryQueue } from '../../shared/adapters/dynamodb/delivery-queue.ts';
import { DynamoNotificationInbox } from '../../shared/adapters/dynamodb/notification-inbox.ts';
import { DynamoNotificationSettings } from '../../shared/adapters/dynamodb/notification-settings.ts';
import { tableName } from '../../shared/config/env.ts';

/**
 * Wiring shared by the notification functions: stores on the notifications table. The senders are in
 * notification-senders.ts: only the dispatch job sends, and web-push (with bn.js and asn1.js) and the
 * SES and SNS clients cost the other functions ~150 KiB at a cold start (docs/performance.md).
 */

export const notificationsTable = () => tableName('notifications');
export const inbox = () => new DynamoNotificationInbox(getDocumentClient(), notificationsTable());
export const deliveries = () => new DynamoDeliveryQueue(getDocumentClient(), notificationsTable());
export const settings = () => new DynamoNotificationSettings(getDocumentClient(), notificationsTable());
