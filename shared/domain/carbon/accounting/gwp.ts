import * as z from 'zod';
import ar2 from '../../../data/gwp/ar2.json' with { type: 'json' };
import ar4 from '../../../data/gwp/ar4.json' with { type: 'json' };
import ar5 from '../../../data/gwp/ar5.json' with { type: 'json' };
import ar6 from '../../../data/gwp/ar6.json' with { type: 'json' };
import { lazily } from '../../lazily.ts';
import { contentHashOf } from './content-hash.ts';
import { AccountingError, FactorDataError } from './errors.ts';
import { factorSchemas } from './factor-schema.ts';
import { GWP_SET_IDS, type GwpSetId, isGwpSetId } from './gwp-ids.ts';

export { DEFAULT_GWP_SET, GWP_SET_IDS, type GwpSetId, isGwpSetId } from './gwp-ids.ts';

/** Greenhouse gases the engine accounts for. */
export type Gas = 'CO2' | 'CH4' | 'N2O';
/** AR6 tells fossil methane (whose carbon ends up as extra CO2) from biogenic methane. */
export type MethaneOrigin = 'fossil' | 'non-fossil';
export type GasTonnes = Partial<Record<Gas, number>>;

/** Built on first use, as the sets are parsed (../../lazily.ts). */
const gwpSetSchema = lazily(() =>
  z.object({
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
    verification: factorSchemas().VerificationSchema,
    contentHash: factorSchemas().ContentHashSchema,
  }),
);

export type GwpSet = z.infer<ReturnType<typeof gwpSetSchema>>;

export const parseGwpSet = (data: unknown): GwpSet => {
  const parsed = gwpSetSchema().safeParse(data);
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

const GWP_FILES: Record<GwpSetId, unknown> = { AR2: ar2, AR4: ar4, AR5: ar5, AR6: ar6 };

// Each set is parsed and its hash checked on first use, not at load: a function uses one set, and
// checking all four cost every carbon function's cold start (docs/performance.md, "Cold start").
const parsedSets: Partial<Record<GwpSetId, GwpSet>> = {};
const gwpSet = (id: GwpSetId): GwpSet => {
  parsedSets[id] ??= parseGwpSet(GWP_FILES[id]);
  return parsedSets[id];
};

export const getGwpSet = (id: GwpSetId): GwpSet => {
  if (!isGwpSetId(id)) {
    throw new AccountingError('unknown-method', `unknown GWP set ${String(id)}`, '/gwpSet');
  }
  return gwpSet(id);
};

export const listGwpSets = (): GwpSet[] => GWP_SET_IDS.map(gwpSet);

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
