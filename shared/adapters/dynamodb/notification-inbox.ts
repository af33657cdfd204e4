import {
  type DynamoDBDocumentClient,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { PlannedNotification } from '../../domain/notifications/notification-plan.ts';
import type { NotificationSubject } from '../../domain/notifications/notification-types.ts';
import type {
  DeliveryRecord,
  NotificationInbox,
  NotificationRecord,
  Page,
  ToldEntry,
} from '../../ports/notification-store.ts';
import { failedConditionIndex, isConditionFailed } from './conditional-write.ts';
import { decodeCursor, encodeCursor, type KeyRule } from './cursor.ts';
import {
  aboutPk,
  DUE_PK,
  deliveryKey,
  dueSk,
  noteSk,
  stripNotificationKeys,
  unreadPk,
  userPk,
} from './notification-keys.ts';
import { retryOnTransactionConflict } from './transaction-conflict.ts';

/** The inbox and the board's look-up (layout: notification-keys.ts). */
export class DynamoNotificationInbox implements NotificationInbox {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async create(notification: PlannedNotification, deliveries: DeliveryRecord[]): Promise<boolean> {
    const about = aboutPk(notification.subject);
    const put = (Item: Record<string, unknown>) => ({
      Put: { TableName: this.#table, Item, ConditionExpression: 'attribute_not_exists(pk)' },
    });
    try {
      await retryOnTransactionConflict(() =>
        this.#client.send(
          new TransactWriteCommand({
            TransactItems: [
              put({
                ...notification,
                pk: userPk(notification.recipientId),
                sk: noteSk(notification.id),
                itemType: 'notification',
                gsi1pk: unreadPk(notification.recipientId),
                gsi1sk: notification.id,
                gsi2pk: about,
                gsi2sk: `${notification.id}#inApp`,
              }),
              ...deliveries.map((delivery) =>
                put({
                  ...delivery,
                  ...deliveryKey(delivery.id),
                  itemType: 'delivery',
                  gsi1pk: DUE_PK,
                  gsi1sk: dueSk(delivery.dueAt, delivery.id),
                  gsi2pk: about,
                  gsi2sk: `${notification.id}#${delivery.channel}#${delivery.id}`,
                }),
              ),
            ],
          }),
        ),
      );
      return true;
    } catch (error) {
      if (failedConditionIndex(error) >= 0) return false;
      throw error;
    }
  }

  async list(
    userId: string,
    page: { unreadOnly: boolean; limit: number; cursor?: string },
  ): Promise<Page<NotificationRecord>> {
    const query = page.unreadOnly
      ? {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': unreadPk(userId) },
          rule: { pk: 'any', sk: 'any', gsi1pk: { equals: unreadPk(userId) }, gsi1sk: 'any' } as Record<
            string,
            KeyRule
          >,
        }
      : {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :note)',
          ExpressionAttributeValues: { ':pk': userPk(userId), ':note': 'NOTE#' },
          rule: { pk: { equals: userPk(userId) }, sk: { beginsWith: 'NOTE#' } } as Record<string, KeyRule>,
        };
    const { rule, ...input } = query;
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        ...input,
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, rule),
      }),
    );
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return {
      items: (result.Items ?? []).map((item) => stripNotificationKeys<NotificationRecord>(item)),
      ...(cursor === undefined ? {} : { cursor }),
    };
  }

  async countUnread(userId: string): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': unreadPk(userId) },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return count;
  }

  async markRead(userId: string, id: string, at: Date): Promise<NotificationRecord | undefined> {
    try {
      const result = await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: userPk(userId), sk: noteSk(id) },
          // Read once: a second read keeps the first time.
          UpdateExpression: 'SET readAt = if_not_exists(readAt, :at) REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at.toISOString() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return stripNotificationKeys<NotificationRecord>(result.Attributes ?? {});
    } catch (error) {
      if (isConditionFailed(error)) return undefined;
      throw error;
    }
  }

  /** Pages through the unread index once; counts only what this call marked (a read keeps its time). */
  async markAllRead(userId: string, at: Date): Promise<number> {
    let marked = 0;
    let cursor: string | undefined;
    do {
      const page = await this.list(userId, { unreadOnly: true, limit: 100, ...(cursor ? { cursor } : {}) });
      for (const item of page.items) {
        if ((await this.markRead(userId, item.id, at))?.readAt === at.toISOString()) marked++;
      }
      cursor = page.cursor;
    } while (cursor !== undefined);
    return marked;
  }

  async toldAbout(subject: NotificationSubject): Promise<ToldEntry[]> {
    const told: ToldEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :about',
          ExpressionAttributeValues: { ':about': aboutPk(subject) },
          ExclusiveStartKey: start,
        }),
      );
      told.push(...(page.Items ?? []).map(toldEntryOf));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return told;
  }
}

const toldEntryOf = (item: Record<string, unknown>): ToldEntry => {
  const level = typeof item.level === 'number' ? { level: item.level as 1 | 2 | 3 } : {};
  if (item.itemType === 'notification') {
    return {
      recipientId: String(item.recipientId),
      notificationId: String(item.id),
      channel: 'inApp',
      status: 'sent',
      kind: String(item.kind),
      ...level,
      at: String(item.createdAt),
    };
  }
  return {
    recipientId: String(item.recipientId),
    notificationId: String(item.notificationId),
    channel: item.channel as ToldEntry['channel'],
    status: item.status as ToldEntry['status'],
    kind: String(item.kind),
    ...level,
    at: String(item.sentAt ?? item.failedAt ?? item.dueAt),
  };
};
