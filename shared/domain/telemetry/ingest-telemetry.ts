import type { Clock } from '../../config/clock.ts';
import type { TelemetryStore } from '../../ports/telemetry-store.ts';
import { judgeTelemetryEvent } from './reading-batch.ts';

export interface IngestDependencies {
  store: TelemetryStore;
  clock: Clock;
  newId: () => string;
}

export type IngestOutcome = 'stored' | 'duplicate' | 'quarantined';

/** Accept a batch once (a redelivery is a no-op), or quarantine it with the reason. */
export const ingestTelemetry = async (event: unknown, deps: IngestDependencies): Promise<IngestOutcome> => {
  const verdict = judgeTelemetryEvent(event, deps.clock(), deps.newId());
  if (!verdict.ok) {
    await deps.store.quarantine(verdict.quarantine);
    return 'quarantined';
  }
  return deps.store.saveBatch(verdict.batch);
};
