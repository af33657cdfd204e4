/**
 * The names of the factor programmes, without the programmes file: configuration and contracts check
 * a name against these without parsing the data at load (grid-programmes.ts does).
 */

export const GRID_PROGRAMME_IDS = [
  'mee-nbs-national',
  'mee-nbs-regional',
  'mee-nbs-provincial',
  'mee-ets-power',
  'mee-nbs-residual-mix',
] as const;
export type GridProgrammeId = (typeof GRID_PROGRAMME_IDS)[number];

/** Matches the behaviour before programmes existed: the meter's regional grid, national fallback. */
export const DEFAULT_GRID_PROGRAMME: GridProgrammeId = 'mee-nbs-regional';

export const isGridProgrammeId = (id: unknown): id is GridProgrammeId =>
  typeof id === 'string' && (GRID_PROGRAMME_IDS as readonly string[]).includes(id);
