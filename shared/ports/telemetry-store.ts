import type { QuarantineRecord, ReadingBatch } from '../domain/telemetry/reading-batch.ts';

/**
 * Where accepted reading batches and quarantined messages go.
 * Access patterns: batch by (meterId, messageId) — the dedup key; quarantine by local day, newest first.
 */
export interface TelemetryStore {
  /** Stores the batch unless one with the same meter and message id exists; says which happened. */
  saveBatch(batch: ReadingBatch): Promise<'stored' | 'duplicate'>;
  quarantine(record: QuarantineRecord): Promise<void>;
}
