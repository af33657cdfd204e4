import type { QuarantineRecord } from '../domain/carbon/ingest/reading-batch.ts';

/** A quarantine record as listed, with how often it arrived and what a replay did to it. */
export interface StoredQuarantine extends Omit<QuarantineRecord, 'delivery'> {
  receipts?: number;
  lastReceivedAt?: string;
  replayedAt?: string;
  replayedBy?: string;
  replayOutcome?: 'applied' | 'duplicate';
  replayOverride?: 'implausible';
}

export interface ReplayMark {
  at: string;
  by: string;
  outcome: 'applied' | 'duplicate';
  override?: 'implausible';
}

/**
 * Quarantined telemetry (accepted readings live in the carbon table, see ingest-plan.ts).
 * Access patterns: by UTC day of quarantine, oldest first; one by id (the id carries its instant).
 */
export interface TelemetryStore {
  /** Keeps one entry per key (the id's digest); a further delivery adds a receipt to it. */
  quarantine(record: QuarantineRecord): Promise<void>;
  listQuarantine(
    day: string,
    page: { cursor?: string; limit?: number },
  ): Promise<{ items: StoredQuarantine[]; cursor?: string }>;
  getQuarantine(id: string): Promise<StoredQuarantine | undefined>;
  /** Records a successful replay; false when the item no longer exists. */
  markReplayed(id: string, replay: ReplayMark): Promise<boolean>;
}
