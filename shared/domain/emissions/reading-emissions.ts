import { calculateEmissions } from '../carbon/account.ts';
import type { Activity, EmissionResult } from '../carbon/accounting-types.ts';
import { AccountingError } from '../carbon/errors.ts';
import { type FactorLibrary, findFactorVersion } from '../carbon/factors.ts';
import type { GwpSet } from '../carbon/gwp.ts';
import { isFuelEnergyType } from '../registry/energy-types.ts';
import type { MeterRecord } from '../registry/records.ts';
import { quantityToFixed } from './canonical-units.ts';
import { fromFixed, MASS_SCALE, multiplyExact, toFixed } from './fixed-point.ts';
import {
  type Contribution,
  energyFigure,
  gasFigure,
  type LocalPeriods,
  quantityFigure,
  type RollupFigures,
  rollupKeysFor,
  TOTAL_FIGURES,
} from './rollup-model.ts';

/**
 * One meter quantity (an interval reading, or a delta of a cumulative register) → the accounting
 * engine → the flat fixed-point figures a rollup item adds (see rollup-model.ts). Pure.
 *
 * Each figure is rounded to its resolution here, once per quantity, before anything is summed
 * (fixed-point.ts): the same integers are added to the meter, enterprise, industry and city items,
 * so every level's sum is exactly the sum of the level below.
 *
 * Electricity is accounted twice: location-based (co2e, scope2Location, the gas masses) and
 * market-based (co2eMarket, scope2Market), contracted green power (meter.greenPower) at zero.
 * Every other energy type has one figure, the same under both totals.
 */

export type ReadingMeter = Pick<
  MeterRecord,
  'id' | 'enterpriseId' | 'industryCode' | 'energyType' | 'unit' | 'scope' | 'gridRegion' | 'greenPower'
>;

export interface ReadingEmissions {
  /** Integer figures (milligrams; millionths of the canonical unit). */
  figures: RollupFigures;
  /** The location-based CO2e as stored, back in tonnes (for the batch log). */
  co2eT: number;
  /** `factorId@version` of every factor the figures rest on. */
  factorRefs: string[];
  gwpSet: GwpSet['id'];
  location: EmissionResult;
  market?: EmissionResult;
}

const NATIONAL_REGION = 'CN';

/** The engine's activity for a quantity the meter measured in the given data year. */
export const activityOf = (meter: ReadingMeter, quantity: number, year: number): Activity => {
  const unit = meter.unit as never;
  const fuel = isFuelEnergyType(meter.energyType) ? meter.energyType : undefined;
  if (fuel !== undefined) return { type: 'fuel', fuel, quantity, unit, region: NATIONAL_REGION, year };
  switch (meter.energyType) {
    case 'electricity':
      return {
        type: 'electricity',
        quantity,
        unit,
        region: meter.gridRegion ?? NATIONAL_REGION,
        year,
        greenPowerQuantity: meter.greenPower ? quantity : 0,
      };
    case 'steam-heat':
      return { type: 'purchased-heat', quantity, unit, region: NATIONAL_REGION, year };
    case 'process-emission':
      if (meter.unit !== 'tCO2e' && meter.unit !== 'kgCO2e')
        throw new AccountingError(
          'unit-mismatch',
          `a process-emission meter must report tCO2e or kgCO2e, not ${meter.unit}`,
          '/unit',
        );
      return { type: 'process-emission', measured: 'co2e', quantity, unit: meter.unit };
    default:
      throw new AccountingError(
        'unknown-activity',
        `no activity for energy type ${meter.energyType}`,
        '/type',
      );
  }
};

const refsOf = (...results: (EmissionResult | undefined)[]): string[] => [
  ...new Set(results.flatMap((r) => r?.factors.map((f) => `${f.factorId}@${f.factorVersion}`) ?? [])),
];

/**
 * Figures of one quantity. `year` is the local data year of the reading (factor selection falls
 * back to the latest earlier year the library has). Throws AccountingError (unit mismatch, unknown
 * activity, negative quantity, no factor): the caller quarantines the message with its code.
 */
export const readingEmissions = (
  meter: ReadingMeter,
  quantity: number,
  year: number,
  library: FactorLibrary,
  gwpSet: GwpSet,
): ReadingEmissions => {
  const activity = activityOf(meter, quantity, year);
  const location = calculateEmissions(activity, library, { gwpSet, scope2Method: 'location-based' });
  const market =
    activity.type === 'electricity'
      ? calculateEmissions(activity, library, { gwpSet, scope2Method: 'market-based' })
      : undefined;
  const co2e = toFixed(location.co2eTonnes, MASS_SCALE);
  const co2eMarket = market ? toFixed(market.co2eTonnes, MASS_SCALE) : co2e;
  const figures: RollupFigures = {
    [TOTAL_FIGURES.co2e]: co2e,
    [TOTAL_FIGURES.co2eMarket]: co2eMarket,
    [TOTAL_FIGURES.scope1]: location.scope === 1 ? co2e : 0,
    [TOTAL_FIGURES.scope2Location]: location.scope === 2 ? co2e : 0,
    [TOTAL_FIGURES.scope2Market]: location.scope === 2 ? co2eMarket : 0,
    [energyFigure(meter.energyType)]: co2e,
    [quantityFigure(meter.energyType)]: quantityToFixed(
      meter.energyType,
      meter.unit,
      quantity,
      densityOf(location, library),
    ),
  };
  for (const [gas, tonnes] of Object.entries(location.gases))
    figures[gasFigure(gas)] = toFixed(tonnes, MASS_SCALE);
  return {
    figures,
    co2eT: fromFixed(co2e, MASS_SCALE),
    factorRefs: refsOf(location, market),
    gwpSet: gwpSet.id,
    location,
    ...(market ? { market } : {}),
  };
};

/** The density (kg/L) the engine used to turn litres into tonnes, if it used one. */
const densityOf = (result: EmissionResult, library: FactorLibrary): number | undefined => {
  const use = result.factors.find((f) => f.role === 'density');
  const factor = use && findFactorVersion(library, use.factorId, use.factorVersion);
  return factor?.kind === 'fuel-density' ? factor.value : undefined;
};

/** Multiplies every figure by an integer (−1 undoes a delta that a late reading split). */
export const scaleFigures = (figures: RollupFigures, by: number): RollupFigures =>
  Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, multiplyExact(value, by)]));

/** The 12 rollup contributions of figures at the periods of one instant. */
export const contributionsOf = (
  meter: ReadingMeter,
  periods: LocalPeriods,
  figures: RollupFigures,
): Contribution[] => rollupKeysFor(meter, periods).map((key) => ({ key, figures }));
