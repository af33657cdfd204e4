import type { Clock } from '../../config/clock.ts';
import type { JudgeDependencies } from '../../domain/carbon/ingest/judge-message.ts';
import type { QuarantineRecord } from '../../domain/carbon/ingest/reading-batch.ts';
import type { MeterRecord } from '../../domain/registry/records.ts';
import type { IngestStore } from '../../ports/ingest-store.ts';
import type { PendingStore } from '../../ports/pending-store.ts';
import type { TelemetryStore } from '../../ports/telemetry-store.ts';

/** The ports and settings of the ingest use cases (built once per Lambda container: ingest-context.ts). */
export interface IngestDependencies extends JudgeDependencies {
  /** Quarantine records. */
  store: TelemetryStore;
  ingest: IngestStore;
  /**
   * Where a batch defers its city and industry deltas (deferred-deltas.ts); without it (the imports,
   * some tests) every group writes them in its own transaction and groups run one after another.
   */
  pending?: PendingStore;
  clock: Clock;
  handlePrefix: string;
  /** Called after a message applied (or proved a duplicate) with the local hours it touched. */
  afterApply?: (touched: { meter: MeterRecord; hours: string[] }) => Promise<void>;
  /** Backoff between attempts of a contended write, ms (retry-policies.ts); tests pass 0 so they do not wait. */
  backoffMs?: number;
}

export type IngestOutcome = 'applied' | 'duplicate' | 'quarantined';

export interface IngestResult {
  outcome: IngestOutcome;
  quarantine?: QuarantineRecord;
  /** Readings refused on their own, each quarantined; the rest of the message applied. */
  readingsQuarantined: number;
  chunks: { applied: number; duplicate: number };
  /** Transactions that had to be re-read and re-planned (concurrency, redelivery). */
  retries: number;
  afterApplyError?: unknown;
}

export interface IngestOptions {
  /**
   * False when replaying: nothing is quarantined again; a refusal (of the message or of any of its
   * readings) is returned and nothing is applied.
   */
  storeQuarantine?: boolean;
  /** An admin's replay after review: the plausibility checks are overridden (reading-checks.ts). */
  acceptImplausible?: boolean;
}

export const emptyResult = (): IngestResult => ({
  outcome: 'duplicate',
  readingsQuarantined: 0,
  chunks: { applied: 0, duplicate: 0 },
  retries: 0,
});
