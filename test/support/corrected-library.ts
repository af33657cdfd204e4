import { contentHashOf } from '../../shared/domain/carbon/accounting/content-hash.ts';
import {
  type FactorLibrary,
  loadFactorLibrary,
  parseFactorLibrary,
  SHIPPED_FACTOR_FILES,
} from '../../shared/domain/carbon/accounting/factors.ts';

/**
 * The shipped library plus a correction of one factor: the same id, the next version, one number
 * changed, stamped with its content hash as `npm run factors:stamp` would. This is what deploying a
 * corrected factor looks like to the engine (a new version beside the old, never an edit).
 */
export const correctedLibrary = (id: string, change: Record<string, unknown>): FactorLibrary => {
  const original = loadFactorLibrary().factors.find((f) => f.id === id);
  if (original === undefined) throw new Error(`no factor ${id}`);
  const { publisher, contentHash: _old, ...rest } = original;
  const corrected = {
    ...rest,
    ...change,
    version: original.version + 1,
    notes: 'Correction for a test: a new version beside the old one.',
  };
  const contentHash = contentHashOf({ ...corrected, publisher });
  return parseFactorLibrary([
    ...SHIPPED_FACTOR_FILES,
    { publisher, factors: [{ ...corrected, contentHash }] },
  ]);
};

/** The Southern grid's 2023 factor corrected from 0.4042 to 0.4100 tCO2/MWh (a made-up correction). */
export const SOUTH_2023 = 'mee-nbs.grid-average.CN-SOUTH.2023';
export const southCorrected = (): FactorLibrary => correctedLibrary(SOUTH_2023, { value: 0.41 });
