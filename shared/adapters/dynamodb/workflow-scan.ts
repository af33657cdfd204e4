import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../../domain/cases/case-record.ts';
import type { SuggestionRecord } from '../../domain/suggestions/suggestion-record.ts';
import type { WorkflowHistory } from '../../ports/workflow-history.ts';
import { stripKeys } from './workflow-layout.ts';

/**
 * Reads every case and suggestion record together with the creation entry of each (timeline seq 1),
 * in ONE parallel Scan for both kinds. Its cost grows with the workflow table (records, timelines,
 * comments). Only the weekly and monthly performance reports use it, through the WorkflowHistory port
 * (they judge the records closed in their period); the hourly escalation and reconciliation read the sparse `open` index
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
      const [prefix, ...id] = String(item.pk).split('#');
      const into = heads[PREFIXES[prefix as keyof typeof PREFIXES]] as WorkflowHeads<unknown>;
      if (item.sk === CREATION_SK) into.created.push(id.join('#'));
      // every key attribute goes, the sparse `open` index's included (workflow-layout.ts)
      else into.records.push(stripKeys(item));
    }
  }
  return heads;
};

/** The history port over the one parallel Scan. */
export class DynamoWorkflowHistory implements WorkflowHistory {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async everyRecord(): Promise<{ cases: CaseRecord[]; suggestions: SuggestionRecord[] }> {
    const heads = await scanWorkflowHeads(this.#client, this.#table);
    return { cases: heads.cases.records, suggestions: heads.suggestions.records };
  }
}

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
