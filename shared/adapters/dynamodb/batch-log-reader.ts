import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { rollupPk } from '../../domain/emissions/rollup-model.ts';
import type { BatchLogReader, BatchLogView } from '../../ports/carbon-read-store.ts';
import { checkStartKey } from './cursor.ts';

const strings = (value: unknown): string[] => {
  if (value instanceof Set) return [...value].map(String).sort();
  return Array.isArray(value) ? value.map(String) : [];
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

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
});

/**
 * Reads the per-message log the ingest keeps on meter-hour rollup items (carbon table, pk
 * `ROLLUP#meter#<id>#hour`, attribute `batchLog`). Only `sk` and `batchLog` are projected, so a
 * trace page costs the hours it covers, never the meter's whole history.
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
  ): Promise<{ items: BatchLogView[]; nextKey?: Record<string, unknown> }> {
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
        ProjectionExpression: 'pk, sk, batchLog',
        ExpressionAttributeValues: { ':pk': pk, ':first': hours.firstHour, ':last': hours.lastHour },
        Limit: page.hoursPerPage,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    const items = (result.Items ?? []).flatMap((item) =>
      list(item.batchLog).map((entry) => toView(meterId, String(item.sk), entry as Record<string, unknown>)),
    );
    return { items, ...(result.LastEvaluatedKey === undefined ? {} : { nextKey: result.LastEvaluatedKey }) };
  }
}
