import type { AlertRecord } from './carbon-read-store.ts';

/** An alert as written: the listed attributes plus, for anomalies, what was seen against what was expected. */
export interface NewAlert extends AlertRecord {
  anomalyKind?: string;
  expected?: number;
  score?: number;
}

/**
 * Raises alerts on their deterministic key (`ALERT#<level>#<id>` / `<kind>#<period>`, see
 * rollup-model.ts): true when this call raised it, false when it already existed.
 */
export interface AlertWriter {
  raiseAlert(alert: NewAlert): Promise<boolean>;
}

/** Records on an alert the id of the automatic case it opened; the same id again is a no-op. */
export interface AlertCaseLinker {
  linkCase(
    alert: Pick<AlertRecord, 'level' | 'targetId' | 'kind' | 'period' | 'metric'>,
    caseId: string,
  ): Promise<void>;
}
