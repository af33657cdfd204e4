import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { BatchLookup, BatchSummary } from '../../../ports/batch-lookup.ts';
import { batchLogOverflowPk, feedMonthPk, rollupPk } from './carbon-keys.ts';

/** How far back a handle is looked for: about two months of meter-hours, newest first. */
const MAX_HOURS_SEARCHED = 1_500;
const HOURS_PER_PAGE = 168;
/** An account meter's feed months searched, newest first (five years): a feed batch is one month. */
const MAX_FEED_MONTHS = 60;

interface LogEntry {
  messageId?: unknown;
  batchHandle?: unknown;
  receivedAt?: unknown;
  readings?: unknown;
  co2eT?: unknown;
  factorRefs?: unknown;
  gwpSet?: unknown;
}

const strings = (value: unknown): string[] =>
  value instanceof Set ? [...value].map(String) : Array.isArray(value) ? value.map(String) : [];

/**
 * The ingest keeps one log entry per message on each meter-hour rollup item it touched (carbon
 * table, pk `ROLLUP#meter#<id>#hour`, attribute `batchLog`), each with the batch's handle. There is
 * no index from handle to hour, so this walks the meter's hours newest first (projecting only
 * `sk` and `batchLog`) until it finds the handle, for at most MAX_HOURS_SEARCHED hours. A batch
 * spanning hours has an entry in each; the walk continues while neighbouring hours still match.
 * An import's slot message is logged once, on the account meter's feed month item (docs/imports.md,
 * "The items"): a handle not found in the hours is looked for there, its `hours` being the month.
 */
export class DynamoBatchHandleLookup implements BatchLookup {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, carbonTable: string) {
    this.#client = client;
    this.#table = carbonTable;
  }

  async findBatch(meterId: string, handle: string): Promise<BatchSummary | undefined> {
    const found: Match[] = [];
    let startKey: Record<string, unknown> | undefined;
    let searched = 0;
    do {
      const page = await this.#hours(meterId, startKey);
      const matches = page.items.flatMap((item) => matchesIn(item, handle));
      found.push(...matches);
      searched += page.items.length;
      startKey = page.nextKey;
      const oldest = page.items.at(-1);
      // Found, and the oldest hour of the page did not match: nothing older belongs to the batch.
      if (found.length > 0 && (oldest === undefined || matchesIn(oldest, handle).length === 0)) break;
    } while (startKey !== undefined && searched < MAX_HOURS_SEARCHED);
    if (found.length === 0) found.push(...(await this.#inFeedMonths(meterId, handle)));
    return found.length === 0 ? undefined : summarise(meterId, handle, found);
  }

  async #inFeedMonths(meterId: string, handle: string): Promise<Match[]> {
    const pk = feedMonthPk('meter', meterId);
    let startKey: Record<string, unknown> | undefined;
    let searched = 0;
    do {
      const page = await this.#page(pk, startKey, 12);
      const matches = page.items.flatMap((item) => matchesIn(item, handle));
      if (matches.length > 0) return matches;
      searched += page.items.length;
      startKey = page.nextKey;
    } while (startKey !== undefined && searched < MAX_FEED_MONTHS);
    return this.#inFeedOverflow(meterId, handle);
  }

  /** A slot's later changes are logged on items of their own (month-plan.ts), sk `<month>#<message>`. */
  async #inFeedOverflow(meterId: string, handle: string): Promise<Match[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'batchHandle = :handle',
          ExpressionAttributeValues: { ':pk': batchLogOverflowPk(meterId), ':handle': handle },
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      const found = (page.Items ?? []).map((item) => ({ hour: String(item.hour), entry: item as LogEntry }));
      if (found.length > 0) return found;
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return [];
  }

  #hours(meterId: string, startKey: Record<string, unknown> | undefined) {
    return this.#page(rollupPk('meter', meterId, 'hour'), startKey, HOURS_PER_PAGE);
  }

  async #page(pk: string, startKey: Record<string, unknown> | undefined, limit: number) {
    const page: QueryCommandOutput = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk',
        ProjectionExpression: 'sk, batchLog',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: limit,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    return { items: page.Items ?? [], nextKey: page.LastEvaluatedKey };
  }
}

interface Match {
  hour: string;
  entry: LogEntry;
}

const matchesIn = (item: Record<string, unknown>, handle: string): Match[] =>
  ((Array.isArray(item.batchLog) ? item.batchLog : []) as LogEntry[])
    .filter((entry) => entry.batchHandle === handle)
    .map((entry) => ({ hour: String(item.sk), entry }));

const summarise = (
  meterId: string,
  handle: string,
  found: { hour: string; entry: LogEntry }[],
): BatchSummary => {
  const ordered = [...found].sort((a, b) => a.hour.localeCompare(b.hour));
  const first = ordered[0]?.entry ?? {};
  const timestamps = ordered
    .flatMap(({ entry }) => (Array.isArray(entry.readings) ? entry.readings : []))
    .map((reading) => String((reading as { ts?: unknown }).ts ?? ''))
    .filter((ts) => ts !== '')
    .sort();
  const refs = new Set(ordered.flatMap(({ entry }) => strings(entry.factorRefs)));
  const co2eT = ordered.reduce(
    (sum, { entry }) => sum + (typeof entry.co2eT === 'number' ? entry.co2eT : 0),
    0,
  );
  return {
    handle,
    meterId,
    messageId: String(first.messageId ?? ''),
    ...(typeof first.receivedAt === 'string' ? { receivedAt: first.receivedAt } : {}),
    hours: ordered.map(({ hour }) => hour),
    readingCount: timestamps.length,
    ...(timestamps.length === 0 ? {} : { firstReadingAt: timestamps[0], lastReadingAt: timestamps.at(-1) }),
    co2eT,
    factorRefs: [...refs].sort(),
    ...(typeof first.gwpSet === 'string' ? { gwpSet: first.gwpSet } : {}),
  };
};
