import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.ts';
import type { WorkflowRecord } from '../../domain/workflow/state-machine.ts';
import type { TimelineEntry } from '../../domain/workflow/timeline.ts';
import type {
  IndexKeys,
  IndexQuery,
  LinkedUpdate,
  NewRecord,
  Page,
  SideClaim,
  SideItem,
  WorkflowStore,
} from '../../ports/workflow-store.ts';
import { decodeCursor, encodeCursor, type KeyRule } from './cursor.ts';
import { workflowOutboxItem } from './event-outbox.ts';
import { claimUpdate, lostClaimsError } from './side-claims.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Workflow table layout: record `pk {PREFIX}#{id}, sk RECORD`; timeline entries
 * `pk {PREFIX}#{id}, sk TL#{seq, 6 digits}` (never overwritten); list keys on gsi1/gsi2. Every
 * timeline entry also puts its notification outbox item (event-outbox.ts) in the same transaction.
 */
export class DynamoWorkflowStore<R extends WorkflowRecord<string>, T extends TimelineEntry>
  implements WorkflowStore<R, T>
{
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #prefix: string;

  /** `prefix` names the record kind in keys: `CASE`, `SUGGESTION`. */
  constructor(client: DynamoDBDocumentClient, table: string, prefix: string) {
    this.#client = client;
    this.#table = table;
    this.#prefix = prefix;
  }

  async create(
    record: R,
    entry: T,
    options: { index?: IndexKeys; side?: SideItem[]; claims?: SideClaim[] } = {},
  ): Promise<void> {
    await this.#write(
      [
        {
          Put: {
            TableName: this.#table,
            Item: this.#recordItem(record, options.index),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        this.#timelinePut(record.id, entry),
        this.#outboxPut(record.id, entry),
        ...this.#sidePuts(options.side),
      ],
      `记录 ${record.id} 已存在 (${this.#prefix.toLowerCase()} ${record.id} already exists)`,
      options.claims,
    );
  }

  async get(id: string): Promise<R | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: this.#recordKey(id), ConsistentRead: true }),
    );
    return result.Item === undefined ? undefined : stripKeys<R>(result.Item);
  }

  async update(
    record: R,
    entry: T,
    options: {
      index?: IndexKeys;
      side?: SideItem[];
      creates?: NewRecord<R, T>[];
      linked?: LinkedUpdate<R, T>[];
      claims?: SideClaim[];
    } = {},
  ): Promise<void> {
    await this.#write(
      [
        this.#versionedPut(record, options.index),
        this.#timelinePut(record.id, entry),
        this.#outboxPut(record.id, entry),
        ...this.#sidePuts(options.side),
        ...(options.linked ?? []).flatMap((other) => [
          this.#versionedPut(other.record, other.index),
          this.#timelinePut(other.record.id, other.entry),
          this.#outboxPut(other.record.id, other.entry),
          ...this.#sidePuts(other.side),
        ]),
        ...(options.creates ?? []).flatMap((born) => [
          {
            Put: {
              TableName: this.#table,
              Item: this.#recordItem(born.record, born.index),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          this.#timelinePut(born.record.id, born.entry),
          this.#outboxPut(born.record.id, born.entry),
        ]),
      ],
      `记录 ${record.id} 已被他人修改，请重新读取后再试 (${this.#prefix.toLowerCase()} ${record.id} was changed by someone else; reload and try again)`,
      options.claims,
    );
  }

  async timeline(id: string): Promise<T[]> {
    const entries: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :tl)',
          ExpressionAttributeValues: { ':pk': this.#recordKey(id).pk, ':tl': 'TL#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      entries.push(...(page.Items ?? []).map((item) => stripKeys<T>(item)));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return entries;
  }

  async list(query: IndexQuery): Promise<Page<R>> {
    const page = await this.listIndexItems(query);
    return { ...page, items: page.items.map((item) => stripKeys<R>(item)) };
  }

  async getSide(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: { pk, sk }, ConsistentRead: true }),
    );
    return result.Item;
  }

  async putSide(item: SideItem, options: { claims?: SideClaim[] } = {}): Promise<void> {
    await this.#write(
      this.#sidePuts([item]),
      `该记录已存在 (item ${item.pk} ${item.sk} already exists)`,
      options.claims,
    );
  }

  async listSide(
    pk: string,
    skPrefix: string,
    page: { limit: number; cursor?: string; descending?: boolean },
  ): Promise<Page<Record<string, unknown>>> {
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
        ScanIndexForward: page.descending !== true,
        Limit: page.limit,
        ConsistentRead: true,
        ExclusiveStartKey: decodeCursor(page.cursor, { pk: { equals: pk }, sk: { beginsWith: skPrefix } }),
      }),
    );
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return { items: result.Items ?? [], ...(cursor === undefined ? {} : { cursor }) };
  }

  async listIndexItems(query: IndexQuery): Promise<Page<Record<string, unknown>>> {
    const pk = `${query.index}pk`;
    const sk = `${query.index}sk`;
    const values: Record<string, unknown> = { ':p': query.partition };
    let condition = `${pk} = :p`;
    if (query.between !== undefined) {
      condition += ` AND ${sk} BETWEEN :from AND :to`;
      values[':from'] = query.between[0];
      values[':to'] = query.between[1];
    } else if (query.beginsWith !== undefined) {
      condition += ` AND begins_with(${sk}, :prefix)`;
      values[':prefix'] = query.beginsWith;
    }
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: query.index,
        KeyConditionExpression: condition,
        ExpressionAttributeValues: values,
        ScanIndexForward: query.descending !== true,
        Limit: query.limit,
        ExclusiveStartKey: decodeCursor(query.cursor, {
          pk: 'any',
          sk: 'any',
          [pk]: { equals: query.partition },
          [sk]: sortRule(query),
        }),
      }),
    );
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return { items: result.Items ?? [], ...(cursor === undefined ? {} : { cursor }) };
  }

  /** The record at its new version, on condition that the stored one is the version before. */
  #versionedPut(record: R, index?: IndexKeys): TransactItem {
    return {
      Put: {
        TableName: this.#table,
        Item: this.#recordItem(record, index),
        ConditionExpression: 'version = :read',
        ExpressionAttributeValues: { ':read': record.version - 1 },
      },
    };
  }

  #recordKey(id: string) {
    return { pk: `${this.#prefix}#${id}`, sk: 'RECORD' };
  }

  #recordItem(record: R, index: IndexKeys = {}) {
    return { ...record, ...index, ...this.#recordKey(record.id), kind: this.#prefix.toLowerCase() };
  }

  #timelinePut(id: string, entry: T): TransactItem {
    return {
      Put: {
        TableName: this.#table,
        Item: {
          ...entry,
          pk: this.#recordKey(id).pk,
          sk: `TL#${String(entry.seq).padStart(6, '0')}`,
          kind: 'timeline',
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** The step's event for the notification dispatcher, written with it or not at all. */
  #outboxPut(id: string, entry: T): TransactItem {
    return { Put: { TableName: this.#table, Item: workflowOutboxItem(this.#prefix, id, entry) } };
  }

  #sidePuts(side: SideItem[] = []): TransactItem[] {
    return side.map(({ mustNotExist, ...item }) => ({
      Put: {
        TableName: this.#table,
        Item: item,
        ...(mustNotExist === true ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
      },
    }));
  }

  /**
   * Claims go last: when only they failed, the caller lost a race for another owner's item (422
   * naming each); any other failed condition is the usual lost race on the record (409).
   */
  async #write(items: TransactItem[], conflictMessage: string, claims: SideClaim[] = []): Promise<void> {
    try {
      const claimItems = claims.map((claim) => claimUpdate(this.#table, claim));
      await this.#client.send(new TransactWriteCommand({ TransactItems: [...items, ...claimItems] }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed = (error.CancellationReasons ?? []).map(
        (reason) => reason.Code === 'ConditionalCheckFailed',
      );
      if (failed.slice(0, items.length).some(Boolean)) throw new ConflictError(conflictMessage);
      const lost = lostClaimsError(claims, failed.slice(items.length));
      if (lost !== undefined) throw lost;
      throw error;
    }
  }
}

const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'kind', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);

const stripKeys = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name))) as T;

/** The rule a cursor's index sort key must meet: the key condition of the query it continues. */
const sortRule = (query: IndexQuery): KeyRule =>
  query.between !== undefined
    ? { between: query.between }
    : query.beginsWith !== undefined
      ? { beginsWith: query.beginsWith }
      : 'any';
