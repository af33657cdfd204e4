import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
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
  const was = previous !== undefined && awaits(previous);
  const is = awaits(next);
  if (!was && !is) return [];
  if (was && is && previous?.provisionalSince === next.provisionalSince) return [];
  return [markerOf(kind, next, is)];
};

/** The tombstone of a marker whose record no longer awaits anything (written outside a step). */
export const provisionalMarkerTombstone = (kind: MarkedKind, id: string): SideItem =>
  markerOf(kind, { id }, false);

export interface MarkedRecord {
  kind: MarkedKind;
  id: string;
  since: string;
}

/** Markers whose `since` lies before `before` (an ISO instant), oldest first, every page. */
export const markedBefore = async (
  client: DynamoDBDocumentClient,
  table: string,
  before: string,
): Promise<MarkedRecord[]> => {
  const marked: MarkedRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await client.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :before',
        ExpressionAttributeValues: { ':p': PROVISIONAL_PARTITION, ':before': before },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      marked.push({ kind: item.subject as MarkedKind, id: String(item.recordId), since: String(item.since) });
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return marked;
};
