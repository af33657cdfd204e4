import type {
  BudgetCheckPorts,
  BudgetKey,
  BudgetLevel,
  BudgetMetric,
  BudgetRecord,
} from '../domain/carbon/budgets/budget-check.ts';
import type { ImportSource } from '../domain/carbon/ingest/ingest-plan.ts';
import type { RollupItem } from '../domain/carbon/rollups/emission-series.ts';
import type { RecalcLogEntry } from '../domain/carbon/rollups/recalculation-model.ts';
import type {
  AlertKind,
  AlertLevel,
  Granularity,
  RollupLevel,
} from '../domain/carbon/rollups/rollup-model.ts';

/**
 * Reads of the carbon table for the emissions, budget and alert endpoints (keys: the DynamoDB
 * adapter's carbon-keys.ts). What each costs:
 *   series    one range of a target's periods (one Query)
 *   ranking   one period of every entity (cost ∝ entities)
 *   budgets   by target and period; listed in target order
 *   alerts    newest first
 */
/** `feeds: false` leaves the imported feeds' derived days and hours out (docs/imports.md, "Readers"). */
export interface FeedOption {
  feeds?: boolean;
}

export interface RollupReader {
  /** The rollup items of one target from the first to the last period label (inclusive), by period. */
  readSeries(
    level: RollupLevel,
    id: string,
    granularity: Granularity,
    first: string,
    last: string,
    options?: FeedOption,
  ): Promise<Map<string, RollupItem>>;
  /** One period's rollup item for each id (ids without one are absent from the map). */
  readPeriod(
    level: RollupLevel,
    ids: readonly string[],
    granularity: Granularity,
    period: string,
    options?: FeedOption,
  ): Promise<Map<string, RollupItem>>;
}

export interface BudgetStore {
  readBudgets(keys: readonly BudgetKey[]): Promise<BudgetRecord[]>;
  listBudgets(filter: { level?: BudgetLevel; targetId?: string }): Promise<BudgetRecord[]>;
  /**
   * Creates the budget (expectedVersion absent: only when none exists) or replaces the one at
   * expectedVersion; ConflictError otherwise. Returns the stored record with its new version.
   */
  putBudget(
    budget: Omit<BudgetRecord, 'version'>,
    expectedVersion: number | undefined,
  ): Promise<BudgetRecord>;
}

export interface AlertRecord {
  kind: AlertKind;
  level: AlertLevel;
  targetId: string;
  /** Meter alerts: the meter's enterprise. */
  enterpriseId?: string;
  period: string;
  /** Budget alerts and projections: the budget's metric (absent: co2e, tCO2e). */
  metric?: BudgetMetric;
  raisedAt: string;
  message: string;
  value?: number;
  limit?: number;
  threshold?: number;
  /** Budget breaches: the automatic case it opened (absent on alerts linked before ids were recorded). */
  caseId?: string;
}

export interface AlertFilter {
  kind?: AlertKind;
  level?: AlertLevel;
  targetId?: string;
  /** Raised at or after this instant (ISO UTC). */
  from?: string;
  limit: number;
  cursor?: string;
}

export interface AlertReader {
  /** Newest first; a page may be shorter than `limit` when filters apply, the cursor continues it. */
  listAlerts(filter: AlertFilter): Promise<{ items: AlertRecord[]; cursor?: string }>;
}

/**
 * One message's part in one meter hour, as the ingest logs it on the meter-hour rollup item
 * (`batchLog`, see shared/domain/carbon/ingest/ingest-plan.ts): its readings, the quantities accounted,
 * the CO2e, the factor versions and GWP set, and the batch's identifier.
 */
export interface BatchLogView {
  meterId: string;
  hour: string;
  messageId: string;
  handle?: string;
  receivedAt?: string;
  readingCount: number;
  co2eT: number;
  factorRefs: string[];
  gwpSet?: string;
  /** How the entry was accounted (absent on entries written before methods and programmes). */
  method?: string;
  programme?: string;
  marketProgramme?: string;
  tce?: number;
  measuredParameters?: unknown[];
  activity?: { energyType: string; unit: string; gridRegion?: string; greenPower?: boolean };
  correction: boolean;
  readings: unknown[];
  deltas: unknown[];
  /** Imported activity: the file, row, uploader and time (docs/imports.md). */
  source?: ImportSource;
}

/** One page of a meter's batch log, with the recalculation lines of the hours it covers. */
export interface BatchLogPage {
  items: BatchLogView[];
  recalculations: { meterId: string; hour: string; lines: RecalcLogEntry[] }[];
  nextKey?: Record<string, unknown>;
}

export interface BatchLogReader {
  /** The batch log of one meter over the hours from `firstHour` to `lastHour`, oldest hour first. */
  readBatchLog(
    meterId: string,
    hours: { firstHour: string; lastHour: string },
    page: { hoursPerPage: number; startKey?: Record<string, unknown> },
  ): Promise<BatchLogPage>;
}

export type CarbonReadStore = RollupReader & BudgetStore & AlertReader & BudgetCheckPorts;
