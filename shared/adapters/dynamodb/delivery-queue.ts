import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryQueue, DeliveryRecord } from '../../ports/notification-store.ts';
import { isConditionFailed } from './conditional-write.ts';
import { DUE_PK, deliveryKey, dueSk, stripNotificationKeys } from './notification-keys.ts';

/**
 * The deliveries waiting to go, on the sparse `DUE` index (notification-keys.ts). A dispatcher run
 * claims one before sending — a conditional update on the attempts it read, which also moves its due
 * time past a lease — so two overlapping runs never send the same attempt, and a run that died after
 * claiming leaves the delivery due again when the lease ends. Settling removes it from the index.
 */
export class DynamoDeliveryQueue implements DeliveryQueue {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async due(now: Date, limit: number): Promise<DeliveryRecord[]> {
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        // `~` sorts after every id character: everything due at or before `now`.
        KeyConditionExpression: 'gsi1pk = :due AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':due': DUE_PK, ':now': `${now.toISOString()}~` },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => stripNotificationKeys<DeliveryRecord>(item));
  }

  async claim(delivery: DeliveryRecord, now: Date, leaseMs: number): Promise<DeliveryRecord | undefined> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    try {
      const result = await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: deliveryKey(delivery.id),
          UpdateExpression: 'SET attempts = attempts + :one, gsi1sk = :lease, leaseUntil = :leaseUntil',
          ConditionExpression:
            'attempts = :seen AND gsi1pk = :due AND (attribute_not_exists(leaseUntil) OR leaseUntil <= :now)',
          ExpressionAttributeValues: {
            ':one': 1,
            ':seen': delivery.attempts,
            ':due': DUE_PK,
            ':lease': dueSk(leaseUntil, delivery.id),
            ':leaseUntil': leaseUntil,
            ':now': now.toISOString(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return stripNotificationKeys<DeliveryRecord>(result.Attributes ?? {});
    } catch (error) {
      if (isConditionFailed(error)) return undefined;
      throw error;
    }
  }

  async settle(delivery: DeliveryRecord, outcome: Parameters<DeliveryQueue['settle']>[1]): Promise<void> {
    const at = outcome.at.toISOString();
    const values: Record<string, unknown> = { ':status': outcome.status, ':attempts': delivery.attempts };
    let update: string;
    if (outcome.status === 'sent') {
      update = 'SET #status = :status, sentAt = :at REMOVE gsi1pk, gsi1sk, leaseUntil, lastError';
      values[':at'] = at;
    } else if (outcome.status === 'pending') {
      const retryAt = outcome.retryAt.toISOString();
      update = 'SET #status = :status, dueAt = :retryAt, gsi1sk = :due, lastError = :error REMOVE leaseUntil';
      Object.assign(values, {
        ':retryAt': retryAt,
        ':due': dueSk(retryAt, delivery.id),
        ':error': outcome.error,
      });
    } else {
      update = 'SET #status = :status, failedAt = :at, lastError = :error REMOVE gsi1pk, gsi1sk, leaseUntil';
      Object.assign(values, { ':at': at, ':error': outcome.error });
    }
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: deliveryKey(delivery.id),
        UpdateExpression: update,
        // Only the run holding this attempt settles it.
        ConditionExpression: 'attempts = :attempts',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      }),
    );
  }
}
