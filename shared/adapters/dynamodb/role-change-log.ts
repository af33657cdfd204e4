import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RoleChange, RoleChangeLog } from '../../ports/identity-admin.ts';
import { stripKeys } from './registry-keys.ts';

/**
 * Role changes in the registry table, one partition in time order: pk `ROLECHANGES`, sk
 * `{at}#{username}`. Changes are rare (people joining, moving, leaving), so one partition holds them.
 */
const PK = 'ROLECHANGES';

export class DynamoRoleChangeLog implements RoleChangeLog {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async append(change: RoleChange): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: { ...change, pk: PK, sk: `${change.at}#${change.username}`, kind: 'roleChange' },
      }),
    );
  }

  async recent(limit: number): Promise<RoleChange[]> {
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': PK },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => stripKeys<RoleChange>(item));
  }
}
