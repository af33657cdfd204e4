import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { type FoldTransaction, PENDING_SHARDS } from '../../../domain/carbon/ingest/deferred-deltas.ts';
import type { PendingDelta, PendingRef } from '../../../domain/carbon/ingest/transaction-plan.ts';
import type { RollupFigures } from '../../../domain/carbon/rollups/rollup-model.ts';
import type { ApplyOutcome } from '../../../ports/ingest-store.ts';
import type { PendingStore } from '../../../ports/pending-store.ts';
import { batchGetAll } from '../batch-get.ts';
import { cancelledOutcome } from './cancelled-transaction.ts';
import {
  pendingItemKey,
  pendingPk,
  pendingRefOf,
  rollupItemKey,
  rollupKeyOf,
  TRANSACTION_ITEM_LIMIT,
} from './carbon-keys.ts';
import { updateOf } from './ingest-updates.ts';
import { ingestWriteMetrics } from './ingest-write-metrics.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A pending item as stored: `w` lists `{pk, sk, f: figures, r: factor refs}`. */
interface StoredWrite {
  pk: string;
  sk: string;
  f: RollupFigures;
  r: string[];
}

/** The Put of a group's pending item, in the group's transaction (ingest-store.ts). */
export const pendingPut = (table: string, pending: PendingDelta): NonNullable<TransactItem['Put']> => ({
  TableName: table,
  Item: {
    ...pendingItemKey(pending),
    kind: 'ingestPending',
    createdAt: pending.createdAt,
    w: pending.writes.map((w): StoredWrite => ({ ...rollupItemKey(w.key), f: w.figures, r: w.factorRefs })),
  },
  ConditionExpression: 'attribute_not_exists(pk)',
});

/** Folds the ingest's pending items into the city and industry rollups of the `carbon` table. */
export class DynamoPendingStore implements PendingStore {
  readonly maxTransactionItems = TRANSACTION_ITEM_LIMIT;
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async fold(fold: FoldTransaction): Promise<ApplyOutcome> {
    const TableName = this.#table;
    const items: TransactItem[] = [
      ...fold.writes.map((write) => ({
        Update: { TableName, Key: rollupItemKey(write.key), ...updateOf(write) },
      })),
      ...fold.pending.map((ref) => ({
        Delete: { TableName, Key: pendingItemKey(ref), ConditionExpression: 'attribute_exists(pk)' },
      })),
    ];
    ingestWriteMetrics.folds += 1;
    try {
      await this.#client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      ingestWriteMetrics.foldsCancelled += 1;
      const outcome = cancelledOutcome(error);
      if (outcome === undefined) throw error;
      return outcome;
    }
    ingestWriteMetrics.foldedPending += fold.pending.length;
    return 'applied';
  }

  async stillPending(refs: readonly PendingRef[]): Promise<PendingRef[]> {
    const keys = refs.map(pendingItemKey);
    const found = await batchGetAll(this.#client, this.#table, keys);
    const there = new Set(found.map((item) => `${String(item.pk)}\u0000${String(item.sk)}`));
    return refs.filter((_, i) => there.has(`${keys[i]?.pk}\u0000${keys[i]?.sk}`));
  }

  async readPending(createdBefore: string): Promise<PendingDelta[]> {
    const shards = await Promise.all(
      Array.from({ length: PENDING_SHARDS }, (_, shard) => this.#readShard(pendingPk(shard), createdBefore)),
    );
    return shards.flat().sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  async #readShard(pk: string, createdBefore: string): Promise<PendingDelta[]> {
    const pending: PendingDelta[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      ingestWriteMetrics.readRequests += 1;
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk AND sk < :before',
          ExpressionAttributeValues: { ':pk': pk, ':before': createdBefore },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? [])
        pending.push({
          ...pendingRefOf(String(item.pk), String(item.sk)),
          writes: ((item.w ?? []) as StoredWrite[]).map((w) => ({
            key: rollupKeyOf(w.pk, w.sk),
            figures: w.f,
            factorRefs: [...(w.r ?? [])],
          })),
        });
      start = page.LastEvaluatedKey;
    } while (start);
    return pending;
  }
}
