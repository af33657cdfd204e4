import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportAccount } from '../../domain/imports/accounts.ts';
import type { ImportAccountStore } from '../../ports/import-store.ts';

/**
 * Feed accounts in the registry table (admin-maintained, like enterprises and meters):
 * pk `IMPORTACCOUNT#<accountId>` sk `#account`, gsi1pk `IMPORTACCOUNTS`, gsi1sk `<accountId>`.
 */
const pk = (accountId: string) => `IMPORTACCOUNT#${accountId}`;
const SK = '#account';
const INDEX_PK = 'IMPORTACCOUNTS';
const KEYS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk']);
const strip = (item: Record<string, unknown>): ImportAccount =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEYS.has(name))) as unknown as ImportAccount;

export class DynamoImportAccountStore implements ImportAccountStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async getAccount(accountId: string): Promise<ImportAccount | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: { pk: pk(accountId), sk: SK } }),
    );
    return Item ? strip(Item) : undefined;
  }

  async putAccount(account: ImportAccount): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: { pk: pk(account.accountId), sk: SK, gsi1pk: INDEX_PK, gsi1sk: account.accountId, ...account },
      }),
    );
  }

  async listAccounts(): Promise<ImportAccount[]> {
    const accounts: ImportAccount[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': INDEX_PK },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      accounts.push(...(page.Items ?? []).map(strip));
      start = page.LastEvaluatedKey;
    } while (start);
    return accounts;
  }
}
