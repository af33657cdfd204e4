import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ImportAccount } from '../../domain/imports/accounts.ts';
import type { MeterRecord } from '../../domain/registry/records.ts';
import type { ImportAccountStore } from '../../ports/import-store.ts';
import { batchGetAll } from './batch-get.ts';

/**
 * Feed accounts in the registry table (admin-maintained, like enterprises and meters):
 * pk `IMPORTACCOUNT#<accountId>` sk `#account`, gsi1pk `IMPORTACCOUNTS`, gsi1sk `<accountId>`;
 * and, per enterprise and energy type, the account meters of feeds that count there:
 * pk `FEEDCOUNTS#<enterpriseId>` sk `<energyType>`, `feedMeters` (string set). The ingest reads it:
 * any other meter of that enterprise and type is then recorded only (docs/imports.md).
 */
const countsPk = (enterpriseId: string) => `FEEDCOUNTS#${enterpriseId}`;
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
    const previous = await this.getAccount(account.accountId);
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: { pk: pk(account.accountId), sk: SK, gsi1pk: INDEX_PK, gsi1sk: account.accountId, ...account },
      }),
    );
    if (previous) await this.#feedMeters(previous, 'DELETE');
    if (account.counts === 'feed') await this.#feedMeters(account, 'ADD');
  }

  /** Adds or removes the account's meters from the feed-counting set of their enterprise and type. */
  async #feedMeters(account: ImportAccount, action: 'ADD' | 'DELETE') {
    for (const [energyType, meterId] of Object.entries(account.meters)) {
      if (meterId === undefined) continue;
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: countsPk(account.enterpriseId), sk: energyType },
          UpdateExpression: `${action} feedMeters :meter`,
          ExpressionAttributeValues: { ':meter': new Set([meterId]) },
        }),
      );
    }
  }

  /** True when a feed of the meter's enterprise and energy type counts, and the meter is not its. */
  async recordedOnly(meter: Pick<MeterRecord, 'id' | 'enterpriseId' | 'energyType'>): Promise<boolean> {
    const { Item } = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: countsPk(meter.enterpriseId), sk: meter.energyType },
      }),
    );
    const feedMeters = Item?.feedMeters instanceof Set ? (Item.feedMeters as Set<string>) : new Set<string>();
    return feedMeters.size > 0 && !feedMeters.has(meter.id);
  }

  /**
   * `recordedOnly` of many meters with one BatchGetItem per 100 enterprise-and-type keys (the
   * ingest asks for a whole queue batch): the ids of the meters that are recorded only.
   */
  async recordedOnlyOf(
    meters: readonly Pick<MeterRecord, 'id' | 'enterpriseId' | 'energyType'>[],
  ): Promise<Set<string>> {
    const keyOf = (m: Pick<MeterRecord, 'enterpriseId' | 'energyType'>) => ({
      pk: countsPk(m.enterpriseId),
      sk: m.energyType,
    });
    const unique = new Map(meters.map((m) => [`${m.enterpriseId}\u0000${m.energyType}`, keyOf(m)]));
    if (unique.size === 0) return new Set();
    const items = await batchGetAll(this.#client, this.#table, [...unique.values()]);
    const feeds = new Map(
      items.map((item) => [
        `${String(item.pk)}\u0000${String(item.sk)}`,
        item.feedMeters instanceof Set ? (item.feedMeters as Set<string>) : new Set<string>(),
      ]),
    );
    const recorded = meters.filter((m) => {
      const feedMeters = feeds.get(`${countsPk(m.enterpriseId)}\u0000${m.energyType}`);
      return feedMeters !== undefined && feedMeters.size > 0 && !feedMeters.has(m.id);
    });
    return new Set(recorded.map((m) => m.id));
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
