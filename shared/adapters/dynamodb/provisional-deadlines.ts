import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { awaitingMarkChange } from '../../domain/workflow/deadline-recompute.ts';
import type { AwaitingRecompute, ProvisionalDeadlines } from '../../ports/provisional-deadlines.ts';
import type { SideItem } from './workflow-layout.ts';

/**
 * Which open records hold a provisional deadline, without scanning the workflow table. Each such
 * record has a marker item under its own pk, written in the same transaction as the record:
 *   pk `CASE#<id>` | `SUGGESTION#<id>`, sk `PROVISIONAL`,
 *   gsi1 `DEADLINES#PROVISIONAL`, gsi1sk `<since>#<CASE|SUGGESTION>#<id>`
 * When the record stops awaiting a recomputation (recomputed, closed, handed back …) the marker is
 * overwritten by a bare tombstone without gsi1 keys, so the sparse index drops it.
 * After a year is loaded, the markers whose `since` lies before the first day the calendar still does
 * not cover are exactly the records to count again: one Query, gsi1sk < that instant, oldest first.
 * One partition: a district has a few dozen such records a year, around New Year.
 */

export const PROVISIONAL_PARTITION = 'DEADLINES#PROVISIONAL';
const MARKER_SK = 'PROVISIONAL';

export type MarkedKind = 'CASE' | 'SUGGESTION';

interface Marked {
  id: string;
  provisionalSince?: string;
}

const markerOf = (kind: MarkedKind, record: Marked, listed: boolean): SideItem => ({
  pk: `${kind}#${record.id}`,
  sk: MARKER_SK,
  kind: 'provisional-deadline',
  ...(listed
    ? {
        subject: kind,
        recordId: record.id,
        since: record.provisionalSince,
        gsi1pk: PROVISIONAL_PARTITION,
        gsi1sk: `${record.provisionalSince}#${kind}#${record.id}`,
      }
    : {}),
});

/**
 * The marker write a change from `previous` to `next` needs: none when neither awaits a recomputation
 * (the usual case: no extra write), else the marker of `next` or its tombstone.
 */
export const provisionalMarkerWrites = <R extends Marked>(
  kind: MarkedKind,
  previous: R | undefined,
  next: R,
  awaits: (record: R) => boolean,
): SideItem[] => {
  const change = awaitingMarkChange(previous, next, awaits);
  return change === 'keep' ? [] : [markerOf(kind, next, change === 'mark')];
};

/** The tombstone of a marker whose record no longer awaits anything (written outside a step). */
export const provisionalMarkerTombstone = (kind: MarkedKind, id: string): SideItem =>
  markerOf(kind, { id }, false);

const KINDS: Record<MarkedKind, AwaitingRecompute['kind']> = { CASE: 'case', SUGGESTION: 'suggestion' };

/** The port over the sparse marker partition: one Query, every page. */
export class DynamoProvisionalDeadlines implements ProvisionalDeadlines {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async awaitingBefore(edge: string): Promise<AwaitingRecompute[]> {
    const marked: AwaitingRecompute[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :before',
          ExpressionAttributeValues: { ':p': PROVISIONAL_PARTITION, ':before': edge },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const kind = KINDS[item.subject as MarkedKind];
        marked.push({ kind, id: String(item.recordId), since: String(item.since) });
      }
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return marked;
  }
}
