import type { AccountingDefaults } from '../../domain/carbon/accounting/accounting-context.ts';
import type { FactorLibrary } from '../../domain/carbon/accounting/factors.ts';
import { batchHandleOf } from '../../domain/carbon/ingest/message-plan.ts';
import { meterAccountingFor } from '../../domain/carbon/rollups/meter-accounting.ts';
import type { FeedPlanContext } from '../../domain/imports/feed-plan.ts';
import { mergeMonthPlans, planSlotMonth } from '../../domain/imports/month-plan.ts';
import type { ActivitySlot, SlotChange } from '../../domain/imports/slot.ts';
import type { EnterpriseRecord, MeterRecord } from '../../domain/registry/records.ts';
import type { ImportStore } from '../../ports/import-store.ts';
import type { IngestStore } from '../../ports/ingest-store.ts';
import type { PendingStore } from '../../ports/pending-store.ts';
import type { Retry } from '../../ports/retry.ts';

/**
 * A slot message (month-plan.ts) in one transaction through the ingest store's `apply`, conditioned
 * on its marker on the account meter's feed month item.
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
  /**
   * Where a run's city and industry deltas wait to be folded (the ingest's deferred deltas): with it,
   * the transactions of different enterprises share no item and go side by side (merged-apply.ts).
   */
  pending?: PendingStore;
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

/**
 * One slot message alone in one transaction, conditioned on its marker: done when it lands, or when
 * its condition failed because the marker is already there (applied before a crash, or by another
 * job); tried again after a pause while other writers hold its items.
 */
export const applyMonth = async (deps: SlotApplyDeps, ctx: FeedPlanContext, change: SlotChange) => {
  const plan = planSlotMonth(ctx, change);
  await deps.retry(
    async () => {
      const outcome = await deps.ingest.apply(mergeMonthPlans([plan]));
      if (outcome === 'applied') return;
      if (outcome === 'conditionFailed') {
        if (await deps.store.holdsMessage(ctx.meter.id, ctx.period, change.messageId)) return;
        // The marker is absent yet the condition failed: the month's batch log is full.
        throw new Error(`slot message ${change.messageId}: the feed month's batch log is full`);
      }
      throw new Contended(`slot message ${change.messageId} still contended`);
    },
    { attempts: MAX_ATTEMPTS, retryable: isContended },
  );
};

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
