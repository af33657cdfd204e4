import { z } from 'zod';
import programmesFile from '../../../data/programmes/grid-programmes.json' with { type: 'json' };
import { AccountingError, FactorDataError } from './errors.ts';

/**
 * Factor programmes (因子口径): which published grid factor prices a MWh depends on what the figure
 * is for. An enterprise (or the deployment) chooses one; every electricity result names it.
 */

export const GRID_PROGRAMME_IDS = [
  'mee-nbs-national',
  'mee-nbs-regional',
  'mee-nbs-provincial',
  'mee-ets-power',
  'mee-nbs-residual-mix',
] as const;
export type GridProgrammeId = (typeof GRID_PROGRAMME_IDS)[number];

const ProgrammeSchema = z.object({
  id: z.enum(GRID_PROGRAMME_IDS),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  purpose: z.string().min(1),
  /** The factor kind the programme prices with. */
  factorKind: z.enum(['grid-average', 'grid-ets', 'grid-residual']),
  /** The region the factor is looked up at: the nation, the meter's regional grid, or its province. */
  regionLevel: z.enum(['national', 'regional', 'provincial']),
  /** Market-based programmes price contracted green power at zero. */
  basis: z.enum(['location-based', 'market-based']),
  source: z.string().min(1),
});

export type GridProgramme = z.infer<typeof ProgrammeSchema>;

const parseProgrammes = (data: unknown): readonly GridProgramme[] => {
  const parsed = z.object({ programmes: z.array(ProgrammeSchema) }).safeParse(data);
  if (!parsed.success) {
    throw new FactorDataError(
      'grid programmes file is invalid',
      parsed.error.issues.map((i) => i.message),
    );
  }
  const missing = GRID_PROGRAMME_IDS.filter((id) => !parsed.data.programmes.some((p) => p.id === id));
  if (missing.length > 0) throw new FactorDataError('grid programmes are missing', missing);
  return parsed.data.programmes;
};

export const GRID_PROGRAMMES: readonly GridProgramme[] = parseProgrammes(programmesFile);

/** Matches the behaviour before programmes existed: the meter's regional grid, national fallback. */
export const DEFAULT_GRID_PROGRAMME: GridProgrammeId = 'mee-nbs-regional';

export const isGridProgrammeId = (id: unknown): id is GridProgrammeId =>
  typeof id === 'string' && (GRID_PROGRAMME_IDS as readonly string[]).includes(id);

export const getGridProgramme = (id: GridProgrammeId): GridProgramme => {
  const programme = GRID_PROGRAMMES.find((p) => p.id === id);
  if (programme === undefined) {
    throw new AccountingError('unknown-programme', `unknown factor programme ${String(id)}`, '/programme');
  }
  return programme;
};
