import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { parseReportId, type ReportEntry, type ReportKind } from '../../domain/reports/report-index.ts';
import type { ReportIndexStore } from '../../ports/report-store.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/**
 * Jobs table: pk `REPORTS#{kind}`, sk `{period}#{report id}` — one partition per kind, listed newest
 * period first; a get by id rebuilds the key from the id (kind and period are part of it).
 */
export class DynamoReportIndexStore implements ReportIndexStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async put(entry: ReportEntry): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: { ...keyOf(entry.kind, entry.period, entry.id), kind: 'report', entry },
      }),
    );
  }

  async get(id: string): Promise<ReportEntry | undefined> {
    const parsed = parseReportId(id);
    if (parsed === undefined) return undefined;
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: keyOf(parsed.kind, parsed.period, id) }),
    );
    return result.Item?.entry as ReportEntry | undefined;
  }

  async list(query: { kind: ReportKind; periodPrefix?: string; limit: number; cursor?: string }) {
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression:
          query.periodPrefix === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': `REPORTS#${query.kind}`,
          ...(query.periodPrefix === undefined ? {} : { ':prefix': query.periodPrefix }),
        },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: decodeCursor(query.cursor, {
          pk: { equals: `REPORTS#${query.kind}` },
          sk: query.periodPrefix === undefined ? 'any' : { beginsWith: query.periodPrefix },
        }),
      }),
    );
    const items = (result.Items ?? []).map((item) => item.entry as ReportEntry);
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return cursor === undefined ? { items } : { items, cursor };
  }
}

const keyOf = (kind: ReportKind, period: string, id: string) => ({
  pk: `REPORTS#${kind}`,
  sk: `${period}#${id}`,
});
