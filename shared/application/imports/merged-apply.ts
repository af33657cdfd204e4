import type { FeedPlanContext } from '../../domain/imports/feed-plan.ts';
import {
  type MonthPlan,
  mergeMonthPlans,
  monthPlanKeys,
  planSlotMonth,
} from '../../domain/imports/month-plan.ts';
import { type ActivitySlot, settle } from '../../domain/imports/slot.ts';
import {
  applyMonth,
  Contended,
  feedContext,
  isContended,
  MAX_ATTEMPTS,
  type SlotApplyDeps,
} from './chunk-apply.ts';

/**
 * The pending changes of many rows applied together (docs/imports.md, "Throughput"): each slot
 * message booked as its month (month-plan.ts), the messages sorted by month and packed into
 * transactions of at most the items the ingest store takes in one (DynamoDB: 100) — the enterprise,
 * industry and city month and feed month items written once with the sum of every row's. A transaction whose condition fails (a message applied
 * before a crash) is taken apart: each message goes alone (chunk-apply.ts). Then each slot is
 * settled. Exactly once rests on each message's marker and the slots' pending changes.
 */

interface Planned {
  ctx: FeedPlanContext;
  pending: ActivitySlot;
  plan: MonthPlan;
  keys: string[];
}

/** Rows planned or settled at once: as many as the lanes that judged them (run-import.ts). */
const AT_ONCE = 8;

/** `work` over `items`, AT_ONCE at a time, results in the items' order. */
const inLanes = async <T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, lane));
  return results;
};

/** The registry look-ups of one batch, each meter and enterprise read once. */
const memoised = (deps: SlotApplyDeps): SlotApplyDeps => {
  const meters = new Map<string, ReturnType<SlotApplyDeps['meter']>>();
  const enterprises = new Map<string, ReturnType<SlotApplyDeps['enterprise']>>();
  const once = <T>(map: Map<string, Promise<T>>, id: string, load: (id: string) => Promise<T>) => {
    const value = map.get(id) ?? load(id);
    map.set(id, value);
    return value;
  };
  return {
    ...deps,
    meter: (id) => once(meters, id, deps.meter),
    enterprise: (id) => once(enterprises, id, deps.enterprise),
  };
};

const planAll = async (deps: SlotApplyDeps, pendings: readonly ActivitySlot[]): Promise<Planned[]> => {
  const lookups = memoised(deps);
  const planned = await inLanes(pendings, async (pending): Promise<Planned[]> => {
    const change = pending.pending;
    if (change === undefined) return [];
    const ctx = await feedContext(lookups, pending, change);
    const plan = planSlotMonth(ctx, change);
    return [{ ctx, pending, plan, keys: monthPlanKeys(plan) }];
  });
  // Rows of one month share their enterprise, industry and city items: packed side by side.
  return planned.flat().sort((a, b) => a.plan.anchor.period.localeCompare(b.plan.anchor.period));
};

/** Greedy packing in month order: a message joins the group while the union of their items fits. */
const pack = (planned: readonly Planned[], maxItems: number): Planned[][] => {
  const groups: Planned[][] = [];
  let group: Planned[] = [];
  let keys = new Set<string>();
  for (const item of planned) {
    const union = new Set([...keys, ...item.keys]);
    if (group.length > 0 && union.size > maxItems) {
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
  const groups = pack(await planAll(deps, pendings), deps.ingest.maxTransactionItems);
  for (const group of groups) await applyGroup(deps, group);
};

export const applyTogether = async (
  deps: SlotApplyDeps,
  pendings: readonly ActivitySlot[],
): Promise<void> => {
  await applyPacked(deps, pendings);
  // Each slot once (a file's second row of a slot is a duplicate): settled side by side.
  await inLanes(pendings, async (pending) => {
    if (pending.pending) await deps.store.settle(settle(pending, pending.pending), pending.pending.messageId);
  });
};
