import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import type { OutboxEvent } from '../../shared/adapters/dynamodb/event-outbox.ts';
import { DynamoOutboxReader } from '../../shared/adapters/dynamodb/outbox-reader.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { DynamoUserDirectory } from '../../shared/adapters/dynamodb/user-directory.ts';
import { vapidKeys } from '../../shared/adapters/vapid-keys.ts';
import { tableName, timeZone } from '../../shared/config/env.ts';
import { appBaseUrl, districtLeaderIds, ecologyDepartmentId } from '../../shared/config/notification-env.ts';
import type { DeliveryChannel } from '../../shared/domain/notifications/notification-types.ts';
import { logger } from '../../shared/observability/logger.ts';
import { countBusiness } from '../../shared/observability/metrics.ts';
import { scheduledJobHandler } from '../middleware/schedule.ts';
import { deliverDue } from './deliver.ts';
import { eventOf } from './event-sources.ts';
import { type FanOutDeps, fanOut } from './fan-out.ts';
import { deliveries, inbox, settings } from './notification-context.ts';
import { emailSender, pushSender, smsSender } from './notification-senders.ts';

const client = getDocumentClient();
const outboxes = [
  new DynamoOutboxReader(client, tableName('workflow')),
  new DynamoOutboxReader(client, tableName('carbon')),
];
const registry = new DynamoRegistryStore(client, tableName('registry'));
const directory = new DynamoUserDirectory(client, tableName('registry'));
const store = { inbox: inbox(), queue: deliveries(), settings: settings() };
const senders = { push: pushSender(), email: emailSender(), sms: smsSender() };

/** A run stops taking new work after this long, well inside its timeout and the next minute's run. */
const WORK_BUDGET_MS = 40_000;
const OUTBOX_PAGE = 25;
const DELIVERY_PAGE = 200;

/**
 * Every minute: fans the outbox's new events out into notifications (one per person and event), then
 * sends the deliveries that are due. Judged at the schedule's fire time, so quiet hours and retries
 * are counted from when the run was meant to happen.
 */
export const handler = scheduledJobHandler(async ({ job, scheduledTime }) => {
  const now = new Date(scheduledTime);
  const until = Date.now() + WORK_BUDGET_MS;
  const told = await tellNewEvents(now, until);
  const tally = await deliverDue(
    { queue: store.queue, settings: store.settings, ...optional(senders) },
    now,
    {
      limit: DELIVERY_PAGE,
      until,
    },
  );
  countBusiness('notificationsCreated', told.notifications);
  countBusiness('notificationDeliveriesSent', tally.sent);
  countBusiness('notificationDeliveriesRetried', tally.retried);
  countBusiness('notificationDeliveriesFailed', tally.failed);
  countBusiness('pushSubscriptionsGone', tally.gone);
  if (tally.failed > 0) logger.warn('notification deliveries failed for good', { failed: tally.failed });
  return { job, scheduledTime, ...told, ...tally };
});

const tellNewEvents = async (now: Date, until: number) => {
  const departments = new Map((await registry.listDepartments()).map((d) => [d.id, d.name]));
  const context = {
    timeZone: timeZone(),
    departmentName: (id: string) => departments.get(id) ?? id,
    ecologyDepartmentId: ecologyDepartmentId(),
  };
  const deps = {
    directory,
    inbox: store.inbox,
    settings: store.settings,
    districtLeaderIds: districtLeaderIds(),
    channels: await availableChannels(),
    baseUrl: appBaseUrl(),
    timeZone: context.timeZone,
  };
  const tally = { events: 0, notifications: 0, eventsFailed: 0 };
  for (const outbox of outboxes) {
    let after: string | undefined;
    for (
      let page = await outbox.pending(OUTBOX_PAGE);
      page.length > 0;
      page = await outbox.pending(OUTBOX_PAGE, after)
    ) {
      for (const item of page) {
        after = item.sk;
        const told = await tellOne(item, outbox, context, deps, now);
        if (told === undefined) tally.eventsFailed++;
        else {
          tally.events++;
          tally.notifications += told;
        }
      }
      if (Date.now() > until) return tally;
    }
  }
  return tally;
};

/** One outbox event told and removed: the notifications written, or undefined when it failed. */
const tellOne = async (
  item: OutboxEvent,
  outbox: DynamoOutboxReader,
  context: Parameters<typeof eventOf>[2],
  deps: FanOutDeps,
  now: Date,
): Promise<number | undefined> => {
  try {
    const event = await eventOf(item, outbox, context);
    const written = event === undefined ? 0 : (await fanOut(event, deps, now)).length;
    await outbox.remove(item);
    return written;
  } catch (error) {
    // Left in the outbox for the next run; the events behind it are not held up.
    logger.error('notification event not handled', { outbox: item.sk, error: error as Error });
    return undefined;
  }
};

const availableChannels = async (): Promise<Set<DeliveryChannel>> => {
  const channels = new Set<DeliveryChannel>();
  if ((await vapidKeys()) !== undefined) channels.add('push');
  if (senders.email) channels.add('email');
  if (senders.sms) channels.add('sms');
  return channels;
};

const optional = <T extends Record<string, unknown>>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
