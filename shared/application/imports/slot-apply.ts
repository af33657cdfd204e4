import { type ActivitySlot, type SlotChange, settle } from '../../domain/imports/slot.ts';
import type { SlotApplyDeps } from './chunk-apply.ts';
import { applyPacked } from './merged-apply.ts';

/**
 * Applies slot changes exactly once (docs/imports.md, "The items"): pending on the slot, the slot
 * message booked as its month through the ingest store (its marker on the account meter's feed
 * month item conditioned on), then the slot settled. Whoever finds a pending change finishes it first.
 */

export type { SlotApplyDeps };

/** Finishes a change found pending on a slot; the slot as settled. */
export const finishPending = async (deps: SlotApplyDeps, slot: ActivitySlot): Promise<ActivitySlot> => {
  const change = slot.pending;
  if (change === undefined) return slot;
  // Applied as the rows of a checkpoint are: a message applied before (its marker held) is done.
  await applyPacked(deps, [slot]);
  const settled = settle(slot, change);
  await deps.store.settle(settled, change.messageId);
  return settled;
};

/**
 * Applies one change decided on `slot` as read. False when the slot moved meanwhile (another job
 * changed it): the caller reads it again and decides again.
 */
export const applyChange = async (
  deps: SlotApplyDeps,
  slot: ActivitySlot,
  change: SlotChange,
): Promise<boolean> => {
  if (!(await deps.store.beginChange(slot, change))) return false;
  await finishPending(deps, { ...slot, pending: change });
  return true;
};
