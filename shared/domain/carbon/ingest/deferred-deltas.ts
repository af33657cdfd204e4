import { createHash } from 'node:crypto';
import { addFigures, type RollupKey, rollupKeyId } from '../rollups/rollup-model.ts';
import type {
  ItemWrite,
  PendingDelta,
  PendingRef,
  PlannedChunk,
  TransactionPlan,
} from './transaction-plan.ts';

/**
 * Deferred shared items (docs/performance.md, "Ingest at district scale"). Every group of a queue
 * batch adds to the city's and its industries' hour, day and month items; written in each group's
 * transaction, those items made the groups wait on one another. Instead a group's transaction
 * writes its meter and enterprise items and ONE pending item holding its city and industry deltas;
 * the batch then folds its pending items into the shared items in a transaction that also deletes
 * them, each delete conditioned on the item still existing, so a fold applies a pending item once or
 * not at all. A pending item a crash left behind is folded by a later batch's sweep. Readers see the
 * city and industry items late by one batch (a crash: until the sweep).
 *
 * Limits: a group packs at most the items one transaction takes (DynamoDB: 100) counting the
 * deferred ones, so a pending item names at most 97 deltas (a group has meter items too) and its fold fits one transaction. A pending item
 * holds ~30 bytes a figure: 97 keys of ~20 figures ≈ 60 KB at worst, under DynamoDB's 400 KB item
 * limit (a district group holds 6–12 keys, ~5 KB).
 */

/** Levels every group of a batch shares; enterprises stay in the group (groups follow enterprises). */
const DEFERRED_LEVELS = ['city', 'industry'] as const;
/** Partitions of the pending items: 1,000 WCU per second each (a pending item is written and deleted once). */
export const PENDING_SHARDS = 4;
/** A pending item older than this is a crash's leftover: the ingest's timeout is 30 s. */
export const SWEEP_AFTER_MS = 120_000;
/** A container sweeps at most this often: leftovers are rare (a crash) and wait SWEEP_AFTER_MS anyway. */
export const SWEEP_EVERY_MS = 60_000;

const deferred = (key: RollupKey) => DEFERRED_LEVELS.some((level) => key.level === level);

/** The group's id: a digest of its messages, so two groups never name the same pending item. */
const groupDigest = (chunks: readonly Pick<PlannedChunk, 'meterId' | 'messageId'>[]) =>
  createHash('sha256')
    .update(
      chunks
        .map((c) => `${c.meterId}\u0000${c.messageId}`)
        .sort()
        .join('\u0001'),
    )
    .digest('hex')
    .slice(0, 24);

/**
 * The group's transaction with its city and industry writes moved into one pending item. A plan
 * without such writes (none today) is returned as it is.
 */
export const deferShared = (
  plan: TransactionPlan,
  chunks: readonly Pick<PlannedChunk, 'meterId' | 'messageId'>[],
  createdAt: string,
): TransactionPlan => {
  const shared = plan.writes.filter((w) => deferred(w.key));
  if (shared.length === 0) return plan;
  const digest = groupDigest(chunks);
  const shard = Number.parseInt(digest.slice(0, 8), 16) % PENDING_SHARDS;
  return {
    ...plan,
    writes: plan.writes.filter((w) => !deferred(w.key)),
    pending: {
      shard,
      createdAt,
      digest,
      writes: shared.map(({ key, figures, factorRefs }) => ({ key, figures, factorRefs })),
    },
  };
};

/** One fold: the summed deltas of some pending items, and those items (deleted if still there). */
export interface FoldTransaction {
  writes: ItemWrite[];
  pending: PendingRef[];
}

const keyId = rollupKeyId;

/**
 * Pending items packed into as few fold transactions as fit `maxItems` items each (the summed shared
 * items plus one delete per pending item); each pending item goes whole into one fold.
 */
export const foldTransactions = (pendings: readonly PendingDelta[], maxItems: number): FoldTransaction[] => {
  const folds: FoldTransaction[] = [];
  let writes = new Map<string, ItemWrite>();
  let pending: PendingRef[] = [];
  const close = () => {
    if (pending.length > 0) folds.push({ writes: [...writes.values()], pending });
    writes = new Map();
    pending = [];
  };
  for (const delta of pendings) {
    const added = delta.writes.filter((w) => !writes.has(keyId(w.key))).length;
    if (pending.length > 0 && writes.size + added + pending.length + 1 > maxItems) close();
    pending.push({ shard: delta.shard, createdAt: delta.createdAt, digest: delta.digest });
    for (const write of delta.writes) {
      const item = writes.get(keyId(write.key)) ?? { key: write.key, figures: {}, factorRefs: [] };
      addFigures(item.figures, write.figures);
      item.factorRefs = [...new Set([...item.factorRefs, ...write.factorRefs])].sort();
      writes.set(keyId(write.key), item);
    }
  }
  close();
  return folds;
};
