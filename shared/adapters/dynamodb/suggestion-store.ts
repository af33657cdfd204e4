import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { listedDeputies, listedUnits } from '../../domain/suggestions/suggestion-listing.ts';
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../domain/suggestions/suggestion-record.ts';
import { suggestionAwaitsRecompute } from '../../domain/workflow/deadline-recompute.ts';
import { listingPosition } from '../../domain/workflow/listing-position.ts';
import type { SuggestionListScope, SuggestionStore } from '../../ports/suggestion-store.ts';
import type { Page } from '../../ports/workflow-store.ts';
import { batchGetAll } from './batch-get.ts';
import { provisionalMarkerWrites } from './provisional-deadlines.ts';
import { type IndexKeys, type SideItem, stripKeys, type WorkflowLayout } from './workflow-layout.ts';
import { DynamoWorkflowStore } from './workflow-store.ts';

/**
 * Suggestion list keys in the workflow table, all under `SUGGESTIONS#…` partitions (cases use
 * `CASES#…`), sorted by `{submittedAt}#{id}`:
 * - record item: gsi1 `SUGGESTIONS#ALL`, gsi2 `SUGGESTIONS#STATE#{state}` (supervisors' lists);
 * - pointer items `pk SUGGESTION#{id}, sk REL#DEPUTY#{userId} | REL#UNIT#{unitId}` with gsi1
 *   `SUGGESTIONS#DEPUTY#{userId}` / `SUGGESTIONS#UNIT#{unitId}` and the attribute `suggestionId`.
 *   A listed pointer is also a copy of the record (as the cases' listing snapshots), written again
 *   with every change of the record, so a list page is one Query (both indexes project ALL).
 *   An unlisted pointer keeps its key but has no gsi1 attributes and no copy, so the sparse index
 *   drops it. A suggestion has one filer, up to 50 co-signers and several units, more than the two
 *   index slots a record has, hence one pointer per relation, written in the record's own
 *   transaction (or, past DynamoDB's 100 items, just after it: SideItem.deferrable). Deputies are
 *   listed on the suggestion they signed, not on its parts (a split would otherwise write one
 *   pointer per signatory and part).
 *   Pointers written before the copies (2026-12) hold no `version`: the list reads their records
 *   (one BatchGetItem) until `infra/ops/relist-suggestions.ts` has written them again.
 * - the provisional-deadline marker (provisional-deadlines.ts).
 */
const POINTER_KIND = 'suggestionRelation';

const pointer = (record: SuggestionRecord, relation: string, listed: boolean): SideItem => ({
  ...(listed ? record : {}),
  pk: `SUGGESTION#${record.id}`,
  sk: `REL#${relation}`,
  kind: POINTER_KIND,
  suggestionId: record.id,
  listed,
  ...(listed ? { gsi1pk: `SUGGESTIONS#${relation}`, gsi1sk: listingPosition(record), deferrable: true } : {}),
});

/** The listed pointers (with their copy of the record) this state of the suggestion must have. */
export const suggestionListingItems = (record: SuggestionRecord): SideItem[] => [
  ...(record.parentId === undefined
    ? listedDeputies(record).map((userId) => pointer(record, `DEPUTY#${userId}`, true))
    : []),
  ...listedUnits(record).map((unit) => pointer(record, `UNIT#${unit}`, true)),
];

/** Units that left the suggestion: an unlisted pointer, out of their list (puts only). */
const retiredUnitPointers = (record: SuggestionRecord, before: readonly string[], after: readonly string[]) =>
  before.filter((unit) => !after.includes(unit)).map((unit) => pointer(record, `UNIT#${unit}`, false));

const recordKeys = (record: SuggestionRecord): IndexKeys => ({
  gsi1pk: 'SUGGESTIONS#ALL',
  gsi1sk: listingPosition(record),
  gsi2pk: `SUGGESTIONS#STATE#${record.state}`,
  gsi2sk: listingPosition(record),
});

export const suggestionLayout: WorkflowLayout<SuggestionRecord, SuggestionTimelineEntry> = {
  prefix: 'SUGGESTION',
  recordKeys,
  sideWrites: (before, next) => [
    ...suggestionListingItems(next),
    ...retiredUnitPointers(next, before === undefined ? [] : listedUnits(before), listedUnits(next)),
    ...provisionalMarkerWrites('SUGGESTION', before, next, suggestionAwaitsRecompute),
  ],
};

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

export class DynamoSuggestionStore
  extends DynamoWorkflowStore<SuggestionRecord, SuggestionTimelineEntry>
  implements SuggestionStore
{
  constructor(client: DynamoDBDocumentClient, table: string) {
    super(client, table, suggestionLayout);
  }

  /** One BatchGetItem (strongly consistent, as `get`) for a page of ids, not one GetItem each. */
  async getMany(ids: readonly string[]): Promise<(SuggestionRecord | undefined)[]> {
    const unique = [...new Set(ids)];
    const items = await batchGetAll(
      this.client,
      this.table,
      unique.map((id) => this.recordKey(id)),
    );
    const byId = new Map(items.map((item) => [String(item.id), stripKeys<SuggestionRecord>(item)]));
    return ids.map((id) => byId.get(id));
  }

  /**
   * One page of the scope's list: the records themselves (supervisors' lists) or the pointers' copies
   * of them; a pointer without a copy (written before the copies) is read by its record.
   */
  async list(
    scope: SuggestionListScope,
    options: { limit: number; cursor?: string; between?: [string, string] },
  ): Promise<Page<SuggestionRecord>> {
    const page = await this.#indexPage(scope, options);
    const bare = page.items.filter((item) => item.version === undefined).map((item) => idOf(item));
    const read = new Map(
      (await this.getMany(bare)).flatMap((record) => (record ? [[record.id, record]] : [])),
    );
    const items = page.items.flatMap((item) => {
      const record = item.version === undefined ? read.get(idOf(item)) : recordOf(item);
      return record === undefined ? [] : [record];
    });
    return { items, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
  }

  async #indexPage(
    scope: SuggestionListScope,
    options: { limit: number; cursor?: string; between?: [string, string] },
  ): Promise<Page<Record<string, unknown>>> {
    const { index, partition } = partitionOf(scope);
    const values: Record<string, unknown> = { ':p': partition };
    let condition = `${index}pk = :p`;
    const range = options.between && ([options.between[0], `${options.between[1]}#~`] as [string, string]);
    if (range !== undefined) {
      condition += ` AND ${index}sk BETWEEN :from AND :to`;
      values[':from'] = range[0];
      values[':to'] = range[1];
    }
    // A cursor of another list (or none this API issued) is refused before DynamoDB sees it.
    return this.queryPage(
      {
        TableName: this.table,
        IndexName: index,
        KeyConditionExpression: condition,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: options.limit,
      },
      options.cursor,
      {
        pk: 'any',
        sk: 'any',
        [`${index}pk`]: { equals: partition },
        [`${index}sk`]: range === undefined ? 'any' : { between: range },
      },
    );
  }
}

const idOf = (item: Record<string, unknown>): string => String(item.suggestionId ?? item.id);

/** What a pointer holds beside its copy of the record. */
const POINTER_ATTRIBUTES: ReadonlySet<string> = new Set(['suggestionId', 'listed']);

/** The record an index item holds: the record item itself, or a pointer's copy. */
const recordOf = (item: Record<string, unknown>): SuggestionRecord =>
  stripKeys<SuggestionRecord>(item, POINTER_ATTRIBUTES);
