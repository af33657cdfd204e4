import type { ReadingMeter } from '../domain/emissions/reading-emissions.ts';
import type { ChunkPlan, ChunkState } from '../domain/telemetry/ingest-plan.ts';
import type { ReadingBatch } from '../domain/telemetry/reading-batch.ts';

/**
 * Where the ingest keeps its per-meter state and applies a message: the `carbon` table's rollup
 * items (layout in shared/domain/emissions/rollup-model.ts and ingest-plan.ts).
 */
export interface IngestStore {
  /**
   * The meter-hour items of these hours; with `neighbours`, also the nearest earlier and later
   * meter-hour items outside them (cumulative registers need the readings either side).
   */
  readChunkState(meterId: string, hours: readonly string[], neighbours: boolean): Promise<ChunkState>;
  /**
   * Writes the plan in one transaction. `retry`: a condition failed (the message landed meanwhile,
   * or a concurrent message changed a register) or the transaction conflicted — re-read and re-plan.
   */
  applyChunk(meter: ReadingMeter, batch: ReadingBatch, plan: ChunkPlan): Promise<'applied' | 'retry'>;
}
