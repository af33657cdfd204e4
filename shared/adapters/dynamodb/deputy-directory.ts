import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { DeputyDirectory, DeputyRecord } from '../../ports/deputy-directory.ts';
import { isConditionFailed } from './conditional-write.ts';
import { registryKey, stripKeys } from './registry-keys.ts';

/**
 * Deputies in the registry table, beside the departments: `pk DEPUTY#{id}, sk PROFILE`, listed on
 * gsi1 `DEPUTIES` / `{id}`. Read one by one: a suggestion names at most 50 co-signers.
 */
export class DynamoDeputyDirectory implements DeputyDirectory {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async getDeputy(id: string): Promise<DeputyRecord | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: registryKey('DEPUTY', id) }),
    );
    return result.Item === undefined ? undefined : stripKeys<DeputyRecord>(result.Item);
  }

  async listDeputies(): Promise<DeputyRecord[]> {
    const deputies: DeputyRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': 'DEPUTIES' },
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      for (const item of page.Items ?? []) deputies.push(stripKeys<DeputyRecord>(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return deputies;
  }

  async putDeputy(record: DeputyRecord, options: { ifAbsent?: boolean } = {}): Promise<boolean> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            ...record,
            ...registryKey('DEPUTY', record.id),
            kind: 'deputy',
            gsi1pk: 'DEPUTIES',
            gsi1sk: record.id,
          },
          ...(options.ifAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
        }),
      );
      return true;
    } catch (error) {
      if (options.ifAbsent && isConditionFailed(error)) return false;
      throw error;
    }
  }
}
