import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../../domain/cases/case-record.ts';
import type { SuggestionRecord } from '../../domain/suggestions/suggestion-record.ts';

/**
 * Reads every case and suggestion record together with the creation entry of each (timeline seq 1),
 * in ONE parallel Scan for both kinds. Its cost grows with the workflow table (records, timelines,
 * comments). Only the weekly and monthly performance reports still use it (they judge the cases
 * closed in their period); the hourly escalation and reconciliation read the sparse `open` index
 * (workflow-open-read.ts).
 */
export interface WorkflowHeads<R> {
  records: R[];
  /** Ids whose first timeline entry exists. */
  created: string[];
}

export interface AllWorkflowHeads {
  cases: WorkflowHeads<CaseRecord>;
  suggestions: WorkflowHeads<SuggestionRecord>;
}

const CREATION_SK = 'TL#000001';
const SEGMENTS = 4;
const PREFIXES = { CASE: 'cases', SUGGESTION: 'suggestions' } as const;

export const scanWorkflowHeads = async (
  client: DynamoDBDocumentClient,
  table: string,
): Promise<AllWorkflowHeads> => {
  const segments = await Promise.all(
    Array.from({ length: SEGMENTS }, (_, segment) => scanSegment(client, table, segment)),
  );
  const heads: AllWorkflowHeads = {
    cases: { records: [], created: [] },
    suggestions: { records: [], created: [] },
  };
  for (const items of segments) {
    for (const item of items) {
      const { pk, sk, gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, kind: _5, ...rest } = item;
      const [prefix, ...id] = String(pk).split('#');
      const into = heads[PREFIXES[prefix as keyof typeof PREFIXES]] as WorkflowHeads<unknown>;
      if (sk === CREATION_SK) into.created.push(id.join('#'));
      else into.records.push(rest);
    }
  }
  return heads;
};

const scanSegment = async (
  client: DynamoDBDocumentClient,
  table: string,
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
        FilterExpression:
          '(begins_with(pk, :cases) OR begins_with(pk, :suggestions)) AND (sk = :record OR sk = :created)',
        ExpressionAttributeValues: {
          ':cases': 'CASE#',
          ':suggestions': 'SUGGESTION#',
          ':record': 'RECORD',
          ':created': CREATION_SK,
        },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
};
