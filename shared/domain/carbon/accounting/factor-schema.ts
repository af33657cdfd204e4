import * as z from 'zod';
import { lazily } from '../../lazily.ts';

/**
 * Shape of the factor-library data files in `shared/data/factors/`. Each file carries its
 * publisher once; every factor names its source document, the table it comes from, its data
 * year and its region, so a stored result can cite exactly what it used.
 */

const buildFactorSchemas = () => {
  /**
   * `GLOBAL` (IPCC defaults), `CN` (national), `CN-SOUTH` (a regional grid) and so on. Which codes
   * exist, and which region lies inside which, is data (shared/data/programmes/grid-regions.json).
   */
  const RegionSchema = z.string().regex(/^(GLOBAL|CN(-[A-Z]+)*)$/, 'region like CN or CN-SOUTH');

  /**
   * Whether a value was checked against the published text. Values taken from reproductions of a
   * table are `unverified` until someone reads the source itself; the note says what was compared.
   */
  const VerificationSchema = z.object({
    status: z.enum(['verified', 'unverified']),
    note: z.string().min(1),
  });

  /** `sha256:<64 hex>` of the record's canonical JSON (content-hash.ts). */
  const ContentHashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex digits>');

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
    verification: VerificationSchema,
    /** Checked when the library loads: a changed number with an unchanged version fails loudly. */
    contentHash: ContentHashSchema,
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

  /**
   * The grid factor MEE fixes for enterprise reporting under the national ETS (0.5703 tCO2/MWh):
   * an administrative figure, not the statistical average of any year.
   */
  const GridEtsSchema = z.object({
    ...FactorBase,
    kind: z.literal('grid-ets'),
    unit: z.literal('kgCO2/kWh'),
    value: z.number().nonnegative(),
  });

  /** IPCC Tier-1 CH4 and N2O per TJ for a fuel whose CO2 comes from national parameters. */
  const FuelNonCo2Schema = z.object({
    ...FactorBase,
    kind: z.literal('fuel-non-co2'),
    emissionFactors: z.object({
      unit: z.literal('kg/TJ'),
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

  const EmissionFactorSchema = z.discriminatedUnion('kind', [
    GridAverageSchema,
    GridResidualSchema,
    GridEtsSchema,
    FuelCarbonSchema,
    FuelDefaultSchema,
    FuelNonCo2Schema,
    HeatSchema,
    FuelDensitySchema,
  ]);

  /**
   * A factor file: the publisher sits on the file, not on each factor. A factor's content hash covers
   * the record with its publisher, i.e. exactly the library record a result cites.
   */
  const FactorFileSchema = z.object({
    publisher: z.string().min(1),
    factors: z.array(EmissionFactorSchema).min(1),
  });

  return { RegionSchema, VerificationSchema, ContentHashSchema, EmissionFactorSchema, FactorFileSchema };
};

/** The schemas, built on first use (../../lazily.ts): the data are parsed on first use too. */
export const factorSchemas = lazily(buildFactorSchemas);
type FactorSchemas = ReturnType<typeof buildFactorSchemas>;

export type Region = z.infer<FactorSchemas['RegionSchema']>;
export type EmissionFactor = z.infer<FactorSchemas['EmissionFactorSchema']> & { publisher: string };
export type FactorKind = EmissionFactor['kind'];
export type FactorOfKind<K extends FactorKind> = Extract<EmissionFactor, { kind: K }>;
