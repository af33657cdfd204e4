import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SuggestionIdPage, SuggestionIndex, SuggestionListScope } from '../../ports/suggestion-index.ts';
import type { IndexKeys, SideItem } from '../../ports/workflow-store.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/**
 * Suggestion list keys in the workflow table, all under `SUGGESTIONS#…` partitions (cases use
 * `CASES#…`), sorted by `{submittedAt}#{id}`:
 * - record item: gsi1 `SUGGESTIONS#ALL`, gsi2 `SUGGESTIONS#STATE#{state}` (supervisors' lists);
 * - pointer items `pk SUGGESTION#{id}, sk REL#DEPUTY#{userId} | REL#UNIT#{unitId}` with gsi1
 *   `SUGGESTIONS#DEPUTY#{userId}` / `SUGGESTIONS#UNIT#{unitId}` and the attribute `suggestionId`.
 *   An unlisted pointer keeps its key but has no gsi1 attributes, so the sparse index drops it.
 */
export class DynamoSuggestionIndex implements SuggestionIndex {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  recordKeys(record: { id: string; submittedAt: string; state: string }): IndexKeys {
    const sort = sortKey(record);
    return {
      gsi1pk: 'SUGGESTIONS#ALL',
      gsi1sk: sort,
      gsi2pk: `SUGGESTIONS#STATE#${record.state}`,
      gsi2sk: sort,
    };
  }

  deputyPointers(record: { id: string; submittedAt: string }, deputyIds: readonly string[]): SideItem[] {
    return deputyIds.map((userId) => this.#pointer(record, `DEPUTY#${userId}`, true));
  }

  unitPointers(
    record: { id: string; submittedAt: string },
    before: readonly string[],
    after: readonly string[],
  ): SideItem[] {
    const left = before.filter((unit) => !after.includes(unit));
    const arrived = after.filter((unit) => !before.includes(unit));
    return [
      ...arrived.map((unit) => this.#pointer(record, `UNIT#${unit}`, true)),
      ...left.map((unit) => this.#pointer(record, `UNIT#${unit}`, false)),
    ];
  }

  async page(
    scope: SuggestionListScope,
    options: { limit: number; cursor?: string; between?: [string, string] },
  ): Promise<SuggestionIdPage> {
    const { index, partition } = partitionOf(scope);
    const values: Record<string, unknown> = { ':p': partition };
    let condition = `${index}pk = :p`;
    if (options.between !== undefined) {
      condition += ` AND ${index}sk BETWEEN :from AND :to`;
      values[':from'] = options.between[0];
      values[':to'] = `${options.between[1]}#~`;
    }
    // A cursor of another list (or none this API issued) is refused before DynamoDB sees it.
    const start = decodeCursor(options.cursor, {
      pk: 'any',
      sk: 'any',
      [`${index}pk`]: { equals: partition },
      [`${index}sk`]:
        options.between === undefined ? 'any' : { between: [String(values[':from']), String(values[':to'])] },
    });
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: index,
        KeyConditionExpression: condition,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: start,
      }),
    );
    const ids = (result.Items ?? []).map((item) => String(item.suggestionId ?? item.id));
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return { ids, ...(cursor === undefined ? {} : { cursor }) };
  }

  #pointer(record: { id: string; submittedAt: string }, relation: string, listed: boolean): SideItem {
    return {
      pk: `SUGGESTION#${record.id}`,
      sk: `REL#${relation}`,
      kind: 'suggestionRelation',
      suggestionId: record.id,
      listed,
      ...(listed ? { gsi1pk: `SUGGESTIONS#${relation}`, gsi1sk: sortKey(record) } : {}),
    };
  }
}

const sortKey = (record: { id: string; submittedAt: string }) => `${record.submittedAt}#${record.id}`;

const partitionOf = (scope: SuggestionListScope): { index: 'gsi1' | 'gsi2'; partition: string } => {
  switch (scope.kind) {
    case 'all':
      return scope.state === undefined
        ? { index: 'gsi1', partition: 'SUGGESTIONS#ALL' }
        : { index: 'gsi2', partition: `SUGGESTIONS#STATE#${scope.state}` };
    case 'deputy':
      return { index: 'gsi1', partition: `SUGGESTIONS#DEPUTY#${scope.userId}` };
    case 'unit':
      return { index: 'gsi1', partition: `SUGGESTIONS#UNIT#${scope.unitId}` };
  }
};
