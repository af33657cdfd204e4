import type { CalculationStep, EmissionResult, FactorUse } from '../accounting/accounting-types.ts';
import { AccountingError } from '../accounting/errors.ts';
import type { FactorLibrary } from '../accounting/factors.ts';
import { getGridProgramme } from '../accounting/grid-programmes.ts';
import { type GwpSetId, getGwpSet } from '../accounting/gwp.ts';
import type { UsedMeasuredParameter } from '../accounting/measured-parameters.ts';
import { fromFixed, MASS_SCALE, toFixed } from './fixed-point.ts';
import { type LoggedEntry, loggedAccounting, loggedMeter, pinnedLibrary } from './logged-accounting.ts';
import { type ActivityMeter, readingDateOf } from './meter-accounting.ts';
import { readingEmissions } from './reading-emissions.ts';
import { SELECTION_REASONS } from './selection-reasons.ts';

/**
 * "Trace explains": each part of a figure (one quantity of one batch-log entry) replayed through the
 * accounting engine with exactly the factor versions the entry names (their content hashes checked),
 * so the trace shows the factor records as used, why each was chosen, the measured values that
 * replaced defaults, the GWP values, and every step of the calculation with its numbers — and that
 * the replay gives back the figure stored (`matchesStored`). Pure.
 */

export interface ExplainedFactor {
  role: FactorUse['role'];
  ref: string;
  reason: string;
  /** zh-CN and English: why this record and not another. */
  reasonText: string;
  selection: FactorUse['selection'];
  verification: FactorUse['verification'];
  record: FactorUse['record'];
}

export interface ExplainedPart {
  ts: string;
  quantity: number;
  unit: string;
  sign: 1 | -1;
  co2eT: number;
  tce: number;
  /** The replay equals what the ingest stored for this quantity (to the milligram). */
  matchesStored: boolean;
  location: { programme: string | null; co2eT: number; steps: CalculationStep[] };
  market?: { programme: string | null; co2eT: number; steps: CalculationStep[] };
}

export type EntryExplanation =
  | {
      replayed: true;
      method: string;
      gwpSet: { id: GwpSetId; values: Record<string, number>; source: string; contentHash: string };
      programmes: { location?: { id: string; name: string }; market?: { id: string; name: string } };
      factors: ExplainedFactor[];
      measuredParameters: (UsedMeasuredParameter & { reasonText: string })[];
      parts: ExplainedPart[];
    }
  | { replayed: false; problem: string };

export interface ExplainableEntry extends LoggedEntry {
  /** As stored: `{ ts, quantity, co2eT, sign }` each; anything else is left out of the replay. */
  deltas: readonly unknown[];
}

interface LoggedDelta {
  ts: string;
  quantity: number;
  co2eT: number;
  sign: 1 | -1;
}

const isDelta = (value: unknown): value is LoggedDelta => {
  const d = value as Partial<LoggedDelta> | null;
  return (
    typeof d?.ts === 'string' &&
    typeof d.quantity === 'number' &&
    typeof d.co2eT === 'number' &&
    (d.sign === 1 || d.sign === -1)
  );
};

const explainFactor = (use: FactorUse): ExplainedFactor => ({
  role: use.role,
  ref: use.ref,
  reason: use.selection.reason,
  reasonText: SELECTION_REASONS[use.selection.reason](use.selection),
  selection: use.selection,
  verification: use.verification,
  record: use.record,
});

const programmeOf = (result: EmissionResult | undefined) =>
  result?.programme ? { id: result.programme, name: getGridProgramme(result.programme).name } : undefined;

const measuredText = (p: UsedMeasuredParameter) =>
  `实测值替代缺省值：${p.parameter} ${p.value} ${p.unit}（${p.validFrom}～${p.validTo}，${p.source}）` +
  `${p.replaces ? `，替代 ${p.replaces}` : ''} (measured value replaces the library default)`;

/** Explains one entry; `current` is the meter's registry record, for entries without a snapshot. */
export const explainEntry = (
  entry: ExplainableEntry,
  library: FactorLibrary,
  current: ActivityMeter | undefined,
): EntryExplanation => {
  try {
    return replayEntry(entry, library, current);
  } catch (error) {
    // The versions it names no longer account it (say, an IPCC default the entry did not name).
    if (error instanceof AccountingError) return { replayed: false, problem: error.message };
    throw error;
  }
};

const replayEntry = (
  entry: ExplainableEntry,
  library: FactorLibrary,
  current: ActivityMeter | undefined,
): EntryExplanation => {
  const meter = loggedMeter(entry, current);
  if (!meter.ok) return { replayed: false, problem: meter.problem };
  const accounting = loggedAccounting(entry, meter.value);
  if (!accounting.ok) return { replayed: false, problem: accounting.problem };
  const pinned = pinnedLibrary(library, entry.factorRefs);
  if (!pinned.ok) return { replayed: false, problem: pinned.problem };
  const when = readingDateOf(entry.hour);
  const factors = new Map<string, ExplainedFactor>();
  const measured = new Map<string, UsedMeasuredParameter & { reasonText: string }>();
  let first: ReturnType<typeof readingEmissions> | undefined;
  const parts = entry.deltas.filter(isDelta).map((delta): ExplainedPart => {
    const result = readingEmissions(meter.value, delta.quantity, when, pinned.value, accounting.value);
    first ??= result;
    for (const use of [...result.location.factors, ...(result.market?.factors ?? [])])
      factors.set(`${use.role}|${use.ref}`, explainFactor(use));
    for (const p of result.measuredParameters)
      measured.set(`${p.parameter}|${p.validFrom}`, { ...p, reasonText: measuredText(p) });
    return {
      ts: delta.ts,
      quantity: delta.quantity,
      unit: meter.value.unit,
      sign: delta.sign,
      co2eT: result.co2eT,
      tce: result.tce,
      matchesStored: toFixed(delta.co2eT, MASS_SCALE) === toFixed(result.co2eT, MASS_SCALE),
      location: { programme: result.location.programme, co2eT: result.co2eT, steps: result.location.steps },
      ...(result.market
        ? {
            market: {
              programme: result.market.programme,
              co2eT: fromFixed(toFixed(result.market.co2eTonnes, MASS_SCALE), MASS_SCALE),
              steps: result.market.steps,
            },
          }
        : {}),
    };
  });
  const gwp = getGwpSet(accounting.value.location.gwpSet.id);
  const location = programmeOf(first?.location);
  const market = programmeOf(first?.market);
  return {
    replayed: true,
    method: accounting.value.location.method,
    gwpSet: { id: gwp.id, values: { ...gwp.gwp }, source: gwp.citation, contentHash: gwp.contentHash },
    programmes: { ...(location ? { location } : {}), ...(market ? { market } : {}) },
    factors: [...factors.values()],
    measuredParameters: [...measured.values()],
    parts,
  };
};
