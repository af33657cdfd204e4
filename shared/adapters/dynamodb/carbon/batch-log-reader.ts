import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_BATCH_LOG } from '../../../domain/carbon/ingest/ingest-plan.ts';
import type { RecalcLogEntry } from '../../../domain/carbon/rollups/recalculation-model.ts';
import type { BatchLogPage, BatchLogReader, BatchLogView } from '../../../ports/carbon-read-store.ts';
import { checkStartKey } from '../cursor.ts';
import { batchLogOverflowPk, feedMonthPk, rollupPk } from './carbon-keys.ts';

const strings = (value: unknown): string[] => {
  if (value instanceof Set) return [...value].map(String).sort();
  return Array.isArray(value) ? value.map(String) : [];
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * A feed month item holds a marker for every slot message and the entries of a slot's first
 * changes; more markers than entries: the others are on items of their own (month-plan.ts).
 */
export const feedOverflows = (item: Record<string, unknown>): boolean =>
  item.msgs instanceof Set && item.msgs.size > list(item.batchLog).length;

const optionalStrings = <K extends string>(entry: Record<string, unknown>, names: readonly K[]) =>
  Object.fromEntries(
    names.flatMap((name) => (typeof entry[name] === 'string' ? [[name, entry[name]]] : [])),
  ) as Partial<Record<K, string>>;

const toView = (meterId: string, hour: string, entry: Record<string, unknown>): BatchLogView => ({
  meterId,
  hour,
  messageId: String(entry.messageId ?? ''),
  ...(typeof entry.batchHandle === 'string' ? { handle: entry.batchHandle } : {}),
  ...(typeof entry.receivedAt === 'string' ? { receivedAt: entry.receivedAt } : {}),
  readingCount: list(entry.readings).length,
  co2eT: typeof entry.co2eT === 'number' ? entry.co2eT : 0,
  factorRefs: strings(entry.factorRefs),
  ...(typeof entry.gwpSet === 'string' ? { gwpSet: entry.gwpSet } : {}),
  ...optionalStrings(entry, ['method', 'programme', 'marketProgramme']),
  ...(typeof entry.tce === 'number' ? { tce: entry.tce } : {}),
  ...(Array.isArray(entry.measuredParameters) ? { measuredParameters: entry.measuredParameters } : {}),
  ...(typeof entry.activity === 'object' && entry.activity !== null
    ? { activity: entry.activity as BatchLogView['activity'] }
    : {}),
  correction: entry.correction === true,
  readings: list(entry.readings),
  deltas: list(entry.deltas),
  ...(typeof entry.source === 'object' && entry.source !== null
    ? { source: entry.source as BatchLogView['source'] }
    : {}),
});

/**
 * Reads the per-message log the ingest keeps on meter-hour rollup items (carbon table, pk
 * `ROLLUP#meter#<id>#hour`, attribute `batchLog`), the entries of a full hour that went to items of
 * their own (`BATCHLOG#meter#<id>`), and the recalculation lines of each hour (`recalcLog`). Only
 * those attributes are projected, so a trace page costs the hours it covers, never the meter's
 * whole history.
 */
export class DynamoBatchLogReader implements BatchLogReader {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async readBatchLog(
    meterId: string,
    hours: { firstHour: string; lastHour: string },
    page: { hoursPerPage: number; startKey?: Record<string, unknown> },
  ): Promise<BatchLogPage> {
    const pk = rollupPk('meter', meterId, 'hour');
    // The start key came back in a client's cursor: it must continue this very query.
    const startKey =
      page.startKey === undefined
        ? undefined
        : checkStartKey(page.startKey, {
            pk: { equals: pk },
            sk: { between: [hours.firstHour, hours.lastHour] },
          });
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        ProjectionExpression: 'pk, sk, batchLog, logSize, recalcLog',
        ExpressionAttributeValues: { ':pk': pk, ':first': hours.firstHour, ':last': hours.lastHour },
        Limit: page.hoursPerPage,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    const items: BatchLogView[] = [];
    const recalculations: BatchLogPage['recalculations'] = [];
    // A feed month's entries come first, once (with the first page): they reach every day of it.
    const feeds = startKey === undefined ? await this.#feedMonths(meterId, hours) : [];
    for (const item of [...feeds, ...(result.Items ?? [])]) {
      const hour = String(item.sk);
      const overflow =
        (typeof item.logSize === 'number' && item.logSize >= MAX_BATCH_LOG) || feedOverflows(item);
      const entries = [...list(item.batchLog), ...(overflow ? await this.#overflow(meterId, hour) : [])];
      items.push(...entries.map((entry) => toView(meterId, hour, entry as Record<string, unknown>)));
      const lines = list(item.recalcLog) as RecalcLogEntry[];
      if (lines.length > 0) recalculations.push({ meterId, hour, lines });
    }
    return {
      items,
      recalculations,
      ...(result.LastEvaluatedKey === undefined ? {} : { nextKey: result.LastEvaluatedKey }),
    };
  }

  /**
   * The account meter's feed month items the span reaches (docs/imports.md): an hour too, since
   * hours hold the feed's share of their day. Their `sk` is the month, shown as the entries' `hour`.
   */
  async #feedMonths(meterId: string, hours: { firstHour: string; lastHour: string }) {
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        ProjectionExpression: 'pk, sk, batchLog, recalcLog, msgs',
        ExpressionAttributeValues: {
          ':pk': feedMonthPk('meter', meterId),
          ':first': hours.firstHour.slice(0, 7),
          ':last': hours.lastHour.slice(0, 7),
        },
      }),
    );
    return result.Items ?? [];
  }

  /** The entries of an hour past MAX_BATCH_LOG messages, each on its own item. */
  async #overflow(meterId: string, hour: string): Promise<unknown[]> {
    const entries: unknown[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :hour)',
          ExpressionAttributeValues: { ':pk': batchLogOverflowPk(meterId), ':hour': `${hour}#` },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      entries.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return entries;
  }
}
