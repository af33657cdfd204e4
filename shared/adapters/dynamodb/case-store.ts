import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord, CaseTimelineEntry, GeoLocation } from '../../domain/cases/case-record.ts';
import type { CaseListQuery, CaseStore, StoredComment } from '../../ports/case-store.ts';
import type { MediaClaim, Page } from '../../ports/workflow-store.ts';
import {
  caseLayout,
  casePartitionKey,
  caseSourceQuery,
  dispatchFactsPartition,
  nearbyOpenCaseRanges,
} from './case-index.ts';
import type { KeyRule } from './cursor.ts';
import { stripKeys } from './workflow-layout.ts';
import { DynamoWorkflowStore } from './workflow-store.ts';
import { sidePuts, writeTransaction } from './workflow-transaction.ts';

/**
 * Cases in the workflow table (layout: case-index.ts): the workflow store, the audiences' lists on
 * gsi1/gsi2, the geohash cells of open cases, the dispatch facts and the comments
 * (`pk CASE#{id}, sk COMMENT#{at}#{uuid}`).
 */
export class DynamoCaseStore extends DynamoWorkflowStore<CaseRecord, CaseTimelineEntry> implements CaseStore {
  constructor(client: DynamoDBDocumentClient, table: string) {
    super(client, table, caseLayout);
  }

  async list(query: CaseListQuery): Promise<Page<CaseRecord>> {
    const { index, partition } = caseSourceQuery(query.source);
    const page = await this.#indexPage(index, partition, query.between, {
      limit: query.limit,
      ...(query.newestFirst === undefined ? {} : { newestFirst: query.newestFirst }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
    return { ...page, items: page.items.map((item) => stripKeys<CaseRecord>(item)) };
  }

  async nearbyOpen(categoryId: string, location: GeoLocation, meters: number): Promise<CaseRecord[]> {
    // Usually one range; several at once, not one after another: this read is on every POST /cases.
    const cells = await Promise.all(
      nearbyOpenCaseRanges(categoryId, location, meters).map(({ partition, from, to }) =>
        this.queryAll({
          TableName: this.table,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':p': partition, ':from': from, ':to': to },
        }),
      ),
    );
    return cells.flat().map((item) => stripKeys<CaseRecord>(item));
  }

  async dispatchedTo(departmentId: string, between: [string, string]): Promise<string[]> {
    const items = await this.queryAll({
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':p': dispatchFactsPartition(departmentId),
        ':from': between[0],
        ':to': between[1],
      },
    });
    return [...new Set(items.flatMap((item) => (typeof item.caseId === 'string' ? [item.caseId] : [])))];
  }

  async addComment(comment: StoredComment, claims: readonly MediaClaim[]): Promise<void> {
    const item = {
      ...comment,
      pk: casePartitionKey(comment.caseId),
      sk: `COMMENT#${comment.at}#${comment.id}`,
      kind: 'case-comment',
      mustNotExist: true,
    };
    await writeTransaction(
      this.client,
      this.table,
      sidePuts(this.table, [item]),
      `该评论已存在 (comment ${comment.id} already exists)`,
      claims,
    );
  }

  async comments(caseId: string, page: { limit: number; cursor?: string }): Promise<Page<StoredComment>> {
    const pk = casePartitionKey(caseId);
    const result = await this.queryPage(
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': 'COMMENT#' },
        Limit: page.limit,
        ConsistentRead: true,
      },
      page.cursor,
      { pk: { equals: pk }, sk: { beginsWith: 'COMMENT#' } },
    );
    return { ...result, items: result.items.map((item) => stripKeys<StoredComment>(item)) };
  }

  #indexPage(
    index: 'gsi1' | 'gsi2',
    partition: string,
    between: [string, string] | undefined,
    page: { limit: number; newestFirst?: boolean; cursor?: string },
  ) {
    const values: Record<string, unknown> = { ':p': partition };
    let condition = `${index}pk = :p`;
    let sortRule: KeyRule = 'any';
    if (between !== undefined) {
      condition += ` AND ${index}sk BETWEEN :from AND :to`;
      values[':from'] = between[0];
      values[':to'] = between[1];
      sortRule = { between };
    }
    return this.queryPage(
      {
        TableName: this.table,
        IndexName: index,
        KeyConditionExpression: condition,
        ExpressionAttributeValues: values,
        ScanIndexForward: page.newestFirst !== true,
        Limit: page.limit,
      },
      page.cursor,
      { pk: 'any', sk: 'any', [`${index}pk`]: { equals: partition }, [`${index}sk`]: sortRule },
    );
  }
}
