import { MAX_TRANSACTION_ITEMS } from '../carbon/ingest/transaction-plan.ts';
import {
  applyMonth,
  Contended,
  feedContext,
  isContended,
  MAX_ATTEMPTS,
  type SlotApplyDeps,
} from './chunk-apply.ts';
import type { FeedPlanContext } from './feed-plan.ts';
import { type MonthPlan, mergeMonthPlans, monthPlanKeys, planSlotMonth } from './month-plan.ts';
import { type ActivitySlot, settle } from './slot.ts';

/**
 * The pending changes of many rows applied together (docs/imports.md, "Throughput"): each slot
 * message booked as its month (month-plan.ts), the messages sorted by month and packed into
 * transactions of at most 100 items — the enterprise, industry and city month and feed month items
 * written once with the sum of every row's. A transaction whose condition fails (a message applied
 * before a crash) is taken apart: each message goes alone (chunk-apply.ts). Then each slot is
 * settled. Exactly once rests on each message's marker and the slots' pending changes.
 */

interface Planned {
  ctx: FeedPlanContext;
  pending: ActivitySlot;
  plan: MonthPlan;
  keys: string[];
}

const planAll = async (deps: SlotApplyDeps, pendings: readonly ActivitySlot[]): Promise<Planned[]> => {
  const all: Planned[] = [];
  for (const pending of pendings) {
    const change = pending.pending;
    if (change === undefined) continue;
    const ctx = await feedContext(deps, pending, change);
    const plan = planSlotMonth(ctx, change);
    all.push({ ctx, pending, plan, keys: monthPlanKeys(plan) });
  }
  // Rows of one month share their enterprise, industry and city items: packed side by side.
  return all.sort((a, b) => a.plan.anchor.sk.localeCompare(b.plan.anchor.sk));
};

/** Greedy packing in month order: a message joins the group while the union of their items fits. */
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
        const outcome = await deps.ingest.apply(mergeMonthPlans(group.map((g) => g.plan)));
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
  if (group.length > 1 && (await applyMerged(deps, group))) return;
  for (const { ctx, pending } of group) if (pending.pending) await applyMonth(deps, ctx, pending.pending);
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
