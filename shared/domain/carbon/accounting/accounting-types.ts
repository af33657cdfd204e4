import type { EnergyUse } from './energy-tce.ts';
import type { EmissionFactor, FactorLibrary, Region } from './factors.ts';
import type { GridProgrammeId } from './grid-programmes.ts';
import type { GasTonnes, GwpSet, GwpSetId, MethaneOrigin } from './gwp.ts';
import type { MeasuredParameter, UsedMeasuredParameter } from './measured-parameters.ts';
import type { AccountingMethodId } from './methods.ts';
import type { FactorSelection } from './select-factor.ts';
import type { ElectricityUnit, FuelUnit, HeatUnit, MassUnit } from './units.ts';

/** The fuels of GB/T 32150-2015 Table B.1 the library carries, plus raw coal (原煤). */
export const FUEL_TYPES = [
  'natural-gas',
  'diesel',
  'gasoline',
  'lpg',
  'raw-coal',
  'anthracite',
  'bituminous-coal',
  'lignite',
  'washed-coal',
  'other-washed-coal',
  'briquette',
  'coke',
  'crude-oil',
  'fuel-oil',
  'kerosene',
  'lng',
  'naphtha',
  'coal-tar',
  'crude-benzene',
  'other-petroleum-products',
  'refinery-gas',
  'coke-oven-gas',
  'blast-furnace-gas',
  'converter-gas',
  'other-coal-gas',
] as const;
export type FuelType = (typeof FUEL_TYPES)[number];

/** Where and when the activity happened: drives factor selection. */
interface Located {
  region: Region;
  /** Data year of the activity, e.g. 2023 for fuel burnt in 2023. */
  year: number;
  /** Local day of the activity (YYYY-MM-DD): picks the measured parameters valid then. */
  date?: string;
}

export interface FuelActivity extends Located {
  type: 'fuel';
  fuel: FuelType;
  quantity: number;
  unit: FuelUnit;
  /** Measured NCV, carbon content, oxidation rate or density of the meter or delivery (实测). */
  measuredParameters?: MeasuredParameter[];
  /** @deprecated a measured density without a validity period; use `measuredParameters`. */
  densityKgPerLitre?: number;
}

export interface ElectricityActivity extends Located {
  type: 'electricity';
  /** Total electricity consumed, green power included. */
  quantity: number;
  unit: ElectricityUnit;
  /** Contracted green power (绿电交易) within `quantity`, same unit; counts as zero market-based. */
  greenPowerQuantity?: number;
}

export interface PurchasedHeatActivity extends Located {
  type: 'purchased-heat';
  quantity: number;
  unit: HeatUnit;
}

/** A process-emission sensor that reports each gas's mass. */
export interface MeasuredGasesActivity {
  type: 'process-emission';
  measured: 'per-gas';
  gases: GasTonnes;
  unit: MassUnit;
  /** Origin of any measured CH4; matters under AR6. Defaults to fossil. */
  methaneOrigin?: MethaneOrigin;
}

/** A process-emission sensor that already reports CO2-equivalent. */
export interface MeasuredCo2eActivity {
  type: 'process-emission';
  measured: 'co2e';
  quantity: number;
  unit: 'tCO2e' | 'kgCO2e';
}

export type Activity =
  | FuelActivity
  | ElectricityActivity
  | PurchasedHeatActivity
  | MeasuredGasesActivity
  | MeasuredCo2eActivity;

export type Scope2Basis = 'location-based' | 'market-based';
/** @deprecated the legacy name of `Scope2Basis`. */
export type Scope2Method = Scope2Basis;

/** What a calculation is for: every choice a figure depends on, named and passed in. */
export interface AccountingContext {
  method: AccountingMethodId;
  /** The grid factor programme for electricity. */
  programme: GridProgrammeId;
  gwpSet: GwpSet;
  /** 等价值 of electricity (kgce/kWh) when energy is to be counted that way; default 当量值. */
  electricityPrimaryKgcePerKwh?: number;
}

/** @deprecated options of `calculateEmissions`; see account.ts for how they map to a context. */
export interface AccountingOptions {
  gwpSet: GwpSet;
  /** Applies to electricity only. Defaults to location-based. */
  scope2Method?: Scope2Basis;
}

export type CalculationKind =
  | 'fuel-combustion'
  | 'purchased-electricity'
  | 'purchased-heat'
  | 'direct-measurement';

/** One factor a result relied on, with the record of why it was chosen and the record itself. */
export interface FactorUse {
  role: 'co2' | 'non-co2' | 'density' | 'grid' | 'residual-mix' | 'heat';
  factorId: string;
  factorVersion: number;
  contentHash: string;
  /** `id@version#sha256:…` */
  ref: string;
  source: string;
  citation: string;
  verification: 'verified' | 'unverified';
  selection: FactorSelection;
  /** The factor exactly as used (the library may hold later versions by the time anyone looks). */
  record: EmissionFactor;
}

/** An intermediate figure, in calculation order, so a reader can redo the sum by hand. */
export interface CalculationStep {
  label: string;
  value: number;
  unit: string;
}

export interface MarketBasedDetail {
  greenPowerMwh: number;
  residualMwh: number;
  /** Which factor priced the non-green part: the published residual mix, or the grid average. */
  residualBasis: 'grid-residual' | 'grid-average';
}

export interface EmissionResult {
  /** `fuel:diesel`, `electricity`, `purchased-heat`, `process-emission`. */
  activityType: string;
  scope: 1 | 2;
  /** The accounting method: GB/T (combustion CO2 only) or IPCC 2006 (all gases). */
  method: AccountingMethodId;
  calculation: CalculationKind;
  /** The grid factor programme; null when no grid factor is involved. */
  programme: GridProgrammeId | null;
  scope2Basis?: Scope2Basis;
  co2eTonnes: number;
  /** Mass of each gas emitted, in tonnes; gases the method does not count are absent, not zero. */
  gases: GasTonnes;
  gwpSet: GwpSetId;
  methaneOrigin?: MethaneOrigin;
  input: { quantity: number; unit: string };
  /** Energy consumption in tonnes of standard coal equivalent (0 for process emissions). */
  energyTce: number;
  energy: EnergyUse;
  /** Every factor used; the first is the primary one (empty for direct measurement). */
  factors: FactorUse[];
  /** `id@version#sha256:…` of every factor used. */
  factorRefs: string[];
  /** Measured parameters that replaced library defaults. */
  measuredParameters: UsedMeasuredParameter[];
  steps: CalculationStep[];
  marketBased?: MarketBasedDetail;
}

export type Accountant<A> = (
  activity: A,
  library: FactorLibrary,
  context: AccountingContext,
) => EmissionResult;
