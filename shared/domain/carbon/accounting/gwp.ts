import { z } from 'zod';
import ar2 from '../../../data/gwp/ar2.json' with { type: 'json' };
import ar4 from '../../../data/gwp/ar4.json' with { type: 'json' };
import ar5 from '../../../data/gwp/ar5.json' with { type: 'json' };
import ar6 from '../../../data/gwp/ar6.json' with { type: 'json' };
import { contentHashOf } from './content-hash.ts';
import { AccountingError, FactorDataError } from './errors.ts';
import { ContentHashSchema, VerificationSchema } from './factor-schema.ts';

/** Greenhouse gases the engine accounts for. */
export type Gas = 'CO2' | 'CH4' | 'N2O';
/** AR6 tells fossil methane (whose carbon ends up as extra CO2) from biogenic methane. */
export type MethaneOrigin = 'fossil' | 'non-fossil';
export type GasTonnes = Partial<Record<Gas, number>>;

export const GWP_SET_IDS = ['AR2', 'AR4', 'AR5', 'AR6'] as const;

const GwpSetSchema = z.object({
  id: z.enum(GWP_SET_IDS),
  horizonYears: z.literal(100),
  source: z.string().min(1),
  citation: z.string().min(1),
  gwp: z.object({
    CO2: z.literal(1),
    'CH4-fossil': z.number().positive(),
    'CH4-non-fossil': z.number().positive(),
    N2O: z.number().positive(),
  }),
  verification: VerificationSchema,
  contentHash: ContentHashSchema,
});

export type GwpSet = z.infer<typeof GwpSetSchema>;
export type GwpSetId = GwpSet['id'];

/**
 * The deployment's default when `QS_GWP_SET` is not set: AR5, the set the Paris Agreement's
 * transparency framework requires for national inventories (decision 18/CMA.1) and so China's
 * reporting from its first biennial transparency report on. The 2013–2015 sector guidelines
 * reproduce AR2 values; a deployment that must match them sets `QS_GWP_SET=AR2`. Under the GB/T
 * method fuel combustion is CO2 only, so the set changes only non-CO2 figures.
 */
export const DEFAULT_GWP_SET: GwpSetId = 'AR5';

export const parseGwpSet = (data: unknown): GwpSet => {
  const parsed = GwpSetSchema.safeParse(data);
  if (!parsed.success)
    throw new FactorDataError(
      'GWP set is invalid',
      parsed.error.issues.map((i) => i.message),
    );
  if (contentHashOf(parsed.data) !== parsed.data.contentHash) {
    throw new FactorDataError(`GWP set ${parsed.data.id} does not match its content hash`, [
      'a corrected set needs a new id',
    ]);
  }
  return parsed.data;
};

const GWP_SETS: Record<GwpSetId, GwpSet> = {
  AR2: parseGwpSet(ar2),
  AR4: parseGwpSet(ar4),
  AR5: parseGwpSet(ar5),
  AR6: parseGwpSet(ar6),
};

export const isGwpSetId = (id: unknown): id is GwpSetId =>
  typeof id === 'string' && (GWP_SET_IDS as readonly string[]).includes(id);

export const getGwpSet = (id: GwpSetId): GwpSet => {
  if (!isGwpSetId(id)) {
    throw new AccountingError('unknown-method', `unknown GWP set ${String(id)}`, '/gwpSet');
  }
  return GWP_SETS[id];
};

export const listGwpSets = (): GwpSet[] => GWP_SET_IDS.map((id) => GWP_SETS[id]);

/** The GWP100 of one gas in a set; methane needs its origin. */
export const gwpOf = (set: GwpSet, gas: Gas, methaneOrigin: MethaneOrigin = 'fossil'): number =>
  gas === 'CH4' ? set.gwp[`CH4-${methaneOrigin}`] : set.gwp[gas];

/** Σ tonnes(gas) × GWP(gas): tonnes CO2-equivalent. */
export const toCo2eTonnes = (
  gases: GasTonnes,
  set: GwpSet,
  methaneOrigin: MethaneOrigin = 'fossil',
): number =>
  (Object.entries(gases) as [Gas, number][]).reduce(
    (sum, [gas, tonnes]) => sum + tonnes * gwpOf(set, gas, methaneOrigin),
    0,
  );
