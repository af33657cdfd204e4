import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type {
  BudgetAlert,
  BudgetCheckDeps,
  BudgetCheckPorts,
  BudgetKey,
  PeriodTotal,
} from '../../../domain/carbon/budgets/budget-check.ts';
import type { RollupItem } from '../../../domain/carbon/rollups/emission-series.ts';
import { monthsBetween } from '../../../domain/carbon/rollups/feed-days.ts';
import { addFeedShares, withFeedShare } from '../../../domain/carbon/rollups/feed-shares.ts';
import { co2eTonnesOf, tceOf } from '../../../domain/carbon/rollups/rollup-figures.ts';
import type { Granularity, RollupLevel } from '../../../domain/carbon/rollups/rollup-model.ts';
import type {
  AlertFilter,
  AlertReader,
  AlertRecord,
  BudgetStore,
  FeedOption,
  RollupReader,
} from '../../../ports/carbon-read-store.ts';
import type { RegistryReader } from '../../../ports/registry-store.ts';
import { batchGetAll } from '../batch-get.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { DynamoAlertWriter } from './alert-writer.ts';
import { DynamoBudgetStore } from './budget-store.ts';
import { ALERTS_GSI1PK, feedMonthPk, rollupPk } from './carbon-keys.ts';
import { FeedMonthReader } from './feed-month-reader.ts';

/** `kind` is not here: on alert items it is the alert's kind. */
const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk']);
const stripKeys = (item: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)));

/** Alert key: one item per target, kind and period, so a conditional put raises it once. */
/**
 * The carbon table as the emissions, budget and alert endpoints read it, and the ports of
 * `checkBudgets` (budgets, month totals, put-if-absent alerts). Layout: rollup-model.ts.
 */
export class DynamoCarbonReadStore implements RollupReader, AlertReader, BudgetCheckPorts {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #alerts: DynamoAlertWriter;
  readonly #feedMonths: FeedMonthReader;
  readonly budgets: BudgetStore;

  /** `registry`: where a level's account meters are found (feed-month-reader.ts). */
  constructor(client: DynamoDBDocumentClient, table: string, registry: Pick<RegistryReader, 'listMeters'>) {
    this.#client = client;
    this.#table = table;
    this.#feedMonths = new FeedMonthReader(client, table, registry);
    this.budgets = new DynamoBudgetStore(client, table);
    this.#alerts = new DynamoAlertWriter(client, table);
  }

  /**
   * Day and hour series include the feeds' shares (feed-shares.ts): one more Query, of the months
   * spanned, and where the target has feed months its account meters' (feed-month-reader.ts).
   * `feeds: false` reads what was measured alone.
   */
  async readSeries(
    level: RollupLevel,
    id: string,
    granularity: Granularity,
    first: string,
    last: string,
    options: FeedOption = {},
  ): Promise<Map<string, RollupItem>> {
    const items = await this.#query(rollupPk(level, id, granularity), first, last);
    if (granularity === 'month' || options.feeds === false) return items;
    const months = monthsBetween(first, last);
    const feeds = await this.#query(feedMonthPk(level, id), months[0] ?? '', months.at(-1) ?? '');
    if (feeds.size === 0) return items;
    const reads = await this.#feedMonths.withMeters(level, new Map([[id, [...feeds.values()]]]));
    return addFeedShares(items, reads.get(id) ?? [], granularity, first, last);
  }

  async #query(pk: string, first: string, last: string): Promise<Map<string, RollupItem>> {
    const items = new Map<string, RollupItem>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
          ExpressionAttributeValues: { ':pk': pk, ':first': first, ':last': last },
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      for (const item of page.Items ?? []) items.set(String(item.sk), item);
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }

  /** A day's or an hour's items include each target's feed share of it (feed-shares.ts). */
  async readPeriod(
    level: RollupLevel,
    ids: readonly string[],
    granularity: Granularity,
    period: string,
    options: FeedOption = {},
  ): Promise<Map<string, RollupItem>> {
    const pkToId = new Map(ids.map((id) => [rollupPk(level, id, granularity), id]));
    const keys = [...pkToId.keys()].map((pk) => ({ pk, sk: period }));
    const items = await batchGetAll(this.#client, this.#table, keys);
    const byId = new Map(items.map((item) => [pkToId.get(String(item.pk)) ?? '', item]));
    if (granularity === 'month' || options.feeds === false) return byId;
    const feedToId = new Map(ids.map((id) => [feedMonthPk(level, id), id]));
    const month = period.slice(0, 7);
    const feeds = await batchGetAll(
      this.#client,
      this.#table,
      [...feedToId.keys()].map((pk) => ({ pk, sk: month })),
    );
    if (feeds.length === 0) return byId;
    const reads = await this.#feedMonths.withMeters(
      level,
      new Map(feeds.map((feed) => [feedToId.get(String(feed.pk)) ?? '', [feed]])),
    );
    for (const [id, [feed]] of reads)
      if (feed !== undefined) byId.set(id, withFeedShare(byId.get(id), feed, period));
    return byId;
  }

  readBudgets(keys: readonly BudgetKey[]) {
    return this.budgets.readBudgets(keys);
  }

  async readMonthTotals(keys: readonly BudgetKey[]): Promise<PeriodTotal[]> {
    const byPk = new Map(
      keys.map((key) => [`${rollupPk(key.level, key.targetId, 'month')}|${key.period}`, key]),
    );
    const items = await batchGetAll(
      this.#client,
      this.#table,
      keys.map((key) => ({ pk: rollupPk(key.level, key.targetId, 'month'), sk: key.period })),
    );
    return items.flatMap((item) => {
      const key = byPk.get(`${String(item.pk)}|${String(item.sk)}`);
      return key ? [{ ...key, co2eT: co2eTonnesOf(item), tce: tceOf(item) }] : [];
    });
  }

  /** Budget alerts go through the one alert writer, so every kind of alert is keyed alike. */
  raiseAlert(alert: BudgetAlert): Promise<boolean> {
    return this.#alerts.raiseAlert(alert);
  }

  async listAlerts(filter: AlertFilter): Promise<{ items: AlertRecord[]; cursor?: string }> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': ALERTS_GSI1PK };
    const conditions: string[] = [];
    for (const [attribute, value] of [
      ['kind', filter.kind],
      ['level', filter.level],
      ['targetId', filter.targetId],
    ] as const) {
      if (value === undefined) continue;
      names[`#${attribute}`] = attribute;
      values[`:${attribute}`] = value;
      conditions.push(`#${attribute} = :${attribute}`);
    }
    if (filter.from !== undefined) values[':from'] = filter.from;
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression:
          filter.from === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND gsi1sk >= :from',
        ...(conditions.length === 0
          ? {}
          : { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names }),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: filter.limit,
        ExclusiveStartKey: decodeCursor(filter.cursor, {
          pk: 'any',
          sk: 'any',
          gsi1pk: { equals: ALERTS_GSI1PK },
          gsi1sk: filter.from === undefined ? 'any' : { atLeast: filter.from },
        }),
      }),
    );
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return {
      items: (result.Items ?? []).map((item) => stripKeys(item) as unknown as AlertRecord),
      ...(cursor === undefined ? {} : { cursor }),
    };
  }
}

/** `checkBudgets`' dependencies on this store, for the ingest: `checkBudgets(budgetCheckDeps(store, clock), …)`. */
export const budgetCheckDeps = (store: DynamoCarbonReadStore, now: () => Date): BudgetCheckDeps => ({
  readBudgets: (keys) => store.readBudgets(keys),
  readMonthTotals: (keys) => store.readMonthTotals(keys),
  raiseAlert: (alert) => store.raiseAlert(alert),
  now,
});
