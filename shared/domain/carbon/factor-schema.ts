import { z } from 'zod';

/**
 * Shape of the factor-library data files in `shared/data/factors/`. Each file carries its
 * publisher once; every factor names its source document, the table it comes from, its data
 * year and its region, so a stored result can cite exactly what it used.
 */

/** `GLOBAL` (IPCC defaults), `CN` (national), `CN-SOUTH` (a regional grid), deeper levels by `-`. */
export const RegionSchema = z.string().regex(/^(GLOBAL|CN(-[A-Z]+)*)$/, 'region like CN or CN-SOUTH');

const QuantityOf = <U extends string>(unit: U) =>
  z.object({ value: z.number().positive(), unit: z.literal(unit) });

const FactorBase = {
  id: z.string().min(1),
  version: z.number().int().positive(),
  activityType: z.string().min(1),
  /** Title of the publishing document. */
  source: z.string().min(1),
  /** Where in the document: appendix, table, row. */
  citation: z.string().min(1),
  notes: z.string().optional(),
  /** Data year the factor describes (for standards: the year of the standard). */
  year: z.number().int().min(1990).max(2100),
  region: RegionSchema,
};

/** Grid average CO2 per kWh consumed (location-based scope 2). */
const GridAverageSchema = z.object({
  ...FactorBase,
  kind: z.literal('grid-average'),
  unit: z.literal('kgCO2/kWh'),
  value: z.number().nonnegative(),
});

/** Grid factor without market-traded non-fossil power: the residual mix for market-based scope 2. */
const GridResidualSchema = z.object({
  ...FactorBase,
  kind: z.literal('grid-residual'),
  unit: z.literal('kgCO2/kWh'),
  value: z.number().nonnegative(),
});

/** GB/T 32150 style parameters: E = FC × NCV × CC × OF × 44/12. */
const FuelCarbonSchema = z.object({
  ...FactorBase,
  kind: z.literal('fuel-carbon'),
  ncv: z.object({ value: z.number().positive(), unit: z.enum(['GJ/t', 'GJ/10^4Nm3']) }),
  carbonContent: QuantityOf('tC/TJ'),
  oxidationRate: z.object({ value: z.number().gt(0).max(1), unit: z.literal('fraction') }),
});

/** IPCC Tier-1 default emission factors per gas on an energy basis, with a default NCV. */
const FuelDefaultSchema = z.object({
  ...FactorBase,
  kind: z.literal('fuel-default'),
  ncv: QuantityOf('GJ/t'),
  emissionFactors: z.object({
    unit: z.literal('kg/TJ'),
    CO2: z.number().nonnegative(),
    CH4: z.number().nonnegative(),
    N2O: z.number().nonnegative(),
  }),
});

const HeatSchema = z.object({
  ...FactorBase,
  kind: z.literal('heat'),
  unit: z.literal('tCO2/GJ'),
  value: z.number().nonnegative(),
});

/** Density used to turn litres of a liquid fuel into tonnes. */
const FuelDensitySchema = z.object({
  ...FactorBase,
  kind: z.literal('fuel-density'),
  unit: z.literal('kg/L'),
  value: z.number().positive(),
});

export const EmissionFactorSchema = z.discriminatedUnion('kind', [
  GridAverageSchema,
  GridResidualSchema,
  FuelCarbonSchema,
  FuelDefaultSchema,
  HeatSchema,
  FuelDensitySchema,
]);

/** A factor as written in a data file: the publisher sits on the file, not on each factor. */
export const FactorFileSchema = z.object({
  publisher: z.string().min(1),
  factors: z.array(EmissionFactorSchema).min(1),
});

export type Region = z.infer<typeof RegionSchema>;
export type EmissionFactor = z.infer<typeof EmissionFactorSchema> & { publisher: string };
export type FactorKind = EmissionFactor['kind'];
export type FactorOfKind<K extends FactorKind> = Extract<EmissionFactor, { kind: K }>;
