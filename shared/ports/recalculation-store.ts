import type {
  RecalcLogEntry,
  RecalculationRecord,
  UnitResult,
} from '../domain/carbon/rollups/recalculation-model.ts';
import type { StoredMeterHour } from '../domain/carbon/rollups/recompute-hour.ts';
import type { RollupFigures } from '../domain/carbon/rollups/rollup-model.ts';

/** One meter-hour's correction: the difference added to its 12 rollup items, exactly once. */
export interface HourCorrection {
  recalcId: string;
  /** `recordedOnly`: the difference goes to the meter's own rollups only. */
  meter: { id: string; enterpriseId: string; industryCode: string; recordedOnly?: boolean };
  hour: string;
  /** The item's `lv` when read (0: it had none); the write lands only if it is still so. */
  expectedLv: number;
  difference: RollupFigures;
  factorRefs: string[];
  log: RecalcLogEntry;
}

/**
 * Recalculations in the carbon table (recalculation-model.ts). Access patterns: a record by id; the
 * recent ones through gsi1 `RECALCS` (few: a handful a month); a meter's day of hour items (one
 * Query) with its overflow batch-log items; the unit results of one recalculation (one Query).
 */
export interface RecalculationStore {
  create(record: RecalculationRecord): Promise<void>;
  get(id: string): Promise<RecalculationRecord | undefined>;
  /** Newest first. */
  listRecent(limit: number): Promise<RecalculationRecord[]>;
  /** Takes the run's lease if it is free (or ran out); the record as claimed, else undefined. */
  claim(id: string, now: string, leaseUntil: string): Promise<RecalculationRecord | undefined>;
  update(
    id: string,
    fields: Partial<
      Pick<
        RecalculationRecord,
        'status' | 'startedAt' | 'finishedAt' | 'error' | 'totalUnits' | 'leaseUntil' | 'attempts'
      >
    >,
  ): Promise<void>;
  readMeterDay(meterId: string, day: string): Promise<(StoredMeterHour & { lv: number })[]>;
  applyCorrection(correction: HourCorrection): Promise<'applied' | 'changed'>;
  putUnit(recalcId: string, unit: UnitResult): Promise<void>;
  listUnits(recalcId: string): Promise<UnitResult[]>;
}
