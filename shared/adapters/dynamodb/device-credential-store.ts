import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.ts';
import type { DeviceCredential, DeviceCredentialStore } from '../../ports/device-credential-store.ts';
import { batchGetAll } from './batch-get.ts';
import { isConditionFailed } from './conditional-write.ts';

/** Registry table: pk METER#{meterId}, sk CREDENTIAL — one current credential per meter. */
export class DynamoDeviceCredentialStore implements DeviceCredentialStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async get(meterId: string): Promise<DeviceCredential | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: this.#key(meterId), ConsistentRead: true }),
    );
    if (result.Item === undefined) return undefined;
    const { pk: _pk, sk: _sk, kind: _kind, ...credential } = result.Item;
    return credential as DeviceCredential;
  }

  /** Credentials of many meters, consistent (a revoked one is seen revoked), one BatchGetItem per 100. */
  async getMany(meterIds: readonly string[]): Promise<Map<string, DeviceCredential>> {
    const unique = [...new Set(meterIds)];
    if (unique.length === 0) return new Map();
    const items = await batchGetAll(
      this.#client,
      this.#table,
      unique.map((id) => this.#key(id)),
    );
    return new Map(
      items.map(({ pk: _pk, sk: _sk, kind: _kind, ...credential }) => {
        const record = credential as unknown as DeviceCredential;
        return [record.meterId, record];
      }),
    );
  }

  async put(credential: DeviceCredential): Promise<void> {
    await this.#client.send(new PutCommand({ TableName: this.#table, Item: this.#item(credential) }));
  }

  async create(credential: DeviceCredential): Promise<void> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: this.#item(credential),
          ConditionExpression: 'attribute_not_exists(pk) OR #status <> :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':active': 'active' },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      throw new ConflictError(
        `计量器具 ${credential.meterId} 已有有效的设备凭证 (meter ${credential.meterId} already has active credentials)`,
      );
    }
  }

  async markRevoked(meterId: string, createdAt: string, revokedAt: string): Promise<boolean> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: this.#key(meterId),
          UpdateExpression: 'SET #status = :revoked, revokedAt = :revokedAt',
          ConditionExpression: '#status = :active AND createdAt = :createdAt',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':revoked': 'revoked',
            ':active': 'active',
            ':createdAt': createdAt,
            ':revokedAt': revokedAt,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  #key(meterId: string) {
    return { pk: `METER#${meterId}`, sk: 'CREDENTIAL' };
  }

  #item(credential: DeviceCredential) {
    return { ...credential, ...this.#key(credential.meterId), kind: 'deviceCredential' };
  }
}
