import * as z from 'zod';
import programmesFile from '../../../data/programmes/grid-programmes.json' with { type: 'json' };
import { lazily } from '../../lazily.ts';
import { AccountingError, FactorDataError } from './errors.ts';
import { GRID_PROGRAMME_IDS, type GridProgrammeId } from './grid-programme-ids.ts';

export {
  DEFAULT_GRID_PROGRAMME,
  GRID_PROGRAMME_IDS,
  type GridProgrammeId,
  isGridProgrammeId,
} from './grid-programme-ids.ts';

/**
 * Factor programmes (因子口径): which published grid factor prices a MWh depends on what the figure
 * is for. An enterprise (or the deployment) chooses one; every electricity result names it.
 */

/** Built on first use, as the file is parsed (../../lazily.ts). */
const programmeSchema = lazily(() =>
  z.object({
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
  }),
);

export type GridProgramme = z.infer<ReturnType<typeof programmeSchema>>;

const parseProgrammes = (data: unknown): readonly GridProgramme[] => {
  const parsed = z.object({ programmes: z.array(programmeSchema()) }).safeParse(data);
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

let parsedProgrammes: readonly GridProgramme[] | undefined;

/** The programmes, parsed and checked on first use rather than at load (docs/performance.md). */
export const gridProgrammes = (): readonly GridProgramme[] => {
  parsedProgrammes ??= parseProgrammes(programmesFile);
  return parsedProgrammes;
};

export const getGridProgramme = (id: GridProgrammeId): GridProgramme => {
  const programme = gridProgrammes().find((p) => p.id === id);
  if (programme === undefined) {
    throw new AccountingError('unknown-programme', `unknown factor programme ${String(id)}`, '/programme');
  }
  return programme;
};
