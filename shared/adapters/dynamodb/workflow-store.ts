import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { WorkflowRecord } from '../../domain/workflow/state-machine.ts';
import type { TimelineEntry } from '../../domain/workflow/timeline.ts';
import type {
  Birth,
  CreationMark,
  MediaClaim,
  OpenWorkflow,
  Page,
  Step,
  WorkflowStore,
} from '../../ports/workflow-store.ts';
import { markItem, markKeyOf, markOf } from './creation-marks.ts';
import { decodeCursor, encodeCursor, type StartKeyShape } from './cursor.ts';
import { workflowOutboxItem } from './event-outbox.ts';
import { provisionalMarkerTombstone } from './provisional-deadlines.ts';
import { stripKeys, type WorkflowLayout } from './workflow-layout.ts';
import { openKeysOf, opennessItems } from './workflow-open-items.ts';
import { readOpenKind } from './workflow-open-read.ts';
import { sidePuts, type TransactItem, writeTransaction } from './workflow-transaction.ts';

/**
 * Workflow table layout: record `pk {PREFIX}#{id}, sk RECORD` with its layout's index keys and the
 * sparse `open` keys while open; timeline entries `pk {PREFIX}#{id}, sk TL#{seq, 6 digits}` (never
 * overwritten); the layout's side items (listing snapshots, pointers, markers); the OPEN marker and
 * closed ledger (workflow-open-items.ts); one outbox item per timeline entry (event-outbox.ts). Each
 * birth or step writes all of its items in one transaction.
 */
export class DynamoWorkflowStore<R extends WorkflowRecord<string>, T extends TimelineEntry>
  implements WorkflowStore<R, T>
{
  protected readonly client: DynamoDBDocumentClient;
  protected readonly table: string;
  protected readonly layout: WorkflowLayout<R, T>;

  constructor(client: DynamoDBDocumentClient, table: string, layout: WorkflowLayout<R, T>) {
    this.client = client;
    this.table = table;
    this.layout = layout;
  }

  async create(
    birth: Birth<R, T>,
    options: { mark?: CreationMark; claims?: readonly MediaClaim[] } = {},
  ): Promise<void> {
    await writeTransaction(
      this.client,
      this.table,
      [
        ...this.#birthItems(birth),
        ...sidePuts(this.table, options.mark === undefined ? [] : [markItem(options.mark)]),
      ],
      `记录 ${birth.record.id} 已存在 (${this.#kind} ${birth.record.id} already exists)`,
      options.claims,
    );
  }

  async get(id: string): Promise<R | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.table, Key: this.recordKey(id), ConsistentRead: true }),
    );
    return result.Item === undefined ? undefined : stripKeys<R>(result.Item);
  }

  async update(
    step: Step<R, T>,
    options: {
      linked?: readonly Step<R, T>[];
      creates?: readonly Birth<R, T>[];
      claims?: readonly MediaClaim[];
    } = {},
  ): Promise<void> {
    await writeTransaction(
      this.client,
      this.table,
      [
        ...[step, ...(options.linked ?? [])].flatMap((one) => this.#stepItems(one)),
        ...(options.creates ?? []).flatMap((born) => this.#birthItems(born)),
      ],
      `记录 ${step.record.id} 已被他人修改，请重新读取后再试 (${this.#kind} ${step.record.id} was changed by someone else; reload and try again)`,
      options.claims,
    );
  }

  async timeline(id: string): Promise<T[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :tl)',
      ExpressionAttributeValues: { ':pk': this.recordKey(id).pk, ':tl': 'TL#' },
      ConsistentRead: true,
    });
    return items.map((item) => stripKeys<T>(item));
  }

  async findMark(kind: CreationMark['kind'], key: string): Promise<CreationMark | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.table, Key: markKeyOf(kind, key), ConsistentRead: true }),
    );
    return result.Item === undefined ? undefined : markOf(kind, key, result.Item);
  }

  openRecords(): Promise<OpenWorkflow<R>> {
    return readOpenKind<R>(this.client, this.table, this.layout.prefix);
  }

  async releaseProvisional(id: string): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.table, Item: provisionalMarkerTombstone(this.layout.prefix, id) }),
    );
  }

  protected recordKey(id: string) {
    return { pk: `${this.layout.prefix}#${id}`, sk: 'RECORD' };
  }

  /** One page of a Query; the cursor is checked against the query it continues (cursor.ts). */
  protected async queryPage(
    input: QueryCommandInput,
    cursor: string | undefined,
    shape: StartKeyShape,
  ): Promise<Page<Record<string, unknown>>> {
    const result = await this.client.send(
      new QueryCommand({ ...input, ExclusiveStartKey: decodeCursor(cursor, shape) }),
    );
    const next = encodeCursor(result.LastEvaluatedKey);
    return { items: result.Items ?? [], ...(next === undefined ? {} : { cursor: next }) };
  }

  protected async queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return items;
  }

  get #kind(): string {
    return this.layout.prefix.toLowerCase();
  }

  /** The record, on condition that its id is new, with its first entry and everything beside it. */
  #birthItems({ record, entry }: Birth<R, T>): TransactItem[] {
    return [
      {
        Put: {
          TableName: this.table,
          Item: this.#recordItem(record),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...this.#entryItems(record.id, entry),
      ...sidePuts(this.table, this.layout.sideWrites(undefined, record, entry)),
      ...opennessItems(this.table, this.layout.prefix, [{ id: record.id, from: null, to: record.state }]),
    ];
  }

  /** The record at its new version, on condition that the stored one is the version before. */
  #stepItems({ before, record, entry }: Step<R, T>): TransactItem[] {
    return [
      {
        Put: {
          TableName: this.table,
          Item: this.#recordItem(record),
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': record.version - 1 },
        },
      },
      ...this.#entryItems(record.id, entry),
      ...sidePuts(this.table, this.layout.sideWrites(before, record, entry)),
      ...opennessItems(this.table, this.layout.prefix, [
        { id: record.id, from: before.state, to: record.state },
      ]),
    ];
  }

  #recordItem(record: R) {
    return {
      ...record,
      ...this.layout.recordKeys(record),
      ...openKeysOf(this.layout.prefix, record.id, record.state),
      ...this.recordKey(record.id),
      kind: this.#kind,
    };
  }

  /** The timeline entry (never overwritten) and its event for the notification dispatcher. */
  #entryItems(id: string, entry: T): TransactItem[] {
    const pk = this.recordKey(id).pk;
    return [
      {
        Put: {
          TableName: this.table,
          Item: { ...entry, pk, sk: `TL#${String(entry.seq).padStart(6, '0')}`, kind: 'timeline' },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { TableName: this.table, Item: workflowOutboxItem(this.layout.prefix, id, entry) } },
    ];
  }
}
