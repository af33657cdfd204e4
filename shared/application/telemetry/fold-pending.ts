import { foldTransactions, SWEEP_AFTER_MS } from '../../domain/carbon/ingest/deferred-deltas.ts';
import type { PendingDelta } from '../../domain/carbon/ingest/transaction-plan.ts';
import type { PendingStore } from '../../ports/pending-store.ts';
import { mergedPolicy, retrying, TryAgain } from './retry-policies.ts';

/** What folding did: pending items folded here, and fold transactions cancelled by contention. */
export interface FoldReport {
  folded: number;
  contended: number;
}

/**
 * Folds pending items into the city and industry items, exactly once each: every fold deletes the
 * items it applies, on condition they still exist. When a condition fails (a sweep elsewhere folded
 * one of them), the ones still there are folded again without it; when the items are busy, the same
 * fold is sent again with backoff. Folds one after another: they all write the city's items.
 */
export const foldPending = async (
  pendings: readonly PendingDelta[],
  store: PendingStore,
  backoffMs?: number,
): Promise<FoldReport> => {
  const report: FoldReport = { folded: 0, contended: 0 };
  for (const fold of foldTransactions(pendings)) {
    let left = pendings.filter((p) => fold.pending.some((k) => k.pk === p.key.pk && k.sk === p.key.sk));
    for (let round = 0; left.length > 0 && round < 3; round++) {
      const [again] = foldTransactions(left);
      if (again === undefined) break;
      const outcome = await retrying(async () => {
        const result = await store.fold(again);
        if (result !== 'contended') return result;
        report.contended += 1;
        throw new TryAgain('fold of pending items contended');
      }, mergedPolicy(backoffMs));
      if (outcome === 'applied') {
        report.folded += left.length;
        break;
      }
      const still = await store.stillPending(left.map((p) => p.key));
      left = left.filter((p) => still.some((k) => k.pk === p.key.pk && k.sk === p.key.sk));
    }
  }
  return report;
};

/** Folds what a crashed batch left: pending items older than any batch can run (SWEEP_AFTER_MS). */
export const sweepPending = async (
  store: PendingStore,
  now: Date,
  backoffMs?: number,
): Promise<FoldReport> => {
  const before = new Date(now.getTime() - SWEEP_AFTER_MS).toISOString();
  const left = await store.readPending(before);
  return left.length === 0 ? { folded: 0, contended: 0 } : foldPending(left, store, backoffMs);
};
