import {
  type PlannedNotification,
  pairTellings,
  planDeliveries,
  planNotification,
  type Recipient,
} from '../../shared/domain/notifications/notification-plan.ts';
import {
  type Audience,
  DEFAULT_PREFERENCES,
  type DeliveryChannel,
  type NotificationEvent,
  type Telling,
} from '../../shared/domain/notifications/notification-types.ts';
import type {
  DeliveryRecord,
  NotificationInbox,
  NotificationSettings,
} from '../../shared/ports/notification-store.ts';
import type { DirectoryPerson, UserDirectory } from '../../shared/ports/user-directory.ts';

export interface FanOutDeps {
  directory: UserDirectory;
  inbox: NotificationInbox;
  settings: NotificationSettings;
  districtLeaderIds: readonly string[];
  /** The channels that have a sender in this deployment (email/SMS may be off, push unconfigured). */
  channels: ReadonlySet<DeliveryChannel>;
  baseUrl: string;
  timeZone: string;
}

/**
 * Tells one event's people: resolves each audience through the directory, pairs each person with the
 * first telling that reaches them, and writes each notification with its deliveries — a put on
 * condition the id is new, so a second fan-out of the same event (a crash before the outbox item was
 * removed, an overlapping run) writes nothing. Resolves the notifications it wrote now.
 */
export const fanOut = async (
  event: NotificationEvent,
  deps: FanOutDeps,
  now: Date,
): Promise<PlannedNotification[]> => {
  const reached = new Map<Telling, Recipient[]>();
  for (const telling of event.tellings) {
    const people = await Promise.all(telling.audiences.map((audience) => resolve(audience, deps)));
    reached.set(telling, people.flat());
  }
  const written: PlannedNotification[] = [];
  for (const { telling, recipient } of pairTellings(event, reached)) {
    const notification = planNotification(event, telling, recipient, deps.baseUrl);
    const deliveries = await deliveriesOf(notification, recipient, deps, now);
    if (await deps.inbox.create(notification, deliveries)) written.push(notification);
  }
  return written;
};

const deliveriesOf = async (
  notification: PlannedNotification,
  recipient: Recipient,
  deps: FanOutDeps,
  now: Date,
): Promise<DeliveryRecord[]> => {
  const preferences = (await deps.settings.getPreferences(recipient.userId)) ?? DEFAULT_PREFERENCES;
  const wantsPush = preferences.channels.push && deps.channels.has('push');
  const subscriptions = wantsPush ? await deps.settings.listPushSubscriptions(recipient.userId) : [];
  const planned = planDeliveries(notification, recipient, {
    preferences,
    pushSubscriptionIds: subscriptions.map((subscription) => subscription.id),
    now,
    timeZone: deps.timeZone,
  });
  return planned
    .filter((delivery) => deps.channels.has(delivery.channel))
    .map((delivery) => ({
      ...delivery,
      kind: notification.kind,
      subject: notification.subject,
      title: notification.title,
      body: notification.body,
      link: notification.link,
      urgent: notification.urgent,
      ...(notification.level === undefined ? {} : { level: notification.level }),
    }));
};

const asRecipient = (person: DirectoryPerson, audience: Recipient['audience']): Recipient => ({
  userId: person.id,
  audience,
  ...(person.email === undefined ? {} : { email: person.email }),
  ...(person.phone === undefined ? {} : { phone: person.phone }),
});

const resolve = async (audience: Audience, deps: FanOutDeps): Promise<Recipient[]> => {
  switch (audience.kind) {
    case 'deputy': {
      // Named on the record: told in the app even when the directory has no entry (no email/SMS then).
      const person = await deps.directory.getPerson(audience.userId);
      if (person?.status === 'inactive') return [];
      return [person ? asRecipient(person, 'deputy') : { userId: audience.userId, audience: 'deputy' }];
    }
    case 'department': {
      const lists = await Promise.all(
        audience.roles.map((role) => deps.directory.listDepartment(audience.departmentId, role)),
      );
      return lists.flat().map((person) => asRecipient(person, 'staff'));
    }
    case 'role':
      return (await deps.directory.listRole(audience.role)).map((person) => asRecipient(person, 'staff'));
    case 'districtLeaders': {
      const people = await Promise.all(deps.districtLeaderIds.map((id) => deps.directory.getPerson(id)));
      return deps.districtLeaderIds.flatMap((id, i) => {
        const person = people[i];
        if (person?.status === 'inactive') return [];
        return [person ? asRecipient(person, 'staff') : { userId: id, audience: 'staff' as const }];
      });
    }
  }
};
