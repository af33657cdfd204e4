import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.ts';
import type { ApiKeyRecord } from '../../domain/open311/api-keys.ts';
import type { ArrivalStep } from '../../domain/open311/token-bucket.ts';
import type { ApiKeyStore } from '../../ports/api-key-store.ts';
import type { Page, PageOptions } from '../../ports/registry-store.ts';
import { isConditionFailed } from './conditional-write.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { stripKeys } from './registry-keys.ts';

/**
 * Registry table: the key `pk APIKEY#{id}, sk KEY` (gsi1 `APIKEYS` / `{createdAt}#{id}`, so admins
 * list them newest first) and its rate-limit state `pk APIKEY#{id}, sk RATE` `{tat}` (epoch ms,
 * token-bucket.ts), a separate item so that counting requests never races with revoking the key.
 */
const INDEX_KEY = 'APIKEYS';
const pk = (id: string) => `APIKEY#${id}`;

export class DynamoApiKeyStore implements ApiKeyStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async create(record: ApiKeyRecord): Promise<void> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            ...record,
            pk: pk(record.id),
            sk: 'KEY',
            kind: 'apiKey',
            gsi1pk: INDEX_KEY,
            gsi1sk: `${record.createdAt}#${record.id}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailed(error))
        throw new ConflictError(`接口密钥 ${record.id} 已存在 (API key ${record.id} already exists)`);
      throw error;
    }
  }

  async get(id: string): Promise<ApiKeyRecord | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: { pk: pk(id), sk: 'KEY' }, ConsistentRead: true }),
    );
    return result.Item === undefined ? undefined : stripKeys<ApiKeyRecord>(result.Item);
  }

  async list(options: PageOptions): Promise<Page<ApiKeyRecord>> {
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': INDEX_KEY },
        ScanIndexForward: false,
        Limit: options.limit ?? 50,
        ExclusiveStartKey: decodeCursor(options.cursor, {
          pk: 'any',
          sk: { equals: 'KEY' },
          gsi1pk: { equals: INDEX_KEY },
          gsi1sk: 'any',
        }),
      }),
    );
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return {
      items: (result.Items ?? []).map((item) => stripKeys<ApiKeyRecord>(item)),
      ...(cursor === undefined ? {} : { cursor }),
    };
  }

  async markRevoked(id: string, at: string, by: string): Promise<boolean> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: pk(id), sk: 'KEY' },
          UpdateExpression: 'SET #status = :revoked, revokedAt = :at, revokedBy = :by',
          ConditionExpression: '#status = :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':revoked': 'revoked', ':active': 'active', ':at': at, ':by': by },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  async takeArrival(id: string, step: ArrivalStep): Promise<'advanced' | { tat: number }> {
    const later = { ':now': step.now, ':interval': step.interval, ':latest': step.latest };
    const afresh = { ':now': step.now, ':next': step.now + step.interval };
    // The two conforming cases are exclusive conditions on the current tat; between them another
    // request may move tat across `now`, so a failed pair is read and tried again (rarely twice).
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.#arrive(id, 'SET tat = tat + :interval', 'tat > :now AND tat <= :latest', later)) {
        return 'advanced';
      }
      if (await this.#arrive(id, 'SET tat = :next', 'attribute_not_exists(tat) OR tat <= :now', afresh)) {
        return 'advanced';
      }
      const tat = await this.#tat(id);
      if (tat !== undefined && tat > step.latest) return { tat };
    }
    throw new ConflictError(
      `接口密钥 ${id} 的限流计数被并发修改，请重试 (the rate limit of API key ${id} kept moving; try again)`,
    );
  }

  async #arrive(
    id: string,
    update: string,
    condition: string,
    values: Record<string, number>,
  ): Promise<boolean> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: pk(id), sk: 'RATE' },
          UpdateExpression: `${update}, kind = :kind`,
          ConditionExpression: condition,
          ExpressionAttributeValues: { ...values, ':kind': 'apiKeyRate' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  async #tat(id: string): Promise<number | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: { pk: pk(id), sk: 'RATE' }, ConsistentRead: true }),
    );
    return result.Item?.tat === undefined ? undefined : Number(result.Item.tat);
  }
}
