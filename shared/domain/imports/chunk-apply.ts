import type { ImportStore } from '../../ports/import-store.ts';
import type { IngestStore } from '../../ports/ingest-store.ts';
import type { Retry } from '../../ports/retry.ts';
import type { AccountingDefaults } from '../carbon/accounting/accounting-context.ts';
import type { FactorLibrary } from '../carbon/accounting/factors.ts';
import type { ChunkState, ReadingChunk } from '../carbon/ingest/ingest-plan.ts';
import { batchHandleOf } from '../carbon/ingest/message-plan.ts';
import { mergeChunkPlans } from '../carbon/ingest/transaction-plan.ts';
import { meterAccountingFor } from '../carbon/rollups/meter-accounting.ts';
import type { EnterpriseRecord, MeterRecord } from '../registry/records.ts';
import { type FeedPlanContext, planSlotChunk } from './feed-plan.ts';
import type { ActivitySlot, SlotChange } from './slot.ts';

/**
 * One chunk of a slot message (one day: feed-plan.ts) in one transaction through the ingest store,
 * conditioned on its marker: re-read and re-planned when a condition failed, done when its hours
 * already hold the marker (applied before a crash, or by another job).
 */

export interface SlotApplyDeps {
  store: ImportStore;
  ingest: IngestStore;
  library: FactorLibrary;
  accounting: AccountingDefaults;
  timeZone: string;
  handlePrefix: string;
  /** Another try after a pause, for writes that collided with another writer (adapters: p-retry). */
  retry: Retry;
  meter(id: string): Promise<MeterRecord | undefined>;
  enterprise(id: string): Promise<EnterpriseRecord | undefined>;
}

export const MAX_ATTEMPTS = 12;

/**
 * A transaction that did not land because another writer held or changed its items (lanes of one
 * import write the same enterprise and city items): worth another try after a pause.
 */
export class Contended extends Error {
  override name = 'Contended';
}
export const isContended = (error: unknown): boolean => error instanceof Contended;

/** One chunk in one transaction; re-read and re-planned when a condition failed. */
export const applyChunk = async (
  deps: SlotApplyDeps,
  ctx: FeedPlanContext,
  change: SlotChange,
  chunk: ReadingChunk,
) => {
  const meterId = ctx.meter.id;
  let state: ChunkState = { hours: [], read: false };
  await deps.retry(
    async () => {
      const plan = planSlotChunk(ctx, change, chunk, state);
      const outcome = await deps.ingest.apply(
        mergeChunkPlans([{ meterId, messageId: change.messageId, plan }]),
      );
      if (outcome === 'applied') return;
      if (outcome === 'conditionFailed') {
        state = await deps.ingest.readChunkState(meterId, chunk.hours, false);
        if (chunk.hours.every((h) => holds(state, h, change.messageId))) return;
      }
      throw new Contended(`slot message ${change.messageId} still contended`);
    },
    { attempts: MAX_ATTEMPTS, retryable: isContended },
  );
};

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
