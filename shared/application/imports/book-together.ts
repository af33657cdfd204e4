import { deferShared } from '../../domain/carbon/ingest/deferred-deltas.ts';
import type { PendingDelta } from '../../domain/carbon/ingest/transaction-plan.ts';
import { mergeMonthPlans } from '../../domain/imports/month-plan.ts';
import type { SlotBooking } from '../../domain/imports/slot.ts';
import { foldPending } from '../carbon/fold-pending.ts';
import type { SlotApplyDeps } from './chunk-apply.ts';
import { inLanes, landed, type OnUnaccountable, type Planned, pack, planAll } from './merged-apply.ts';

/**
 * A run's new values and corrections booked with their slots (docs/imports.md, "Throughput"): each
 * slot goes from the version read to the new value in the transaction of its slot message, so there
 * is no pending state and nothing to finish after a crash. The city and industry deltas of each
 * transaction wait in one of the ingest's pending items (deferred-deltas.ts) and are folded at the
 * end of the batch, exactly once; so the transactions of different enterprises share no item and
 * go side by side (a crash before the fold: the ingest's sweep folds them later). Without a pending
 * store every transaction writes the shared items itself, one after another.
 */

/** Enterprises booked side by side. */
const ENTERPRISES_AT_ONCE = 4;

type BookDeps = SlotApplyDeps & { now: () => Date };

interface GroupResult {
  refused: SlotBooking[];
  pending: PendingDelta[];
}

const booked = async (deps: BookDeps, group: readonly Planned[], result: GroupResult) => {
  let plan = mergeMonthPlans(group.map((g) => g.plan));
  if (deps.pending)
    plan = deferShared(
      plan,
      group.map((g) => g.plan),
      deps.now().toISOString(),
    );
  const ok = await landed(deps, () =>
    deps.store.bookSlots(
      plan,
      group.map((g) => g.booking),
    ),
  );
  if (ok && plan.pending) result.pending.push(plan.pending);
  return ok;
};

/** One enterprise's month: its groups one after another (they share its items). */
const bookGroups = async (deps: BookDeps, groups: readonly Planned[][], result: GroupResult) => {
  for (const group of groups) {
    if (await booked(deps, group, result)) continue;
    // Taken apart: the others land; the one whose condition failed goes the careful way.
    if (group.length === 1 && group[0]) result.refused.push(group[0].booking);
    else for (const one of group) if (!(await booked(deps, [one], result))) result.refused.push(one.booking);
  }
};

/**
 * Books the bookings; those that did not land (another writer moved the slot, or a marker was
 * there) are returned, nothing of them written. One the engine cannot account (a month without a
 * factor) is handed to `onUnaccountable` with its refusal, nothing of it written either.
 */
export const bookTogether = async (
  deps: BookDeps,
  bookings: readonly SlotBooking[],
  onUnaccountable?: OnUnaccountable,
): Promise<SlotBooking[]> => {
  const planned = await planAll(deps, bookings, true, onUnaccountable);
  const result: GroupResult = { refused: [], pending: [] };
  const max = deps.ingest.maxTransactionItems;
  if (!deps.pending) {
    await bookGroups(deps, pack(planned, max), result);
    return result.refused;
  }
  const byEnterprise = new Map<string, Planned[]>();
  for (const p of planned) {
    const key = `${p.plan.anchor.period}\u0000${p.ctx.meter.enterpriseId}`;
    byEnterprise.set(key, [...(byEnterprise.get(key) ?? []), p]);
  }
  await inLanes(
    [...byEnterprise.values()],
    (rows) => bookGroups(deps, pack(rows, max), result),
    ENTERPRISES_AT_ONCE,
  );
  if (result.pending.length > 0) await foldPending(result.pending, deps.pending);
  return result.refused;
};
