import type { MeterRecord } from '../../registry/records.ts';
import { accountActivity } from '../accounting/account.ts';
import type { EmissionResult } from '../accounting/accounting-types.ts';
import type { FactorLibrary } from '../accounting/factors.ts';
import type { GwpSetId } from '../accounting/gwp.ts';
import type { UsedMeasuredParameter } from '../accounting/measured-parameters.ts';
import { quantityToFixed } from './canonical-units.ts';
import { fromFixed, MASS_SCALE, multiplyExact, toFixed } from './fixed-point.ts';
import {
  type ActivityMeter,
  activityOf,
  type MeterAccounting,
  type ReadingDate,
} from './meter-accounting.ts';
import {
  type Contribution,
  energyFigure,
  gasFigure,
  type LocalPeriods,
  quantityFigure,
  type RollupFigures,
  rollupKeysFor,
  TCE_FIGURE,
  TOTAL_FIGURES,
  tceFigure,
} from './rollup-model.ts';

export type { ReadingDate } from './meter-accounting.ts';
export { activityOf } from './meter-accounting.ts';

/**
 * One meter quantity (an interval reading, or a delta of a cumulative register) → the accounting
 * engine (`accountActivity`) → the flat fixed-point figures a rollup item adds (rollup-model.ts).
 * Pure.
 *
 * Each figure is rounded to its resolution here, once per quantity, before anything is summed
 * (fixed-point.ts): the same integers are added to the meter, enterprise, industry and city items,
 * so every level's sum is exactly the sum of the level below.
 *
 * The accounting (method, programmes, GWP set: meter-accounting.ts) is decided per meter by the
 * caller. Electricity is accounted twice: location-based (co2e, scope2Location, the gas masses) and
 * market-based (co2eMarket, scope2Market). Energy in tce is the same under both.
 */

export type ReadingMeter = Pick<MeterRecord, 'id' | 'enterpriseId' | 'industryCode' | 'scope'> &
  ActivityMeter;

export interface ReadingEmissions {
  /** Integer figures (milligrams; millionths of the canonical unit). */
  figures: RollupFigures;
  /** The location-based CO2e as stored, back in tonnes (for the batch log). */
  co2eT: number;
  /** The energy consumption as stored, back in tce. */
  tce: number;
  /** `id@version#sha256:…` of every factor the figures rest on. */
  factorRefs: string[];
  gwpSet: GwpSetId;
  /** Measured parameters that replaced library defaults. */
  measuredParameters: UsedMeasuredParameter[];
  location: EmissionResult;
  market?: EmissionResult;
}

const refsOf = (...results: (EmissionResult | undefined)[]): string[] => [
  ...new Set(results.flatMap((r) => r?.factorRefs ?? [])),
];

/**
 * Figures of one quantity measured on a local day (factor selection falls back to the latest
 * earlier year the library has; measured parameters apply when the day lies in their period).
 * Throws AccountingError (unit mismatch, unknown activity or region, no factor, a bad measured
 * parameter): the caller quarantines the message with its code.
 */
export const readingEmissions = (
  meter: ActivityMeter,
  quantity: number,
  when: ReadingDate,
  library: FactorLibrary,
  accounting: MeterAccounting,
): ReadingEmissions => {
  const activity = activityOf(meter, quantity, when);
  const location = accountActivity(activity, library, accounting.location);
  const market =
    activity.type === 'electricity' && accounting.market
      ? accountActivity(activity, library, accounting.market)
      : undefined;
  const co2e = toFixed(location.co2eTonnes, MASS_SCALE);
  const co2eMarket = market ? toFixed(market.co2eTonnes, MASS_SCALE) : co2e;
  const tce = toFixed(location.energyTce, MASS_SCALE);
  const figures: RollupFigures = {
    [TOTAL_FIGURES.co2e]: co2e,
    [TOTAL_FIGURES.co2eMarket]: co2eMarket,
    [TOTAL_FIGURES.scope1]: location.scope === 1 ? co2e : 0,
    [TOTAL_FIGURES.scope2Location]: location.scope === 2 ? co2e : 0,
    [TOTAL_FIGURES.scope2Market]: location.scope === 2 ? co2eMarket : 0,
    [energyFigure(meter.energyType)]: co2e,
    [TCE_FIGURE]: tce,
    [tceFigure(meter.energyType)]: tce,
    [quantityFigure(meter.energyType)]: quantityToFixed(
      meter.energyType,
      meter.unit,
      quantity,
      densityOf(location),
    ),
  };
  for (const [gas, tonnes] of Object.entries(location.gases))
    figures[gasFigure(gas)] = toFixed(tonnes, MASS_SCALE);
  return {
    figures,
    co2eT: fromFixed(co2e, MASS_SCALE),
    tce: fromFixed(tce, MASS_SCALE),
    factorRefs: refsOf(location, market),
    gwpSet: location.gwpSet,
    measuredParameters: location.measuredParameters,
    location,
    ...(market ? { market } : {}),
  };
};

/** The density (kg/L) the engine used to turn litres into tonnes, if it used one. */
const densityOf = (result: EmissionResult): number | undefined => {
  const measured = result.measuredParameters.find((p) => p.parameter === 'density');
  if (measured) return measured.engineValue;
  const record = result.factors.find((f) => f.role === 'density')?.record;
  return record?.kind === 'fuel-density' ? record.value : undefined;
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
