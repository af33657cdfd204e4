import type { FactorLibrary, Region } from './factors.ts';
import type { GasTonnes, GwpSet, GwpSetId, MethaneOrigin } from './gwp.ts';
import type { FactorSelection } from './select-factor.ts';
import type { ElectricityUnit, FuelUnit, HeatUnit, MassUnit } from './units.ts';

export const FUEL_TYPES = ['natural-gas', 'diesel', 'gasoline', 'lpg', 'raw-coal'] as const;
export type FuelType = (typeof FUEL_TYPES)[number];

/** Where and when the activity happened: drives factor selection. */
interface Located {
  region: Region;
  /** Data year of the activity, e.g. 2023 for fuel burnt in 2023. */
  year: number;
}

export interface FuelActivity extends Located {
  type: 'fuel';
  fuel: FuelType;
  quantity: number;
  unit: FuelUnit;
  /** Measured density (delivery note) for litre quantities; else the library default is used. */
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

export type Scope2Method = 'location-based' | 'market-based';

export interface AccountingOptions {
  gwpSet: GwpSet;
  /** Applies to electricity only. Defaults to location-based. */
  scope2Method?: Scope2Method;
}

export type CalculationMethod =
  | 'fuel-combustion-gbt32150'
  | 'fuel-combustion-ipcc-tier1'
  | Scope2Method
  | 'purchased-heat'
  | 'direct-measurement';

/** One factor a result relied on, with the record of why it was chosen. */
export interface FactorUse {
  role: 'co2' | 'non-co2' | 'density' | 'grid' | 'residual-mix' | 'heat';
  factorId: string;
  factorVersion: number;
  source: string;
  citation: string;
  selection: FactorSelection;
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
  method: CalculationMethod;
  co2eTonnes: number;
  /** Mass of each gas emitted, in tonnes; gases without a factor are absent, not zero. */
  gases: GasTonnes;
  gwpSet: GwpSetId;
  methaneOrigin?: MethaneOrigin;
  input: { quantity: number; unit: string };
  /** Every factor used; the first is the primary one (empty for direct measurement). */
  factors: FactorUse[];
  steps: CalculationStep[];
  marketBased?: MarketBasedDetail;
}

export type Accountant<A> = (
  activity: A,
  library: FactorLibrary,
  options: AccountingOptions,
) => EmissionResult;
