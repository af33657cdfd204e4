import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.ts';
import type { CalendarStore, CalendarYearVersion } from '../../ports/calendar-store.ts';

/**
 * The calendar table (pk, sk; no indexes). Access patterns:
 *   the current years   Query pk `CALENDAR`, sk begins_with `YEAR#` — one small partition, one item a
 *                       year (the current version, document included), read by every function that
 *                       computes deadlines (cached per Lambda instance, live-calendar.ts)
 *   one year now        GetItem pk `CALENDAR`, sk `YEAR#<year>`
 *   a year's versions   Query pk `CALENDAR#<year>`, sk begins_with `V#` (sk `V#<version, 6 digits>`)
 *   one version         GetItem pk `CALENDAR#<year>`, sk `V#<version>`
 * A load writes the immutable version item (only if new) and replaces the current item on condition
 * that it still holds the version before, in one transaction: two admins loading at once cannot both
 * win, and the history never misses a version that was current.
 */
const CURRENT_PK = 'CALENDAR';
const currentKey = (year: number) => ({ pk: CURRENT_PK, sk: `YEAR#${year}` });
const versionKey = (year: number, version: number) => ({
  pk: `CALENDAR#${year}`,
  sk: `V#${String(version).padStart(6, '0')}`,
});

const toVersion = (item: Record<string, unknown>): CalendarYearVersion => ({
  year: Number(item.year),
  version: Number(item.version),
  loadedAt: String(item.loadedAt),
  loadedBy: String(item.loadedBy),
  document: item.document as CalendarYearVersion['document'],
});

export class DynamoCalendarStore implements CalendarStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async currentYears(): Promise<CalendarYearVersion[]> {
    const items = await this.#queryAll(CURRENT_PK, 'YEAR#');
    return items.map(toVersion).sort((a, b) => a.year - b.year);
  }

  async versions(year: number): Promise<CalendarYearVersion[]> {
    return (await this.#queryAll(`CALENDAR#${year}`, 'V#')).map(toVersion);
  }

  async getYear(year: number, version?: number): Promise<CalendarYearVersion | undefined> {
    const key = version === undefined ? currentKey(year) : versionKey(year, version);
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: key, ConsistentRead: true }),
    );
    return result.Item === undefined ? undefined : toVersion(result.Item);
  }

  async putYear(next: CalendarYearVersion): Promise<void> {
    const attributes = { ...next, kind: 'calendar-year' };
    const first = next.version === 1;
    try {
      await this.#client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.#table,
                Item: { ...attributes, ...versionKey(next.year, next.version) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.#table,
                Item: { ...attributes, ...currentKey(next.year) },
                ConditionExpression: first ? 'attribute_not_exists(pk)' : 'version = :previous',
                ...(first ? {} : { ExpressionAttributeValues: { ':previous': next.version - 1 } }),
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new ConflictError(
          `${next.year} 年日历已被他人更新，请重新读取后再载入 (calendar year ${next.year} was changed meanwhile)`,
        );
      }
      throw error;
    }
  }

  async #queryAll(pk: string, prefix: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return items;
  }
}
