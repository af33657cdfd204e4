import * as z from 'zod';
import regionsFile from '../../../data/programmes/grid-regions.json' with { type: 'json' };
import { lazily } from '../../lazily.ts';
import { AccountingError, FactorDataError } from './errors.ts';

/**
 * The closed list of grid regions, from data: the nation, the regional grids MEE/NBS publish
 * factors for, and provinces once their provincial values are in the library. Which region lies
 * inside which is data too, so a province can name its regional grid (e.g. CN-GD → CN-SOUTH).
 */

/** Built on first use, as the file is parsed (../../lazily.ts). */
const buildRegionSchemas = () => {
  const GridRegionSchema = z.object({
    code: z.string().regex(/^CN(-[A-Z]+)*$/),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    level: z.enum(['national', 'regional', 'provincial']),
    parent: z.string().optional(),
  });

  const RegionsFileSchema = z.object({
    source: z.string().min(1),
    notes: z.string().optional(),
    regions: z.array(GridRegionSchema).min(1),
  });

  return { GridRegionSchema, RegionsFileSchema };
};
const regionSchemas = lazily(buildRegionSchemas);

export type GridRegion = z.infer<ReturnType<typeof buildRegionSchemas>['GridRegionSchema']>;
export type GridRegionLevel = GridRegion['level'];

/** IPCC defaults and other international factors sit outside every grid. */
export const GLOBAL_REGION = 'GLOBAL';
export const NATIONAL_REGION = 'CN';

export const parseGridRegions = (data: unknown): readonly GridRegion[] => {
  const parsed = regionSchemas().RegionsFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new FactorDataError(
      'grid regions file is invalid',
      parsed.error.issues.map((i) => i.message),
    );
  }
  const codes = new Set(parsed.data.regions.map((r) => r.code));
  const orphans = parsed.data.regions.filter((r) => r.parent !== undefined && !codes.has(r.parent));
  if (orphans.length > 0 || !codes.has(NATIONAL_REGION)) {
    throw new FactorDataError('grid regions are inconsistent', [
      ...orphans.map((r) => `${r.code}: unknown parent ${r.parent}`),
      ...(codes.has(NATIONAL_REGION) ? [] : ['CN is missing']),
    ]);
  }
  return parsed.data.regions;
};

let parsedRegions: readonly GridRegion[] | undefined;

/**
 * The regions, parsed and checked on first use rather than at load: most functions never price a
 * grid (docs/performance.md, "Cold start"). The data file is checked by the tests besides.
 */
export const gridRegions = (): readonly GridRegion[] => {
  parsedRegions ??= parseGridRegions(regionsFile);
  return parsedRegions;
};

/**
 * The codes a meter's `gridRegion` may take, read straight from the file: the registry contract
 * builds its enum from them at load, which must not cost the parse above.
 */
export const GRID_REGION_CODES: readonly string[] = regionsFile.regions.map((r) => r.code);

export const findGridRegion = (code: string, regions = gridRegions()): GridRegion | undefined =>
  regions.find((r) => r.code === code);

/**
 * `CN-SOUTH` → `CN-SOUTH`, `CN`, `GLOBAL`: most specific first, following the parents in the data.
 * An unknown region is refused, never priced at the national factor.
 */
export const regionChain = (code: string, regions = gridRegions()): string[] => {
  if (code === GLOBAL_REGION) return [GLOBAL_REGION];
  const chain: string[] = [];
  let region = findGridRegion(code, regions);
  if (region === undefined) {
    throw new AccountingError(
      'unknown-region',
      `电网区域不在清单内 (grid region ${code} is not one of ${regions.map((r) => r.code).join(', ')})`,
      '/region',
    );
  }
  while (region !== undefined && !chain.includes(region.code)) {
    chain.push(region.code);
    region = region.parent === undefined ? undefined : findGridRegion(region.parent, regions);
  }
  return [...chain, GLOBAL_REGION];
};

/** The region of the given level on the way up from `code` (a province's regional grid), if any. */
export const regionAtLevel = (
  code: string,
  level: GridRegionLevel,
  regions = gridRegions(),
): string | undefined => regionChain(code, regions).find((c) => findGridRegion(c, regions)?.level === level);
