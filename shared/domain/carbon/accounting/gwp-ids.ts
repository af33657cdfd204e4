/**
 * The names of the GWP sets, without the sets: configuration checks a name against these, and
 * every function reads its configuration, while only accounting needs the parsed data (gwp.ts).
 */

export const GWP_SET_IDS = ['AR2', 'AR4', 'AR5', 'AR6'] as const;
export type GwpSetId = (typeof GWP_SET_IDS)[number];

/**
 * The deployment's default when `QS_GWP_SET` is not set: AR5, the set the Paris Agreement's
 * transparency framework requires for national inventories (decision 18/CMA.1) and so China's
 * reporting from its first biennial transparency report on. The 2013–2015 sector guidelines
 * reproduce AR2 values; a deployment that must match them sets `QS_GWP_SET=AR2`. Under the GB/T
 * method fuel combustion is CO2 only, so the set changes only non-CO2 figures.
 */
export const DEFAULT_GWP_SET: GwpSetId = 'AR5';

export const isGwpSetId = (id: unknown): id is GwpSetId =>
  typeof id === 'string' && (GWP_SET_IDS as readonly string[]).includes(id);
