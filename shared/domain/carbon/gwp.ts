import { z } from 'zod';
import ar5 from '../../data/gwp/ar5.json' with { type: 'json' };
import ar6 from '../../data/gwp/ar6.json' with { type: 'json' };
import { FactorDataError } from './errors.ts';

/** Greenhouse gases the engine accounts for. */
export type Gas = 'CO2' | 'CH4' | 'N2O';
/** AR6 tells fossil methane (whose carbon ends up as extra CO2) from biogenic methane. */
export type MethaneOrigin = 'fossil' | 'non-fossil';
export type GasTonnes = Partial<Record<Gas, number>>;

const GwpSetSchema = z.object({
  id: z.enum(['AR5', 'AR6']),
  horizonYears: z.literal(100),
  source: z.string().min(1),
  citation: z.string().min(1),
  gwp: z.object({
    CO2: z.literal(1),
    'CH4-fossil': z.number().positive(),
    'CH4-non-fossil': z.number().positive(),
    N2O: z.number().positive(),
  }),
});

export type GwpSet = z.infer<typeof GwpSetSchema>;
export type GwpSetId = GwpSet['id'];

const parseGwpSet = (data: unknown): GwpSet => {
  const parsed = GwpSetSchema.safeParse(data);
  if (!parsed.success)
    throw new FactorDataError(
      'GWP set is invalid',
      parsed.error.issues.map((i) => i.message),
    );
  return parsed.data;
};

const GWP_SETS: Record<GwpSetId, GwpSet> = { AR5: parseGwpSet(ar5), AR6: parseGwpSet(ar6) };

export const getGwpSet = (id: GwpSetId): GwpSet => GWP_SETS[id];

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
