import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countedAbove, type FeedMonthRead } from '../../../domain/carbon/rollups/feed-shares.ts';
import type { RollupLevel } from '../../../domain/carbon/rollups/rollup-model.ts';
import type { MeterRecord } from '../../../domain/registry/records.ts';
import type { RegistryReader } from '../../../ports/registry-store.ts';
import { batchGetAll } from '../batch-get.ts';
import { feedMonthPk } from './carbon-keys.ts';

/**
 * The account meters' feed months behind a level's feed months (feed-shares.ts: a level's day or
 * hour is the sum of its account meters' spread months). Only levels that have a feed month pay:
 * one registry listing (the enterprise's meters; every meter for an industry or the city) and one
 * BatchGet per 100 account meter months.
 */
export class FeedMonthReader {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #registry: Pick<RegistryReader, 'listMeters'>;

  constructor(client: DynamoDBDocumentClient, table: string, registry: Pick<RegistryReader, 'listMeters'>) {
    this.#client = client;
    this.#table = table;
    this.#registry = registry;
  }

  /**
   * Each level feed month item (`feeds`: target id → items of its months) with the account meters'
   * items that reached it. The meter level is its own account meter: nothing more to read.
   */
  async withMeters(
    level: RollupLevel,
    feeds: ReadonlyMap<string, readonly Record<string, unknown>[]>,
  ): Promise<Map<string, FeedMonthRead[]>> {
    const ids = [...feeds.keys()].filter((id) => (feeds.get(id) ?? []).length > 0);
    const meterIds = level === 'meter' ? new Map<string, string[]>() : await this.#accountMeters(level, ids);
    const keys = ids.flatMap((id) =>
      (meterIds.get(id) ?? []).flatMap((meterId) =>
        (feeds.get(id) ?? []).map((feed) => ({ pk: feedMonthPk('meter', meterId), sk: String(feed.sk) })),
      ),
    );
    const meterMonths = new Map<string, Record<string, unknown>>();
    for (const item of keys.length === 0 ? [] : await batchGetAll(this.#client, this.#table, keys))
      if (countedAbove(item)) meterMonths.set(`${String(item.pk)}|${String(item.sk)}`, item);
    return new Map(
      ids.map((id) => [
        id,
        (feeds.get(id) ?? []).map((total) => ({
          month: String(total.sk),
          total,
          meters: (meterIds.get(id) ?? []).flatMap((meterId) => {
            const item = meterMonths.get(`${feedMonthPk('meter', meterId)}|${String(total.sk)}`);
            return item === undefined ? [] : [item];
          }),
        })),
      ]),
    );
  }

  /** The account meters (`source: feed`) of each target, from the registry. */
  async #accountMeters(level: RollupLevel, ids: readonly string[]): Promise<Map<string, string[]>> {
    if (ids.length === 0) return new Map();
    const one = level === 'enterprise' && ids.length === 1 ? ids[0] : undefined;
    const meters = (await this.#allMeters(one)).filter((m) => m.source === 'feed');
    const targetOf = (m: MeterRecord) =>
      level === 'enterprise' ? m.enterpriseId : level === 'industry' ? m.industryCode : 'city';
    const wanted = new Set(ids);
    const out = new Map<string, string[]>();
    for (const meter of meters) {
      const target = targetOf(meter);
      if (wanted.has(target)) out.set(target, [...(out.get(target) ?? []), meter.id]);
    }
    return out;
  }

  async #allMeters(enterpriseId: string | undefined): Promise<MeterRecord[]> {
    const all: MeterRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.#registry.listMeters({
        limit: 100,
        ...(enterpriseId === undefined ? {} : { enterpriseId }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor !== undefined);
    return all;
  }
}
