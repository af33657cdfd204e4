import * as z from 'zod';
import coefficientsFile from '../../../data/energy/gbt-2589-2020-coefficients.json' with { type: 'json' };
import { lazily } from '../../lazily.ts';
import { contentHashOf } from './content-hash.ts';
import { AccountingError, FactorDataError } from './errors.ts';
import { factorSchemas } from './factor-schema.ts';

/**
 * Energy consumption in tonnes of standard coal equivalent (吨标准煤, tce) per GB/T 2589-2020,
 * beside carbon: China's dual-control targets count both. 1 kgce = 29 307.6 kJ, so 1 tce = 29.3076 GJ.
 * A measured NCV gives tce = GJ ÷ 29.3076 (the standard prefers measured values); otherwise the
 * fuel's Appendix A coefficient; a fuel without a single-valued coefficient falls back to the
 * library NCV ÷ 29.3076. The result says which.
 */

export const GJ_PER_TCE = 29.3076;

/** Built on first use, as the file is parsed (../../lazily.ts). */
const buildCoefficientSchemas = () => {
  const CoefficientSchema = z.object({
    activityType: z.string().min(1),
    value: z.number().positive(),
    unit: z.enum(['kgce/kg', 'kgce/m3', 'kgce/kWh', 'kgce/MJ']),
    row: z.string().min(1),
  });

  const CoefficientFileSchema = z.object({
    id: z.string().min(1),
    source: z.string().min(1),
    citation: z.string().min(1),
    notes: z.string().optional(),
    verification: factorSchemas().VerificationSchema,
    coefficients: z.array(CoefficientSchema).min(1),
    contentHash: factorSchemas().ContentHashSchema,
  });

  return { CoefficientSchema, CoefficientFileSchema };
};
const coefficientSchemas = lazily(buildCoefficientSchemas);
type CoefficientSchemas = ReturnType<typeof buildCoefficientSchemas>;

export type TceCoefficient = z.infer<CoefficientSchemas['CoefficientSchema']>;
type CoefficientFile = z.infer<CoefficientSchemas['CoefficientFileSchema']>;

const parseCoefficients = (data: unknown): CoefficientFile => {
  const parsed = coefficientSchemas().CoefficientFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new FactorDataError(
      'GB/T 2589 coefficients are invalid',
      parsed.error.issues.map((i) => i.message),
    );
  }
  if (contentHashOf(parsed.data) !== parsed.data.contentHash) {
    throw new FactorDataError('GB/T 2589 coefficients do not match their content hash', [parsed.data.id]);
  }
  return parsed.data;
};

let coefficients: CoefficientFile | undefined;

// Parsed and hash-checked on first use, not at load: most functions that reach this module never
// convert energy (docs/performance.md, "Cold start").
export const tceCoefficients = (): CoefficientFile => {
  coefficients ??= parseCoefficients(coefficientsFile);
  return coefficients;
};

export type EnergyBasis =
  | 'measured-ncv'
  | 'gbt-2589-coefficient'
  | 'library-ncv'
  | 'electricity-calorific'
  | 'electricity-primary'
  | 'heat-calorific'
  | 'none';

/** How a result's tce was obtained, enough to redo it by hand. */
export interface EnergyUse {
  tce: number;
  basis: EnergyBasis;
  coefficient?: { value: number; unit: string; row: string; source: string; contentHash: string };
}

const coefficientOf = (activityType: string) =>
  tceCoefficients().coefficients.find((c) => c.activityType === activityType);

const cite = (c: TceCoefficient): NonNullable<EnergyUse['coefficient']> => ({
  ...c,
  source: `${tceCoefficients().source}, ${tceCoefficients().citation}`,
  contentHash: tceCoefficients().contentHash,
});

/** Fuel: `amount` is on the NCV basis (t, or 10⁴ Nm³), `energyGj` = amount × NCV used. */
export const fuelTce = (
  activityType: string,
  amount: number,
  basis: 't' | '10^4Nm3',
  energyGj: number,
  ncvMeasured: boolean,
): EnergyUse => {
  if (ncvMeasured) return { tce: energyGj / GJ_PER_TCE, basis: 'measured-ncv' };
  const c = coefficientOf(activityType);
  // kgce/kg = tce/t; kgce/m³ × 10⁴ m³ ÷ 1000 kg/t = 10 tce per (10⁴ Nm³ · kgce/m³)
  if (c?.unit === 'kgce/kg' && basis === 't') {
    return { tce: amount * c.value, basis: 'gbt-2589-coefficient', coefficient: cite(c) };
  }
  if (c?.unit === 'kgce/m3' && basis === '10^4Nm3') {
    return { tce: amount * 10 * c.value, basis: 'gbt-2589-coefficient', coefficient: cite(c) };
  }
  return { tce: energyGj / GJ_PER_TCE, basis: 'library-ncv' };
};

/**
 * Electricity, at its calorific equivalent (当量值, 0.1229 kgce/kWh) by default: the figure GB/T
 * 2589 uses for an enterprise's comprehensive energy consumption. The primary-energy equal value
 * (等价值) depends on the year's coal consumption of power supply, which the caller passes.
 */
export const electricityTce = (mwh: number, primaryKgcePerKwh?: number): EnergyUse => {
  if (primaryKgcePerKwh !== undefined) {
    if (!Number.isFinite(primaryKgcePerKwh) || primaryKgcePerKwh <= 0) {
      throw new AccountingError(
        'invalid-parameter',
        'the 等价值 coefficient must be positive',
        '/electricityPrimaryKgcePerKwh',
      );
    }
    // MWh × 1000 kWh × kgce/kWh ÷ 1000 kg/t = MWh × kgce/kWh tce
    return { tce: mwh * primaryKgcePerKwh, basis: 'electricity-primary' };
  }
  const c = coefficientOf('electricity');
  if (c === undefined) throw new FactorDataError('GB/T 2589 coefficients lack electricity', []);
  return { tce: mwh * c.value, basis: 'electricity-calorific', coefficient: cite(c) };
};

/** Heat at its calorific equivalent: GJ × 1000 MJ × 0.03412 kgce/MJ ÷ 1000 = GJ × 0.03412 tce. */
export const heatTce = (gj: number): EnergyUse => {
  const c = coefficientOf('purchased-heat');
  if (c === undefined) throw new FactorDataError('GB/T 2589 coefficients lack heat', []);
  return { tce: gj * c.value, basis: 'heat-calorific', coefficient: cite(c) };
};

export const NO_ENERGY: EnergyUse = { tce: 0, basis: 'none' };
