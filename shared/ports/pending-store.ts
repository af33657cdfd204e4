import type { FoldTransaction } from '../domain/carbon/ingest/deferred-deltas.ts';
import type { PendingDelta, PendingRef } from '../domain/carbon/ingest/transaction-plan.ts';
import type { ApplyOutcome } from './ingest-store.ts';

/**
 * The ingest's pending items (deferred city and industry deltas, deferred-deltas.ts): a group's
 * transaction puts one through the ingest store's `apply`; this folds them into the shared items.
 */
export interface PendingStore {
  /** The most items one `fold` may write; `foldTransactions` packs within it. */
  readonly maxTransactionItems: number;
  /** One transaction: the deltas added, each pending item deleted on condition it still exists. */
  fold(fold: FoldTransaction): Promise<ApplyOutcome>;
  /** Of these pending items, those still there (a fold whose condition failed: another folded some). */
  stillPending(refs: readonly PendingRef[]): Promise<PendingRef[]>;
  /** Pending items created before this instant (ISO), oldest first: leftovers of a crash. */
  readPending(createdBefore: string): Promise<PendingDelta[]>;
}
