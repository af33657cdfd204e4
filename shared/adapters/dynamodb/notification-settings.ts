import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.ts';
import type { NotificationPreferences } from '../../domain/notifications/notification-types.ts';
import type { NotificationSettings, StoredPushSubscription } from '../../ports/notification-store.ts';
import { isConditionFailed } from './conditional-write.ts';
import { PREFS_SK, pushSk, stripNotificationKeys, userPk } from './notification-keys.ts';

/** A person's preferences and push devices, under their own partition (notification-keys.ts). */
export class DynamoNotificationSettings implements NotificationSettings {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async getPreferences(userId: string): Promise<NotificationPreferences | undefined> {
    const result = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: userPk(userId), sk: PREFS_SK },
        ConsistentRead: true,
      }),
    );
    return result.Item === undefined
      ? undefined
      : stripNotificationKeys<NotificationPreferences>(result.Item);
  }

  async putPreferences(
    userId: string,
    preferences: NotificationPreferences,
    expectedVersion?: number,
  ): Promise<void> {
    const previous = preferences.version - 1;
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: { ...preferences, pk: userPk(userId), sk: PREFS_SK, itemType: 'preferences' },
          // The version read is the version stored (none stored counts as 0).
          ConditionExpression:
            previous === 0 ? 'attribute_not_exists(pk) OR version = :previous' : 'version = :previous',
          ExpressionAttributeValues: { ':previous': previous },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      throw new ConflictError(
        `通知设置已被更新，请刷新后重试 (the preferences changed; expected version ${expectedVersion ?? previous})`,
      );
    }
  }

  async listPushSubscriptions(userId: string): Promise<StoredPushSubscription[]> {
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :push)',
        ExpressionAttributeValues: { ':pk': userPk(userId), ':push': 'PUSH#' },
        ConsistentRead: true,
      }),
    );
    return (result.Items ?? []).map((item) => stripNotificationKeys<StoredPushSubscription>(item));
  }

  async putPushSubscription(subscription: StoredPushSubscription): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          ...subscription,
          pk: userPk(subscription.userId),
          sk: pushSk(subscription.id),
          itemType: 'pushSubscription',
        },
      }),
    );
  }

  async deletePushSubscription(userId: string, id: string): Promise<boolean> {
    const result = await this.#client.send(
      new DeleteCommand({
        TableName: this.#table,
        Key: { pk: userPk(userId), sk: pushSk(id) },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return result.Attributes !== undefined;
  }
}
