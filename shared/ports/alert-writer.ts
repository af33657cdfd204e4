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
