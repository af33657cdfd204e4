import type { PlannedDelivery, PlannedNotification } from '../domain/notifications/notification-plan.ts';
import type {
  DeliveryChannel,
  DeliveryStatus,
  NotificationKind,
  NotificationPreferences,
  NotificationSubject,
} from '../domain/notifications/notification-types.ts';

/** A notification in a person's inbox. */
export interface NotificationRecord extends PlannedNotification {
  readAt?: string;
}

/** A delivery as stored: the plan, its progress, and a copy of the message (no second read to send). */
export interface DeliveryRecord extends Omit<PlannedDelivery, 'status'> {
  status: DeliveryStatus;
  kind: NotificationKind;
  subject: NotificationSubject;
  title: string;
  body: string;
  link: string;
  urgent: boolean;
  level?: 1 | 2 | 3;
  sentAt?: string;
  failedAt?: string;
  lastError?: string;
}

/** What the escalation board shows: who was told about a record, on which channel, and when. */
export interface ToldEntry {
  recipientId: string;
  notificationId: string;
  channel: 'inApp' | DeliveryChannel;
  status: DeliveryStatus;
  kind: string;
  level?: 1 | 2 | 3;
  /** Sent (or, in-app, written) at; for deliveries still waiting, when they are due. */
  at: string;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface NotificationInbox {
  /** Writes the notification and its deliveries at once; false when the notification exists already. */
  create(notification: PlannedNotification, deliveries: DeliveryRecord[]): Promise<boolean>;
  list(
    userId: string,
    page: { unreadOnly: boolean; limit: number; cursor?: string },
  ): Promise<Page<NotificationRecord>>;
  countUnread(userId: string): Promise<number>;
  /** Undefined when the person has no such notification. */
  markRead(userId: string, id: string, at: Date): Promise<NotificationRecord | undefined>;
  markAllRead(userId: string, at: Date): Promise<number>;
  /** Everything told about one record or alert (in-app and every delivery). */
  toldAbout(subject: NotificationSubject): Promise<ToldEntry[]>;
}

export interface DeliveryQueue {
  /** Deliveries due at `now` (pending, deferred whose time came, claims whose lease ran out). */
  due(now: Date, limit: number): Promise<DeliveryRecord[]>;
  /** Takes the delivery for one attempt; undefined when another run took it or it is settled. */
  claim(delivery: DeliveryRecord, now: Date, leaseMs: number): Promise<DeliveryRecord | undefined>;
  settle(
    delivery: DeliveryRecord,
    outcome:
      | { status: 'sent'; at: Date }
      | { status: 'gone' | 'failed'; at: Date; error: string }
      | { status: 'pending'; at: Date; retryAt: Date; error: string },
  ): Promise<void>;
}

export interface StoredPushSubscription {
  id: string;
  userId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  createdAt: string;
  userAgent?: string;
}

export interface NotificationSettings {
  getPreferences(userId: string): Promise<NotificationPreferences | undefined>;
  /** ConflictError when `expectedVersion` is given and is not the stored one. */
  putPreferences(
    userId: string,
    preferences: NotificationPreferences,
    expectedVersion?: number,
  ): Promise<void>;
  listPushSubscriptions(userId: string): Promise<StoredPushSubscription[]>;
  putPushSubscription(subscription: StoredPushSubscription): Promise<void>;
  /** False when the person has no such subscription. */
  deletePushSubscription(userId: string, id: string): Promise<boolean>;
}
