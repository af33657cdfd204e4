import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';

/**
 * Reads every workflow record of some kinds together with the creation entry of each (timeline
 * seq 1), for the escalation job and the not-one-missed reconciliation. A parallel Scan: its cost
 * grows with the workflow table (records, timelines, comments), not with telemetry; once cases run
 * into the hundreds of thousands a sparse "open with deadline" index is the next step.
 */
export interface WorkflowHeads<R> {
  records: R[];
  /** Ids whose first timeline entry exists. */
  created: string[];
}

const CREATION_SK = 'TL#000001';
const SEGMENTS = 4;

export const scanWorkflowHeads = async <R>(
  client: DynamoDBDocumentClient,
  table: string,
  prefix: 'CASE' | 'SUGGESTION',
): Promise<WorkflowHeads<R>> => {
  const segments = await Promise.all(
    Array.from({ length: SEGMENTS }, (_, segment) => scanSegment(client, table, prefix, segment)),
  );
  const records: R[] = [];
  const created: string[] = [];
  for (const items of segments) {
    for (const item of items) {
      const { pk, sk, gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, kind: _5, ...rest } = item;
      if (sk === CREATION_SK) created.push(String(pk).slice(prefix.length + 1));
      else records.push(rest as R);
    }
  }
  return { records, created };
};

const scanSegment = async (
  client: DynamoDBDocumentClient,
  table: string,
  prefix: string,
  segment: number,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await client.send(
      new ScanCommand({
        TableName: table,
        Segment: segment,
        TotalSegments: SEGMENTS,
        FilterExpression: 'begins_with(pk, :prefix) AND (sk = :record OR sk = :created)',
        ExpressionAttributeValues: { ':prefix': `${prefix}#`, ':record': 'RECORD', ':created': CREATION_SK },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
};
