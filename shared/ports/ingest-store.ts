import type { ChunkState } from '../domain/carbon/ingest/ingest-plan.ts';
import type { TransactionPlan } from '../domain/carbon/ingest/transaction-plan.ts';

/**
 * `conditionFailed`: a condition failed (a message landed meanwhile, a concurrent message changed a
 * register, a batch log filled up) — re-read and re-plan. `contended`: another transaction was busy
 * on an item and nothing was evaluated — the same plan may be sent again.
 */
export type ApplyOutcome = 'applied' | 'conditionFailed' | 'contended';

/**
 * Where the ingest keeps its per-meter state and applies messages: the `carbon` table's rollup
 * items (layout in shared/domain/carbon/rollups/rollup-model.ts and ingest-plan.ts).
 */
export interface IngestStore {
  /** The most items one `apply` may write (DynamoDB: 100); the planners pack within it. */
  readonly maxTransactionItems: number;
  /**
   * The meter-hour items of these hours; with `neighbours`, also the nearest earlier and later
   * meter-hour items outside them (cumulative registers need the readings either side).
   */
  readChunkState(meterId: string, hours: readonly string[], neighbours: boolean): Promise<ChunkState>;
  /** Writes the plan in one transaction: all of it or nothing. */
  apply(plan: TransactionPlan): Promise<ApplyOutcome>;
}
