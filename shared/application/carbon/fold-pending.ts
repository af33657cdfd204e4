import {
  foldTransactions,
  SWEEP_AFTER_MS,
  SWEEP_EVERY_MS,
} from '../../domain/carbon/ingest/deferred-deltas.ts';
import { type PendingDelta, pendingRefId } from '../../domain/carbon/ingest/transaction-plan.ts';
import type { PendingStore } from '../../ports/pending-store.ts';
import { mergedPolicy, retrying, TryAgain } from './retry-policies.ts';

/** A batch's deferred items: pending items written, folded, swept; folds contended; fold failures. */
export interface DeferredSummary {
  pending: number;
  folded: number;
  swept: number;
  contended: number;
  errors: unknown[];
}

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
  for (const fold of foldTransactions(pendings, store.maxTransactionItems)) {
    const inFold = new Set(fold.pending.map(pendingRefId));
    let left = pendings.filter((p) => inFold.has(pendingRefId(p)));
    for (let round = 0; left.length > 0 && round < 3; round++) {
      const [again] = foldTransactions(left, store.maxTransactionItems);
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
      const still = new Set((await store.stillPending(left)).map(pendingRefId));
      left = left.filter((p) => still.has(pendingRefId(p)));
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

/**
 * When each pending store (one a Lambda container) last swept: a sweep Queries the 4 pending
 * partitions, as many requests as a small batch's own, so it runs at most once a minute.
 */
const lastSweep = new WeakMap<PendingStore, number>();

/** A queue batch's folding: its sweep first, its own pending items at its end. */
export class BatchFolds {
  readonly pending: PendingDelta[] = [];
  readonly #store: PendingStore | undefined;
  readonly #report: DeferredSummary;
  readonly #backoffMs: number | undefined;

  constructor(store: PendingStore | undefined, report: DeferredSummary, backoffMs?: number) {
    this.#store = store;
    this.#report = report;
    this.#backoffMs = backoffMs;
  }

  /** Folds what earlier batches left behind (a crash between a group and its fold). */
  async sweep(now: Date): Promise<void> {
    const store = this.#store;
    if (!store || now.getTime() - (lastSweep.get(store) ?? Number.NEGATIVE_INFINITY) < SWEEP_EVERY_MS) return;
    // Taken before the sweep, so the container's concurrent batches do not sweep at once.
    lastSweep.set(store, now.getTime());
    await this.#count('swept', () => sweepPending(store, now, this.#backoffMs));
  }

  /** Folds this batch's pending items; a failure leaves them to a later sweep. */
  async fold(): Promise<void> {
    this.#report.pending = this.pending.length;
    const store = this.#store;
    if (store && this.pending.length > 0)
      await this.#count('folded', () => foldPending(this.pending, store, this.#backoffMs));
  }

  async #count(as: 'folded' | 'swept', folding: () => Promise<FoldReport>): Promise<void> {
    try {
      const report = await folding();
      this.#report[as] += report.folded;
      this.#report.contended += report.contended;
    } catch (error) {
      this.#report.errors.push(error);
    }
  }
}
