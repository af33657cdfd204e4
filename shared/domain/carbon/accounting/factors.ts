import type * as z from 'zod';
import fossilFuels from '../../../data/factors/gbt-32150-fossil-fuels.json' with { type: 'json' };
import ipccDefaults from '../../../data/factors/ipcc-2006-stationary-combustion.json' with { type: 'json' };
import liquidDensities from '../../../data/factors/liquid-fuel-densities.json' with { type: 'json' };
import etsGrid from '../../../data/factors/mee-ets-grid.json' with { type: 'json' };
import gridElectricity from '../../../data/factors/mee-nbs-grid-electricity.json' with { type: 'json' };
import purchasedHeat from '../../../data/factors/purchased-heat.json' with { type: 'json' };
import { contentHashOf } from './content-hash.ts';
import { FactorDataError } from './errors.ts';
import { type EmissionFactor, factorSchemas } from './factor-schema.ts';

export type { EmissionFactor, FactorKind, FactorOfKind, Region } from './factor-schema.ts';

/** The validated, read-only factor library the engine selects from. */
export interface FactorLibrary {
  readonly factors: readonly EmissionFactor[];
}

/** The data files shipped with the platform, in no particular order. */
export const SHIPPED_FACTOR_FILES: readonly unknown[] = [
  gridElectricity,
  etsGrid,
  fossilFuels,
  ipccDefaults,
  purchasedHeat,
  liquidDensities,
];

/**
 * Validates factor files and flattens them into one library. Refuses data that would make a
 * selection ambiguous: the same id and version twice, or two different factors claiming the same
 * kind, activity, region and year (which one should a result cite?). Refuses a factor whose
 * content no longer matches its hash: `id@version` must always mean the same numbers, so a
 * correction is a new version, never an edit.
 */
export const parseFactorLibrary = (files: readonly unknown[]): FactorLibrary => {
  const factors = files.flatMap((file, index) => {
    const parsed = factorSchemas().FactorFileSchema.safeParse(file);
    if (!parsed.success)
      throw new FactorDataError(`factor file #${index} is invalid`, describe(parsed.error));
    return parsed.data.factors.map((factor) => ({ ...factor, publisher: parsed.data.publisher }));
  });
  const issues = [
    ...findTamperedFactors(factors),
    ...findDuplicateVersions(factors),
    ...findCompetingFactors(factors),
  ];
  if (issues.length > 0) throw new FactorDataError('factor library is inconsistent', issues);
  return { factors };
};

let shipped: FactorLibrary | undefined;

/** The library built from the shipped data files, validated once per process. */
export const loadFactorLibrary = (): FactorLibrary => {
  shipped ??= parseFactorLibrary(SHIPPED_FACTOR_FILES);
  return shipped;
};

/** Looks up one exact factor version, e.g. to recompute a stored result with what it used. */
export const findFactorVersion = (
  library: FactorLibrary,
  id: string,
  version: number,
): EmissionFactor | undefined => library.factors.find((f) => f.id === id && f.version === version);

const findTamperedFactors = (factors: readonly EmissionFactor[]) =>
  factors
    .filter((factor) => contentHashOf(factor) !== factor.contentHash)
    .map(
      (factor) =>
        `${factor.id}@${factor.version} does not match its content hash ${factor.contentHash} (got ${contentHashOf(factor)}); a correction must be a new version`,
    );

const describe = (error: z.ZodError) =>
  error.issues.map((issue) => `/${issue.path.map(String).join('/')}: ${issue.message}`);

const findDuplicateVersions = (factors: readonly EmissionFactor[]) => {
  const seen = new Set<string>();
  const issues: string[] = [];
  for (const factor of factors) {
    const key = `${factor.id}@${factor.version}`;
    if (seen.has(key)) issues.push(`${key} appears twice`);
    seen.add(key);
  }
  return issues;
};

const findCompetingFactors = (factors: readonly EmissionFactor[]) => {
  const idBySlot = new Map<string, string>();
  const issues: string[] = [];
  for (const factor of factors) {
    const slot = `${factor.kind}|${factor.activityType}|${factor.region}|${factor.year}`;
    const holder = idBySlot.get(slot);
    if (holder !== undefined && holder !== factor.id)
      issues.push(`${factor.id} competes with ${holder} for ${slot}`);
    idBySlot.set(slot, holder ?? factor.id);
  }
  return issues;
};
