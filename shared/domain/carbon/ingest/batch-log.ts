import type { UsedMeasuredParameter } from '../accounting/measured-parameters.ts';
import type { DeltaFlag } from '../rollups/register-deltas.ts';
import type { ReadingBatch } from './reading-batch.ts';

/**
 * The batch log of a meter-hour item (meter-hour-state.ts): one entry per message that reached the
 * hour — what it carried, how it was accounted, where it came from — so every figure can be traced
 * to its readings and factors, and recalculated.
 */

export interface BatchLogEntry {
  messageId: string;
  batchHandle: string;
  clientId: string;
  receivedAt: string;
  /** The message's readings that fall in this hour (empty for a correction entry). */
  readings: ReadingBatch['readings'];
  /** Quantities accounted in this hour: + added, − removed (a late reading split an interval). */
  deltas: {
    ts: string;
    quantity: number;
    co2eT: number;
    /** Energy consumption, tce (absent in entries written before tce was counted). */
    tce?: number;
    sign: 1 | -1;
    flag?: DeltaFlag;
  }[];
  co2eT: number;
  tce?: number;
  /** `id@version#sha256:…` of every factor used (entries written before hashes: `id@version`). */
  factorRefs: string[];
  gwpSet: string;
  /** The accounting method, e.g. `gbt-32150` (absent in entries written before methods existed). */
  method?: string;
  /** The grid programme of the location-based figure (electricity), else absent. */
  programme?: string;
  /** The grid programme of the market-based figure (electricity). */
  marketProgramme?: string;
  /** Measured parameters (实测值) that replaced library defaults, each as used. */
  measuredParameters?: UsedMeasuredParameter[];
  /** The meter as accounted (unit, grid region, green power): what a trace or recalculation replays. */
  activity?: LoggedActivity;
  /** Register readings refused because the same instant already holds another value. */
  conflicts?: string[];
  correction?: true;
  /** Reached the meter's own rollups only (another source counts: docs/imports.md); a recalculation does the same. */
  recordedOnly?: true;
  /** Imported activity (shared/domain/imports): the file, row, uploader and time it came from. */
  source?: ImportSource;
}

/** Where an imported slot message came from (docs/imports.md). */
export interface ImportSource {
  kind: 'import';
  importId: string;
  fileName: string;
  row: number;
  uploadedBy: string;
  uploadedAt: string;
  accountId: string;
  period: string;
  /** The value in force before and after, in the unit logged in `activity`. */
  previousValue?: number;
  value?: number;
  /** `withdrawal`: the import was withdrawn; `correction`: a new value replaced one in force. */
  change: 'new' | 'correction' | 'withdrawal';
}

/** A snapshot of the meter fields the accounting read, kept with each batch-log entry. */
export interface LoggedActivity {
  energyType: string;
  unit: string;
  gridRegion?: string;
  greenPower?: boolean;
}
