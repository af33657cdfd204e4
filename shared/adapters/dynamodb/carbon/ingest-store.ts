import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ChunkState, MeterHourState } from '../../../domain/carbon/ingest/meter-hour-state.ts';
import type { TransactionPlan } from '../../../domain/carbon/ingest/transaction-plan.ts';
import type { ApplyOutcome, IngestStore } from '../../../ports/ingest-store.ts';
import { cancelledOutcome } from './cancelled-transaction.ts';
import {
  batchLogOverflowPk,
  batchLogOverflowSk,
  rollupItemKey,
  rollupPk,
  TRANSACTION_ITEM_LIMIT,
} from './carbon-keys.ts';
import { pendingPut } from './ingest-pending.ts';
import { toState, updateOf } from './ingest-updates.ts';
import { ingestWriteMetrics } from './ingest-write-metrics.ts';

const STATE_PROJECTION = 'sk, rv, regs, msgs, logSize, nx';

/** Applies ingest transaction plans to the `carbon` table: one TransactWriteItems each. */
export class DynamoIngestStore implements IngestStore {
  readonly maxTransactionItems = TRANSACTION_ITEM_LIMIT;
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async readChunkState(meterId: string, hours: readonly string[], neighbours: boolean): Promise<ChunkState> {
    const pk = rollupPk('meter', meterId, 'hour');
    const sorted = [...hours].sort();
    const first = sorted[0] ?? '';
    const last = sorted.at(-1) ?? '';
    const span = this.#queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':pk': pk, ':a': first, ':b': last },
    });
    if (!neighbours) return { hours: await span, read: true };
    // Nearest earlier and later hours that hold anything: Limit 1 on each side of the span.
    const [inside, before, after] = await Promise.all([
      span,
      this.#queryOne({
        KeyConditionExpression: 'pk = :pk AND sk < :a',
        ExpressionAttributeValues: { ':pk': pk, ':a': first },
        ScanIndexForward: false,
      }),
      this.#queryOne({
        KeyConditionExpression: 'pk = :pk AND sk > :b',
        ExpressionAttributeValues: { ':pk': pk, ':b': last },
      }),
    ]);
    return { hours: [...before, ...inside, ...after], read: true };
  }

  async apply(plan: TransactionPlan): Promise<ApplyOutcome> {
    const items = transactItemsOf(this.#table, plan);
    if (items.length > this.maxTransactionItems)
      throw new Error(
        `transaction of ${plan.chunks} chunks needs ${items.length} items (max ${this.maxTransactionItems})`,
      );
    ingestWriteMetrics.writeRequests += 1;
    try {
      await this.#client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) ingestWriteMetrics.cancelled += 1;
      const outcome = cancelledOutcome(error);
      if (outcome === undefined) throw error;
      return outcome;
    }
    ingestWriteMetrics.committed += 1;
    ingestWriteMetrics.itemWrites += items.length;
    ingestWriteMetrics.neighbourBumps += plan.bumps.length;
    ingestWriteMetrics.chunksCommitted += plan.chunks;
    return 'applied';
  }

  async #queryAll(input: Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues'>) {
    const states: MeterHourState[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      ingestWriteMetrics.readRequests += 1;
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          ...input,
          ProjectionExpression: STATE_PROJECTION,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      states.push(...(page.Items ?? []).map(toState));
      start = page.LastEvaluatedKey;
    } while (start);
    return states;
  }

  async #queryOne(
    input: Pick<
      QueryCommandInput,
      'KeyConditionExpression' | 'ExpressionAttributeValues' | 'ScanIndexForward'
    >,
  ) {
    ingestWriteMetrics.readRequests += 1;
    const page = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        ...input,
        ProjectionExpression: STATE_PROJECTION,
        Limit: 1,
      }),
    );
    return (page.Items ?? []).map(toState);
  }
}

/**
 * The TransactWriteItems entries of a plan (the import store adds its slots to them: import-store.ts).
 */
export const transactItemsOf = (table: string, plan: TransactionPlan) => {
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = plan.writes.map((write) => ({
    Update: { TableName: table, Key: rollupItemKey(write.key), ...updateOf(write) },
  }));
  // Neighbours are bumped, not only checked: two messages measured against the same stored
  // reading must conflict, or both would count the same gap (a ConditionCheck lets both pass).
  // The bump also carries the neighbour's new forward link when the plan adds an hour after it
  // (register-links.ts); version 0 is an item never versioned (the register origin).
  for (const bump of plan.bumps) {
    items.push({
      Update: {
        TableName: table,
        Key: rollupItemKey(bump.key),
        UpdateExpression: `ADD rv :one${bump.next === undefined ? '' : ' SET nx = :nx'}`,
        ConditionExpression:
          bump.version === 0 ? 'attribute_exists(pk) AND attribute_not_exists(rv)' : 'rv = :rv',
        ExpressionAttributeValues: {
          ':one': 1,
          ...(bump.version === 0 ? {} : { ':rv': bump.version }),
          ...(bump.next === undefined ? {} : { ':nx': bump.next }),
        },
      },
    });
  }
  for (const overflow of plan.overflowLogs) {
    items.push({
      Put: {
        TableName: table,
        Item: {
          pk: batchLogOverflowPk(overflow.meterId),
          sk: batchLogOverflowSk(overflow.hour, overflow.messageId),
          kind: 'batchLog',
          hour: overflow.hour,
          ...overflow.entry,
        },
      },
    });
  }
  if (plan.pending) items.push({ Put: pendingPut(table, plan.pending) });
  for (const origin of plan.origins) {
    items.push({
      Put: {
        TableName: table,
        Item: {
          ...rollupItemKey(origin.key),
          kind: 'registerOrigin',
          createdBy: origin.createdBy,
          ...(origin.next === undefined ? {} : { nx: origin.next }),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  return items;
};
