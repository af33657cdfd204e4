import { AccountingError } from './errors.ts';
import type { FactorKind, FactorLibrary, FactorOfKind, Region } from './factors.ts';
import { regionChain } from './grid-regions.ts';

export { regionChain } from './grid-regions.ts';

/**
 * Why the chosen factor is the one used:
 * - `exact`: the requested region and data year;
 * - `earlier-year`: the requested region, latest year before the activity's data year;
 * - `regional-fallback`: a broader region than requested, but narrower than the nation;
 * - `national-fallback`: the national (`CN`) factor;
 * - `default-fallback`: an international default (`GLOBAL`, e.g. IPCC Tier 1).
 * A fallback in region wins over a fallback in year in the reason; both are visible in the record.
 */
export type SelectionReason =
  | 'exact'
  | 'earlier-year'
  | 'regional-fallback'
  | 'national-fallback'
  | 'default-fallback';

/** The audit record of one factor choice, stored with every result. */
export interface FactorSelection {
  requestedRegion: Region;
  requestedYear: number;
  chosenRegion: Region;
  chosenYear: number;
  reason: SelectionReason;
}

export interface FactorQuery<K extends FactorKind> {
  /** Kinds acceptable for this use, e.g. national parameters and the IPCC defaults. */
  kinds: readonly K[];
  activityType: string;
  region: Region;
  /** Data year of the activity (the year the fuel was burnt or the power consumed). */
  year: number;
}

export interface SelectedFactor<K extends FactorKind> {
  factor: FactorOfKind<K>;
  selection: FactorSelection;
}

/**
 * Picks the factor for an activity: walk from the most specific region to the broadest (an unknown
 * region is refused, see grid-regions.ts); in each
 * region take the activity's data year, else the latest earlier year. Factors from later years are
 * never used for earlier activity (that would rewrite history with knowledge the period did not
 * have). Among versions of one factor, the highest version wins. The selection carries the exact
 * record it chose, so a trace can show the factor as it was used.
 */
export const selectFactor = <K extends FactorKind>(
  library: FactorLibrary,
  query: FactorQuery<K>,
): SelectedFactor<K> => {
  const candidates = library.factors.filter(
    (f): f is FactorOfKind<K> =>
      (query.kinds as readonly FactorKind[]).includes(f.kind) &&
      f.activityType === query.activityType &&
      f.year <= query.year,
  );
  for (const region of regionChain(query.region)) {
    const best = pickLatest(candidates.filter((f) => f.region === region));
    if (best) {
      return { factor: best, selection: recordChoice(query, best.region, best.year) };
    }
  }
  throw new AccountingError(
    'factor-not-found',
    `no ${query.kinds.join('/')} factor for ${query.activityType} in ${query.region} for ${query.year} or earlier`,
  );
};

/** Like `selectFactor`, but an absent factor is `undefined` (for optional factors such as CH4). */
export const trySelectFactor = <K extends FactorKind>(
  library: FactorLibrary,
  query: FactorQuery<K>,
): SelectedFactor<K> | undefined => {
  try {
    return selectFactor(library, query);
  } catch (error) {
    if (error instanceof AccountingError && error.code === 'factor-not-found') return undefined;
    throw error;
  }
};

const pickLatest = <F extends { year: number; version: number }>(factors: F[]): F | undefined =>
  factors.reduce<F | undefined>((best, f) => {
    if (!best || f.year > best.year || (f.year === best.year && f.version > best.version)) return f;
    return best;
  }, undefined);

const recordChoice = (query: FactorQuery<FactorKind>, region: Region, year: number): FactorSelection => ({
  requestedRegion: query.region,
  requestedYear: query.year,
  chosenRegion: region,
  chosenYear: year,
  reason: reasonFor(query.region, region, query.year, year),
});

const reasonFor = (requestedRegion: Region, region: Region, requestedYear: number, year: number) => {
  if (region !== requestedRegion) {
    if (region === 'GLOBAL') return 'default-fallback';
    return region === 'CN' ? 'national-fallback' : 'regional-fallback';
  }
  return year === requestedYear ? 'exact' : 'earlier-year';
};
