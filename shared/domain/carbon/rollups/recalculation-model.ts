import { addExact, type Exact, fromFixed, MASS_SCALE, multiplyExact } from './fixed-point.ts';
import { CITY_ID, type RollupFigures, TCE_FIGURE, TOTAL_FIGURES } from './rollup-model.ts';

/**
 * Recalculations (issue 13): when a factor is corrected (a new version of it is deployed), an admin
 * recomputes one month of one scope — an enterprise, or the whole city — from the ingest's batch logs
 * of its closed hours, as a checkpointed job. The rollups then hold the current figure; nothing is
 * rewritten silently: each meter-hour item keeps, in `recalcLog`, the figures before and after and
 * the factor versions the new figures rest on, and the recalculation keeps per meter and day what it
 * changed (the trace shows both).
 *
 * Stored (keys: shared/adapters/dynamodb/carbon/carbon-keys.ts) as the recalculation, one unit result
 * per meter-day it changed, and on meter-hour items
 *                                        `recalcs` (ids applied, the exactly-once marker), `recalcLog`
 *                                        (before, after, refs, accounting per recalculation), `lv`
 *                                        (bumped by every ingest and recalculation write: a
 *                                        recalculation writes only if the item is as it read it)
 */

export const RECALC_LEVELS = ['enterprise', 'city'] as const;
export type RecalcLevel = (typeof RECALC_LEVELS)[number];
export const RECALC_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type RecalcStatus = (typeof RECALC_STATUSES)[number];
/**
 * `as-logged`: each entry keeps the method, programmes and GWP set it names; only the factor versions
 * change (a correction's effect, and nothing else). `current`: the deployment's method and GWP set and
 * the enterprise's programme as configured now (e.g. to restate a month after a change of method).
 */
export const RECALC_ACCOUNTING = ['as-logged', 'current'] as const;
export type RecalcAccounting = (typeof RECALC_ACCOUNTING)[number];

export interface RecalcScope {
  level: RecalcLevel;
  /** Enterprise id, or `city`. */
  id: string;
}

export interface RecalculationRecord {
  id: string;
  scope: RecalcScope;
  /** Local month, `2026-11`. */
  period: string;
  reason: string;
  accounting: RecalcAccounting;
  requestedBy: string;
  createdAt: string;
  /**
   * Hours that ended at or before this instant (the request) are recalculated; later ones — the
   * current hour above all — are left to the ingest, which already accounts with the corrected
   * versions. Late readings of a closed hour that arrive during the run are safe too: a write of
   * the run only lands on a meter-hour item unchanged since it was read (`lv`).
   */
  cutoff: string;
  status: RecalcStatus;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
  /** Units (meter × day) the run works through, once it has started. */
  totalUnits?: number;
  /** A worker holds the run until then (one worker at a time; a crashed one's lease runs out). */
  leaseUntil?: string;
  /** Runs started; a run that fails is queued again (it resumes) until MAX_RECALC_ATTEMPTS. */
  attempts?: number;
}

export const MAX_RECALC_ATTEMPTS = 3;

export const scopeLabel = (scope: RecalcScope): string =>
  scope.level === 'city' ? '全市 city' : `企业 enterprise ${scope.id}`;

export const cityScope = (): RecalcScope => ({ level: 'city', id: CITY_ID });

/** The three totals a recalculation reports, in integer milligrams (tCO2e; tce). */
export interface RecalcTotals {
  co2e_mg: Exact;
  co2eMarket_mg: Exact;
  tce_mg: Exact;
}

export const zeroTotals = (): RecalcTotals => ({ co2e_mg: 0, co2eMarket_mg: 0, tce_mg: 0 });

export const totalsOfFigures = (figures: Readonly<RollupFigures>): RecalcTotals => ({
  co2e_mg: figures[TOTAL_FIGURES.co2e] ?? 0,
  co2eMarket_mg: figures[TOTAL_FIGURES.co2eMarket] ?? 0,
  tce_mg: figures[TCE_FIGURE] ?? 0,
});

export const addTotals = (a: RecalcTotals, b: RecalcTotals): RecalcTotals => ({
  co2e_mg: addExact(a.co2e_mg, b.co2e_mg),
  co2eMarket_mg: addExact(a.co2eMarket_mg, b.co2eMarket_mg),
  tce_mg: addExact(a.tce_mg, b.tce_mg),
});

/** Totals in tonnes (tCO2e, tce) for people to read. */
export const totalsInTonnes = (totals: RecalcTotals) => ({
  co2eT: fromFixed(totals.co2e_mg, MASS_SCALE),
  co2eMarketT: fromFixed(totals.co2eMarket_mg, MASS_SCALE),
  tce: fromFixed(totals.tce_mg, MASS_SCALE),
});

/** Before, after and after − before, in tonnes. */
export const comparison = (before: RecalcTotals, after: RecalcTotals) => {
  const b = totalsInTonnes(before);
  const a = totalsInTonnes(after);
  const diff = (x: Exact, y: Exact) => fromFixed(addExact(x, multiplyExact(y, -1)), MASS_SCALE);
  return {
    before: b,
    after: a,
    difference: {
      co2eT: diff(after.co2e_mg, before.co2e_mg),
      co2eMarketT: diff(after.co2eMarket_mg, before.co2eMarket_mg),
      tce: diff(after.tce_mg, before.tce_mg),
    },
  };
};

/** One meter-hour's line in `recalcLog`: what the rollup held, what it holds now, and why. */
export interface RecalcLogEntry {
  id: string;
  at: string;
  accounting: RecalcAccounting;
  before: RecalcTotals;
  after: RecalcTotals;
  /** Factor versions (`id@version#sha256:…`) the new figures rest on. */
  factorRefs: string[];
  /** Those the hour's batch log named before. */
  previousRefs: string[];
  /**
   * Set by an `accounting: current` recalculation: what the hour is accounted with since. A later
   * `as-logged` recalculation keeps it (it changes versions, never the method back).
   */
  restatedAs?: Restatement;
}

export interface Restatement {
  method: string;
  gwpSet: string;
  programme?: string;
  marketProgramme?: string;
}

/** What one unit (a meter's day) did, as stored under the recalculation. */
export interface UnitResult {
  meterId: string;
  enterpriseId: string;
  industryCode: string;
  day: string;
  before: RecalcTotals;
  after: RecalcTotals;
  /** Hours whose figures changed and were written; hours unchanged; hours left out and why. */
  hours: { changed: number; unchanged: number; skipped: Record<string, number> };
  previousRefs: string[];
  factorRefs: string[];
  /** Hours that could not be recomputed, each with its reason (at most a few listed). */
  problems: string[];
}
