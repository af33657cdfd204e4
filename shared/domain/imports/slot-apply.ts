import type { ImportStore } from '../../ports/import-store.ts';
import type { IngestStore } from '../../ports/ingest-store.ts';
import type { AccountingDefaults } from '../carbon/accounting-context.ts';
import type { FactorLibrary } from '../carbon/factors.ts';
import { meterAccountingFor } from '../emissions/meter-accounting.ts';
import type { EnterpriseRecord, MeterRecord } from '../registry/records.ts';
import type { ChunkState, ReadingChunk } from '../telemetry/ingest-plan.ts';
import { batchHandleOf } from '../telemetry/message-plan.ts';
import { mergeChunkPlans } from '../telemetry/transaction-plan.ts';
import { type FeedPlanContext, planSlotChunk, slotChunks } from './feed-plan.ts';
import { type ActivitySlot, type SlotChange, settle } from './slot.ts';

/**
 * Applies slot changes exactly once (docs/imports.md, "The items"): pending on the slot, the slot
 * message through the ingest store chunk by chunk (each chunk's marker conditioned on), then the
 * slot settled. Whoever finds a pending change finishes it first.
 */

export interface SlotApplyDeps {
  store: ImportStore;
  ingest: IngestStore;
  library: FactorLibrary;
  accounting: AccountingDefaults;
  timeZone: string;
  handlePrefix: string;
  meter(id: string): Promise<MeterRecord | undefined>;
  enterprise(id: string): Promise<EnterpriseRecord | undefined>;
}

const MAX_ATTEMPTS = 12;

/** One chunk in one transaction; re-read and re-planned when a condition failed. */
export const applyChunk = async (
  deps: SlotApplyDeps,
  ctx: FeedPlanContext,
  change: SlotChange,
  chunk: ReadingChunk,
) => {
  const meterId = ctx.meter.id;
  let state: ChunkState = { hours: [], read: false };
  for (let attempt = 1; ; attempt++) {
    const plan = planSlotChunk(ctx, change, chunk, state);
    const outcome = await deps.ingest.apply(
      mergeChunkPlans([{ meterId, messageId: change.messageId, plan }]),
    );
    if (outcome === 'applied') return;
    if (attempt >= MAX_ATTEMPTS) throw new Error(`slot message ${change.messageId} still contended`);
    if (outcome === 'conditionFailed') {
      state = await deps.ingest.readChunkState(meterId, chunk.hours, false);
      if (chunk.hours.every((h) => holds(state, h, change.messageId))) return;
    } else await backoff(attempt);
  }
};

/** Lanes of one import write the same enterprise and city items: a conflict waits a little, with jitter. */
export const backoff = (attempt: number) =>
  new Promise<void>((resolve) =>
    setTimeout(resolve, Math.min(1000, 10 * 2 ** attempt) * (0.5 + Math.random())),
  );

const holds = (state: ChunkState, hour: string, messageId: string) =>
  state.hours.find((s) => s.hour === hour)?.messageIds.includes(messageId) ?? false;

/** How a slot's messages are planned: its account meter as the registry has it, and its accounting. */
export const feedContext = async (
  deps: SlotApplyDeps,
  slot: ActivitySlot,
  change: SlotChange,
): Promise<FeedPlanContext> => {
  const meter = await deps.meter(slot.meterId);
  if (meter === undefined) throw new Error(`account meter ${slot.meterId} not found`);
  const enterprise = await deps.enterprise(meter.enterpriseId);
  return {
    meter,
    accountId: slot.accountId,
    period: slot.period,
    counted: slot.counted,
    library: deps.library,
    accounting: meterAccountingFor(deps.accounting, meter, enterprise),
    timeZone: deps.timeZone,
    batchHandle: batchHandleOf(deps.handlePrefix, { meterId: meter.id, messageId: change.messageId }),
  };
};

/** Writes the slot message's chunks; a chunk whose hours already hold the marker is done. */
export const applySlotMessage = async (deps: SlotApplyDeps, slot: ActivitySlot, change: SlotChange) => {
  const ctx = await feedContext(deps, slot, change);
  for (const chunk of slotChunks(ctx, change)) await applyChunk(deps, ctx, change, chunk);
};

/** Finishes a change found pending on a slot; the slot as settled. */
export const finishPending = async (deps: SlotApplyDeps, slot: ActivitySlot): Promise<ActivitySlot> => {
  const change = slot.pending;
  if (change === undefined) return slot;
  await applySlotMessage(deps, slot, change);
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
  defer?: (pending: ActivitySlot) => void,
): Promise<boolean> => {
  if (!(await deps.store.beginChange(slot, change))) return false;
  const pending = { ...slot, pending: change };
  // Deferred: the caller applies the pending changes of many rows together (merged-apply.ts).
  if (defer) defer(pending);
  else await finishPending(deps, pending);
  return true;
};
