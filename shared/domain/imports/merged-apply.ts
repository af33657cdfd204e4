import type { ChunkPlan, ReadingChunk } from '../carbon/ingest/ingest-plan.ts';
import {
  MAX_TRANSACTION_ITEMS,
  mergeChunkPlans,
  type PlannedChunk,
  transactionKeysOf,
} from '../carbon/ingest/transaction-plan.ts';
import {
  applyChunk,
  Contended,
  feedContext,
  isContended,
  MAX_ATTEMPTS,
  type SlotApplyDeps,
} from './chunk-apply.ts';
import { dayChunks, type FeedPlanContext, planSlotChunk } from './feed-plan.ts';
import { type ActivitySlot, settle } from './slot.ts';

/**
 * The pending changes of many rows applied together (docs/imports.md, "Throughput"): each slot
 * message split one day per chunk, the chunks sorted by day and packed into transactions of at most
 * 100 items as the MQTT ingest packs its batches — the enterprise, industry and city items of a day
 * written once with the sum of every row's part. A transaction whose condition fails (a chunk
 * applied before a crash, a batch log full) is taken apart: each of its chunks goes alone, re-read
 * and re-planned (slot-apply.ts). Then each slot is settled. Exactly once rests on the same markers
 * and pending changes as one row at a time.
 */

interface Planned {
  ctx: FeedPlanContext;
  pending: ActivitySlot;
  chunk: ReadingChunk;
  planned: PlannedChunk;
  keys: string[];
}

const planAll = async (deps: SlotApplyDeps, pendings: readonly ActivitySlot[]): Promise<Planned[]> => {
  const all: Planned[] = [];
  for (const pending of pendings) {
    const change = pending.pending;
    if (change === undefined) continue;
    const ctx = await feedContext(deps, pending, change);
    for (const chunk of dayChunks(ctx, change)) {
      const plan: ChunkPlan = planSlotChunk(ctx, change, chunk, { hours: [], read: false });
      const planned = { meterId: ctx.meter.id, messageId: change.messageId, plan };
      all.push({ ctx, pending, chunk, planned, keys: transactionKeysOf(planned) });
    }
  }
  return all.sort((a, b) => (a.chunk.hours[0] ?? '').localeCompare(b.chunk.hours[0] ?? ''));
};

/** Greedy packing in day order: a chunk joins the group while the union of their items fits. */
const pack = (planned: readonly Planned[]): Planned[][] => {
  const groups: Planned[][] = [];
  let group: Planned[] = [];
  let keys = new Set<string>();
  for (const item of planned) {
    const union = new Set([...keys, ...item.keys]);
    if (group.length > 0 && union.size > MAX_TRANSACTION_ITEMS) {
      groups.push(group);
      group = [];
      keys = new Set(item.keys);
    } else keys = union;
    group.push(item);
  }
  if (group.length > 0) groups.push(group);
  return groups;
};

/** The group in one transaction; false when it is to be taken apart (a condition failed, or still busy). */
const applyMerged = (deps: SlotApplyDeps, group: readonly Planned[]): Promise<boolean> =>
  deps
    .retry(
      async () => {
        const outcome = await deps.ingest.apply(mergeChunkPlans(group.map((g) => g.planned)));
        if (outcome === 'applied') return true;
        if (outcome === 'conditionFailed') return false;
        throw new Contended('a merged slot transaction still contended');
      },
      { attempts: MAX_ATTEMPTS, retryable: isContended },
    )
    .catch((error: unknown) => {
      if (isContended(error)) return false;
      throw error;
    });

const applyGroup = async (deps: SlotApplyDeps, group: readonly Planned[]) => {
  if (await applyMerged(deps, group)) return;
  for (const { ctx, pending, chunk } of group)
    if (pending.pending) await applyChunk(deps, ctx, pending.pending, chunk);
};

/** The pending changes' slot messages, packed into transactions; the slots are not settled. */
export const applyPacked = async (deps: SlotApplyDeps, pendings: readonly ActivitySlot[]): Promise<void> => {
  for (const group of pack(await planAll(deps, pendings))) await applyGroup(deps, group);
};

export const applyTogether = async (
  deps: SlotApplyDeps,
  pendings: readonly ActivitySlot[],
): Promise<void> => {
  await applyPacked(deps, pendings);
  for (const pending of pendings)
    if (pending.pending) await deps.store.settle(settle(pending, pending.pending), pending.pending.messageId);
};
