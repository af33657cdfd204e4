import {
  type DynamoDBDocumentClient,
  ScanCommand,
  type ScanCommandOutput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type BackfillPlan,
  type CitingComment,
  type CitingTimeline,
  planAttachmentBackfill,
} from '../../domain/media/attachment-backfill.ts';
import type { TimelineEntry } from '../../domain/workflow/timeline.ts';
import { isConditionFailed } from './conditional-write.ts';

export interface BackfillReport {
  attached: number;
  /** Files that already had a back-reference (attached since, or by an earlier run). */
  alreadyAttached: number;
  /** Cited ids with no media item (never uploaded through the catalog). */
  missing: number;
  conflicts: BackfillPlan['conflicts'];
}

/**
 * Sets `attachedTo` on the files cited before it existed (attachment-backfill.ts): one Scan of the
 * workflow table's timeline entries and case comments, then one conditional update per file that
 * never overwrites a back-reference — so it can run while the API serves, and run again.
 */
export const backfillMediaAttachments = async (
  client: DynamoDBDocumentClient,
  table: string,
): Promise<BackfillReport> => {
  const { timelines, comments } = await readCitations(client, table);
  const plan = planAttachmentBackfill(timelines, comments);
  const report: BackfillReport = { attached: 0, alreadyAttached: 0, missing: 0, conflicts: plan.conflicts };
  for (const { mediaId, attachment } of plan.attach) {
    report[await attach(client, table, mediaId, attachment)]++;
  }
  return report;
};

const attach = async (
  client: DynamoDBDocumentClient,
  table: string,
  mediaId: string,
  attachment: unknown,
): Promise<'attached' | 'alreadyAttached' | 'missing'> => {
  try {
    await client.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: `MEDIA#${mediaId}`, sk: 'MEDIA' },
        UpdateExpression: 'SET attachedTo = :a',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(attachedTo)',
        ExpressionAttributeValues: { ':a': attachment },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return 'attached';
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    return error.Item === undefined ? 'missing' : 'alreadyAttached';
  }
};

const KIND_OF_PREFIX = { CASE: 'case', SUGGESTION: 'suggestion' } as const;

const readCitations = async (client: DynamoDBDocumentClient, table: string) => {
  const entries = new Map<string, CitingTimeline & { entries: TimelineEntry[] }>();
  const comments: CitingComment[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await client.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '#kind IN (:timeline, :comment)',
        ExpressionAttributeNames: { '#kind': 'kind' },
        ExpressionAttributeValues: { ':timeline': 'timeline', ':comment': 'case-comment' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.kind === 'case-comment') comments.push(item as unknown as CitingComment);
      else addEntry(entries, item);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return { timelines: [...entries.values()], comments };
};

const addEntry = (
  into: Map<string, CitingTimeline & { entries: TimelineEntry[] }>,
  item: Record<string, unknown>,
) => {
  const [prefix = '', ...rest] = String(item.pk).split('#');
  const kind = KIND_OF_PREFIX[prefix as keyof typeof KIND_OF_PREFIX];
  if (kind === undefined || !Array.isArray(item.mediaIds) || item.mediaIds.length === 0) return;
  const id = rest.join('#');
  const key = `${kind}#${id}`;
  const timeline = into.get(key) ?? { kind, id, entries: [] };
  timeline.entries.push(item as unknown as TimelineEntry);
  into.set(key, timeline);
};
