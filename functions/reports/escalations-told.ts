import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoNotificationInbox } from '../../shared/adapters/dynamodb/notification-inbox.ts';
import { DynamoUserDirectory } from '../../shared/adapters/dynamodb/user-directory.ts';
import { tableName } from '../../shared/config/env.ts';
import type { EscalatedItem } from '../../shared/domain/workflow/escalation-job.ts';

const inbox = new DynamoNotificationInbox(getDocumentClient(), tableName('notifications'));
const directory = new DynamoUserDirectory(getDocumentClient(), tableName('registry'));

const ESCALATION_KINDS = new Set(['escalation', 'deadlineNear']);

/**
 * The board's "who was told and when": for each escalated record, every notification of its
 * escalations — per person and channel, with the status and time of the delivery — read when the
 * board is read (the dispatcher tells people within the minute after the hourly run wrote the list).
 */
export const escalationsTold = async (items: EscalatedItem[]) => {
  const names = new Map<string, Promise<string | undefined>>();
  const nameOf = (id: string) => {
    if (!names.has(id))
      names.set(
        id,
        directory.getPerson(id).then((person) => person?.name),
      );
    return names.get(id) as Promise<string | undefined>;
  };
  return Promise.all(
    items.map(async (item) => {
      const told = (await inbox.toldAbout({ kind: item.subject, id: item.id })).filter((entry) =>
        ESCALATION_KINDS.has(entry.kind),
      );
      const rows = await Promise.all(
        told.map(async ({ notificationId: _id, ...entry }) => {
          const name = await nameOf(entry.recipientId);
          return { ...entry, ...(name === undefined ? {} : { recipientName: name }) };
        }),
      );
      rows.sort((a, b) => (a.level ?? 0) - (b.level ?? 0) || a.at.localeCompare(b.at));
      return { ...item, told: rows };
    }),
  );
};
