import { FUEL_TYPES, type FuelType } from '../carbon/accounting/accounting-types.ts';
import type { GridProgrammeId } from '../carbon/accounting/grid-programmes.ts';
import type { MeasuredParameter } from '../carbon/accounting/measured-parameters.ts';
import type { CaseCategoryId } from '../cases/case-categories.ts';
import type { Economics } from './economics.ts';

/**
 * The registry's records as the other contexts read them. The registry context owns their storage
 * and endpoints (issue 3); ingest, cases, suggestions and reports only read them through
 * `RegistryReader` (shared/ports/registry-store.ts). Instants are UTC ISO-8601.
 */

interface Versioned {
  /** Optimistic concurrency: every update must name the version it read. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export const ENTERPRISE_STATUSES = ['active', 'suspended', 'closed'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export interface EnterpriseRecord extends Versioned {
  id: string;
  /** Industrial-internet identifier, `prefix/suffix`. */
  handle: string;
  name: string;
  /** Unified social credit code (统一社会信用代码), check character valid per GB 32100. */
  uscc: string;
  /** GB/T 4754-2017 class code, e.g. `C2511`; section/division/group derive from it. */
  industryCode: string;
  address: string;
  location?: GeoPoint;
  status: EnterpriseStatus;
  /** The grid factor programme its electricity is priced with; absent: the deployment's default. */
  factorProgramme?: GridProgrammeId;
  /** Yearly output value and value added in 万元 (economics.ts): the denominators of intensity. */
  economics?: Economics;
}

export interface FacilityRecord extends Versioned {
  id: string;
  /** Industrial-internet identifier; facilities registered before identifiers were allocated lack it. */
  handle?: string;
  enterpriseId: string;
  name: string;
  address?: string;
  location?: GeoPoint;
}

/** The energy types that are not fuels of the GB/T 32150 table. */
const NON_FUEL_ENERGY_TYPES = ['electricity', 'steam-heat', 'process-emission'] as const;

/** What a meter measures: a non-fuel energy type, or a fuel of the GB/T 32150 table by the same name. */
export type EnergyType = (typeof NON_FUEL_ENERGY_TYPES)[number] | FuelType;

/** The eight the platform started with, in their order: enums (OpenAPI, forms) list them first. */
const FIRST_ENERGY_TYPES = [
  'electricity',
  'natural-gas',
  'diesel',
  'gasoline',
  'lpg',
  'raw-coal',
  'steam-heat',
  'process-emission',
] as const satisfies readonly EnergyType[];

/**
 * What a meter measures; each maps to one activity type of the accounting engine. Every fuel of
 * FUEL_TYPES (shared/domain/carbon/accounting/accounting-types.ts) is an energy type of the same name: they
 * follow the first eight in FUEL_TYPES's order, so a fuel added there is an energy type too.
 */
export const ENERGY_TYPES: readonly [EnergyType, ...EnergyType[]] = [
  ...FIRST_ENERGY_TYPES,
  ...FUEL_TYPES.filter((fuel) => !(FIRST_ENERGY_TYPES as readonly string[]).includes(fuel)),
];

/** `interval`: each reading is the quantity since the last one; `cumulative`: a register value. */
export const READING_KINDS = ['interval', 'cumulative'] as const;
export type ReadingKind = (typeof READING_KINDS)[number];

export const METER_STATUSES = ['active', 'retired'] as const;
export type MeterStatus = (typeof METER_STATUSES)[number];

export interface MeterRecord extends Versioned {
  id: string;
  handle: string;
  enterpriseId: string;
  facilityId: string;
  /** Copied from the enterprise when the meter is registered or the enterprise changes: rollups key on it. */
  industryCode: string;
  name: string;
  energyType: EnergyType;
  /** Unit of the readings (kWh, MWh, Nm3, 10^4Nm3, L, t, kg, GJ, tCO2e, kgCO2e …), checked against energyType. */
  unit: string;
  readingKind: ReadingKind;
  /** Cumulative registers: the largest value shown; the register wraps to zero one step later. */
  rolloverValue?: number;
  /**
   * Capacity: the most the meter can plausibly measure in an hour, in its own unit. A reading above
   * it (per hour covered) is quarantined as implausible; without it the meter's recent history sets
   * the limit (shared/domain/carbon/ingest/plausible-limits.ts).
   */
  maxPerHour?: number;
  scope: 1 | 2;
  /** Electricity: the grid region of the supply (factor selection), e.g. `CN-SOUTH`. */
  gridRegion?: string;
  /** Electricity bought as contracted green power (绿电): zero under market-based scope 2. */
  greenPower: boolean;
  /** A meter silent for longer than this raises an offline alert (an account meter: see `source`). */
  expectedIntervalSeconds: number;
  /**
   * `feed`: an account meter, standing for an import account (set when an account is mapped to it,
   * docs/imports.md). It has no device; the offline scan judges it by the feed's monthly cadence.
   */
  source?: 'feed';
  status: MeterStatus;
  /** Fuel meters: measured NCV, carbon content, oxidation rate or density, each with its period. */
  measuredParameters?: MeasuredParameter[];
  /**
   * Never stored: set by the ingest when a feed account of the meter's enterprise and energy type
   * counts instead (docs/imports.md); the meter's readings then reach its own rollups only.
   */
  recordedOnly?: boolean;
}

export interface DepartmentRecord extends Versioned {
  id: string;
  /** zh-CN name, e.g. 区生态环境局. */
  name: string;
  nameEn?: string;
  /** The case categories this unit is responsible for. */
  categories: CaseCategoryId[];
  /** Handles deputies' suggestions (most departments do). */
  handlesSuggestions: boolean;
}
