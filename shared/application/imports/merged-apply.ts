import type { RollupKey } from '../../domain/carbon/rollups/rollup-model.ts';
import type { FeedPlanContext } from '../../domain/imports/feed-plan.ts';
import type { Refusal } from '../../domain/imports/judge-row.ts';
import {
  type MonthPlan,
  mergeMonthPlans,
  monthPlanKeys,
  planSlotMonth,
} from '../../domain/imports/month-plan.ts';
import type { ActivitySlot, SlotBooking } from '../../domain/imports/slot.ts';
import { unaccountableRow } from '../../domain/imports/unaccountable.ts';
import type { ApplyOutcome } from '../../ports/ingest-store.ts';
import {
  applyMonth,
  Contended,
  feedContext,
  isContended,
  MAX_ATTEMPTS,
  type SlotApplyDeps,
} from './chunk-apply.ts';

/**
 * Slot messages of many rows in few transactions (docs/imports.md, "Throughput"): each booked as its
 * month (month-plan.ts), sorted by month and enterprise and packed into transactions of at most the
 * items the ingest store takes in one (DynamoDB: 100) — the enterprise, industry and city month and
 * feed month items written once with the sum of every row's. Two uses:
 * - `bookTogether` (book-together.ts): a run's new values and corrections, each with its slot in the same transaction
 *   (the slot moves from the version read to the new value: no pending state, nothing to finish
 *   after a crash). A group whose condition fails is taken apart; a message whose own transaction
 *   still fails is handed back, for the careful way (import-rows.ts).
 * - `applyPacked`: changes already pending on their slots (withdrawals, a crash of the careful way):
 *   the messages only, each alone when a condition fails (chunk-apply.ts); the caller settles.
 */

export interface Planned {
  ctx: FeedPlanContext;
  booking: SlotBooking;
  plan: MonthPlan;
  keys: string[];
}

/** Rows planned at once: as many as the lanes that judged them (run-import.ts). */
const AT_ONCE = 8;

/** `work` over `items`, AT_ONCE at a time, results in the items' order. */
export const inLanes = async <T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  atOnce = AT_ONCE,
): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, lane));
  return results;
};

/** The registry look-ups of a run or a batch, each meter and enterprise read once. */
export const memoised = <D extends SlotApplyDeps>(deps: D): D => {
  const meters = new Map<string, ReturnType<SlotApplyDeps['meter']>>();
  const enterprises = new Map<string, ReturnType<SlotApplyDeps['enterprise']>>();
  const once = <T>(map: Map<string, Promise<T>>, id: string, load: (id: string) => Promise<T>) => {
    const value = map.get(id) ?? load(id);
    map.set(id, value);
    return value;
  };
  return {
    ...deps,
    meter: (id: string) => once(meters, id, deps.meter),
    enterprise: (id: string) => once(enterprises, id, deps.enterprise),
  };
};

/** The levels a run defers to the ingest's pending items when it has them (book-together.ts). */
export const deferred = (key: RollupKey) => key.level === 'city' || key.level === 'industry';

const slotKeyId = (slot: ActivitySlot) =>
  `slot\u0000${slot.accountId}\u0000${slot.meterId}\u0000${slot.period}`;

/** Told of a booking the engine cannot account (unaccountable.ts): it is left out, the others go on. */
export type OnUnaccountable = (booking: SlotBooking, refusal: Refusal) => void;

/** The booking's month plan, or the row's refusal when the engine cannot account it (else it throws). */
const planOrRefuse = (ctx: FeedPlanContext, booking: SlotBooking): MonthPlan | Refusal => {
  try {
    return planSlotMonth(ctx, booking.change);
  } catch (error) {
    const refused = unaccountableRow(error, ctx.meter.energyType, ctx.period);
    if (refused === undefined) throw error;
    return refused;
  }
};

/** The refusal of a change the engine cannot account, before anything of it is written; else undefined. */
export const unplannable = async (
  deps: SlotApplyDeps,
  booking: SlotBooking,
): Promise<Refusal | undefined> => {
  const planned = planOrRefuse(await feedContext(deps, booking.slot, booking.change), booking);
  return 'reason' in planned ? planned : undefined;
};

export const planAll = async (
  deps: SlotApplyDeps,
  bookings: readonly SlotBooking[],
  withSlots: boolean,
  onUnaccountable?: OnUnaccountable,
): Promise<Planned[]> => {
  const all = await inLanes(bookings, async (booking): Promise<Planned | undefined> => {
    const ctx = await feedContext(deps, booking.slot, booking.change);
    const plan = onUnaccountable ? planOrRefuse(ctx, booking) : planSlotMonth(ctx, booking.change);
    if ('reason' in plan) {
      onUnaccountable?.(booking, plan);
      return undefined;
    }
    const keys = [
      ...monthPlanKeys(plan, deps.pending ? deferred : undefined),
      ...(withSlots ? [slotKeyId(booking.slot)] : []),
      ...(withSlots && deps.pending ? ['pending'] : []),
    ];
    return { ctx, booking, plan, keys };
  });
  const planned = all.filter((p): p is Planned => p !== undefined);
  // Rows of one month and enterprise share their enterprise, industry and city items: side by side.
  const order = (p: Planned) => `${p.plan.anchor.period}\u0000${p.ctx.meter.enterpriseId}`;
  return planned.sort((a, b) => order(a).localeCompare(order(b)));
};

/** Greedy packing in that order: a message joins the group while the union of their items fits. */
export const pack = (planned: readonly Planned[], maxItems: number): Planned[][] => {
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

/** One transaction, sent again while contended; false when it did not land (condition, or still busy). */
export const landed = (deps: SlotApplyDeps, send: () => Promise<ApplyOutcome>): Promise<boolean> =>
  deps
    .retry(
      async () => {
        const outcome = await send();
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

/** The pending changes' slot messages, packed into transactions; the slots are not settled. */
export const applyPacked = async (deps: SlotApplyDeps, pendings: readonly ActivitySlot[]): Promise<void> => {
  const bookings = pendings.flatMap((slot) => (slot.pending ? [{ slot, change: slot.pending }] : []));
  const groups = pack(await planAll(deps, bookings, false), deps.ingest.maxTransactionItems);
  for (const group of groups) {
    const merged = () => deps.ingest.apply(mergeMonthPlans(group.map((g) => g.plan)));
    if (group.length > 1 && (await landed(deps, merged))) continue;
    for (const { ctx, booking } of group) await applyMonth(deps, ctx, booking.change);
  }
};
