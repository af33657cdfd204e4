import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.ts';
import type { ApiKeyRecord } from '../../domain/open311/api-keys.ts';
import type { BucketState } from '../../domain/open311/token-bucket.ts';
import type { ApiKeyStore, StoredBucket } from '../../ports/api-key-store.ts';
import type { Page, PageOptions } from '../../ports/registry-store.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { stripKeys } from './registry-keys.ts';

/**
 * Registry table: the key `pk APIKEY#{id}, sk KEY` (gsi1 `APIKEYS` / `{createdAt}#{id}`, so admins
 * list them newest first) and its bucket `pk APIKEY#{id}, sk BUCKET` `{tokens, at, version}`, a
 * separate item so that counting requests never races with revoking the key.
 */
const INDEX_KEY = 'APIKEYS';
const pk = (id: string) => `APIKEY#${id}`;

const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

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
      if (isConditionFailure(error)) throw new ConflictError(`API key ${record.id} already exists`);
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
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async readBucket(id: string): Promise<StoredBucket> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: { pk: pk(id), sk: 'BUCKET' }, ConsistentRead: true }),
    );
    const item = result.Item;
    if (item === undefined) return { version: 0 };
    return { state: { tokens: Number(item.tokens), at: Number(item.at) }, version: Number(item.version) };
  }

  async writeBucket(id: string, state: BucketState, version: number): Promise<boolean> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: { pk: pk(id), sk: 'BUCKET', kind: 'apiKeyBucket', ...state, version: version + 1 },
          ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
          ...(version === 0 ? {} : { ExpressionAttributeValues: { ':version': version } }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
