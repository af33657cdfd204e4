import { deliveryId, notificationId } from './notification-ids.ts';
import type {
  DeliveryChannel,
  DeliveryStatus,
  NotificationEvent,
  NotificationKind,
  NotificationPreferences,
  NotificationSubject,
  Telling,
} from './notification-types.ts';
import { deliverableAt } from './quiet-hours.ts';

/**
 * From an event and the people its audiences resolved to, the notifications to write: one per person
 * (the first telling that reaches them), each with its deliveries on the channels they chose, held
 * until their quiet hours end unless urgent. Pure: the caller resolves people and reads preferences.
 */

export interface Recipient {
  userId: string;
  /** Deputies open records in the deputies' app, staff in the console. */
  audience: 'deputy' | 'staff';
  email?: string;
  phone?: string;
}

export interface PlannedNotification {
  id: string;
  eventId: string;
  recipientId: string;
  kind: NotificationKind;
  subject: NotificationSubject;
  title: string;
  body: string;
  link: string;
  urgent: boolean;
  level?: 1 | 2 | 3;
  /** The event's instant: the inbox is ordered by when things happened. */
  createdAt: string;
}

export interface PlannedDelivery {
  id: string;
  notificationId: string;
  recipientId: string;
  channel: DeliveryChannel;
  /** Push: the subscription id; email: the address; SMS: the number. */
  target: string;
  status: Extract<DeliveryStatus, 'pending' | 'deferred'>;
  dueAt: string;
  attempts: number;
  createdAt: string;
}

/** Each person once, with the first telling that names them; the actor and system ids never. */
export const pairTellings = (
  event: NotificationEvent,
  reached: ReadonlyMap<Telling, readonly Recipient[]>,
): { telling: Telling; recipient: Recipient }[] => {
  const seen = new Set<string>();
  const pairs: { telling: Telling; recipient: Recipient }[] = [];
  for (const telling of event.tellings) {
    for (const recipient of reached.get(telling) ?? []) {
      if (seen.has(recipient.userId) || !isPerson(recipient.userId, event.actorId)) continue;
      seen.add(recipient.userId);
      pairs.push({ telling, recipient });
    }
  }
  return pairs;
};

const isPerson = (userId: string, actorId: string | undefined): boolean =>
  userId !== '' && !userId.startsWith('system:') && userId !== actorId;

/** Where the notification opens: the record in the app its reader uses (base URL configured). */
export const linkFor = (baseUrl: string, subject: NotificationSubject, recipient: Recipient): string => {
  const base = baseUrl.replace(/\/+$/, '');
  const shell = recipient.audience === 'deputy' ? 'app' : 'console';
  if (subject.kind === 'alert') return `${base}/console/alerts`;
  const collection = subject.kind === 'case' ? 'cases' : 'suggestions';
  return `${base}/${shell}/${collection}/${encodeURIComponent(subject.id)}`;
};

export const planNotification = (
  event: NotificationEvent,
  telling: Telling,
  recipient: Recipient,
  baseUrl: string,
): PlannedNotification => ({
  id: notificationId(event.eventId, event.at, recipient.userId),
  eventId: event.eventId,
  recipientId: recipient.userId,
  kind: telling.kind,
  subject: event.subject,
  title: telling.title,
  body: telling.body,
  link: linkFor(baseUrl, event.subject, recipient),
  urgent: telling.urgent,
  ...(telling.level === undefined ? {} : { level: telling.level }),
  createdAt: event.at,
});

/**
 * The deliveries of one notification: push to every device the person subscribed, email and SMS
 * where they chose them and the directory has an address; due now, or when quiet hours end.
 */
export const planDeliveries = (
  notification: PlannedNotification,
  recipient: Recipient,
  options: {
    preferences: NotificationPreferences;
    pushSubscriptionIds: readonly string[];
    now: Date;
    timeZone: string;
  },
): PlannedDelivery[] => {
  const { preferences, now } = options;
  const due = deliverableAt(preferences.quietHours, now, options.timeZone, notification.urgent);
  const targets: [DeliveryChannel, string, string | undefined][] = [
    ...(preferences.channels.push
      ? options.pushSubscriptionIds.map((id): [DeliveryChannel, string, string] => ['push', id, id])
      : []),
    ...(preferences.channels.email && recipient.email
      ? [['email', recipient.email, undefined] as [DeliveryChannel, string, undefined]]
      : []),
    ...(preferences.channels.sms && recipient.phone
      ? [['sms', recipient.phone, undefined] as [DeliveryChannel, string, undefined]]
      : []),
  ];
  return targets.map(([channel, target, subscriptionId]) => ({
    id: deliveryId(notification.id, channel, subscriptionId),
    notificationId: notification.id,
    recipientId: recipient.userId,
    channel,
    target,
    status: due.getTime() > now.getTime() ? 'deferred' : 'pending',
    dueAt: due.toISOString(),
    attempts: 0,
    createdAt: now.toISOString(),
  }));
};
