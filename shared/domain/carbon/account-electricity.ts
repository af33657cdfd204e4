import type {
  Accountant,
  CalculationStep,
  ElectricityActivity,
  MarketBasedDetail,
} from './accounting-types.ts';
import { AccountingError } from './errors.ts';
import type { FactorLibrary, FactorOfKind } from './factors.ts';
import { assertQuantity, assertUnit, describeUse } from './guards.ts';
import { toCo2eTonnes } from './gwp.ts';
import { type FactorSelection, selectFactor, trySelectFactor } from './select-factor.ts';
import { isElectricityUnit, toMegawattHours } from './units.ts';

interface GridFactor {
  factor: FactorOfKind<'grid-average'> | FactorOfKind<'grid-residual'>;
  selection: FactorSelection;
}

/**
 * Purchased electricity, scope 2. The published factors are in kgCO2/kWh, which equals tCO2/MWh,
 * so tonnes = MWh × factor. Location-based prices every MWh at the regional grid average;
 * market-based prices contracted green power at zero and the rest at the residual mix where one is
 * published (MEE/NBS: national factor excluding market-traded non-fossil power), else at the grid
 * average, and records which.
 */
export const accountElectricity: Accountant<ElectricityActivity> = (activity, library, options) => {
  const quantity = assertQuantity(activity.quantity, '/quantity');
  const unit = assertUnit(activity.unit, isElectricityUnit, 'electricity');
  const method = options.scope2Method ?? 'location-based';
  const mwh = toMegawattHours(quantity, unit);
  const where = { activityType: 'electricity', region: activity.region, year: activity.year };
  const grid = selectFactor(library, { ...where, kinds: ['grid-average'] });
  const steps: CalculationStep[] = [
    { label: 'electricity consumed', value: quantity, unit },
    { label: 'electricity consumed', value: mwh, unit: 'MWh' },
  ];
  const priced =
    method === 'location-based'
      ? { factor: grid, mwh, role: 'grid' as const, detail: undefined }
      : priceMarketBased(activity, library, grid, mwh, steps);
  const co2 = priced.mwh * priced.factor.factor.value;
  steps.push(
    { label: 'emission factor', value: priced.factor.factor.value, unit: 'tCO2/MWh' },
    { label: 'CO2 (MWh × factor)', value: co2, unit: 't' },
  );
  return {
    activityType: 'electricity',
    scope: 2,
    method,
    co2eTonnes: toCo2eTonnes({ CO2: co2 }, options.gwpSet),
    gases: { CO2: co2 },
    gwpSet: options.gwpSet.id,
    input: { quantity, unit },
    factors: [describeUse(priced.role, priced.factor)],
    steps,
    ...(priced.detail ? { marketBased: priced.detail } : {}),
  };
};

const priceMarketBased = (
  activity: ElectricityActivity,
  library: FactorLibrary,
  grid: GridFactor,
  mwh: number,
  steps: CalculationStep[],
) => {
  const green = assertQuantity(activity.greenPowerQuantity ?? 0, '/greenPowerQuantity');
  if (green > activity.quantity) {
    throw new AccountingError(
      'invalid-quantity',
      'green power exceeds total consumption',
      '/greenPowerQuantity',
    );
  }
  const greenMwh = toMegawattHours(green, activity.unit);
  const residualMwh = mwh - greenMwh;
  steps.push(
    { label: 'contracted green power (factor 0)', value: greenMwh, unit: 'MWh' },
    { label: 'remaining electricity', value: residualMwh, unit: 'MWh' },
  );
  const where = { activityType: 'electricity', region: activity.region, year: activity.year };
  const residual = trySelectFactor(library, { ...where, kinds: ['grid-residual'] });
  const factor: GridFactor = residual ?? grid;
  const detail: MarketBasedDetail = {
    greenPowerMwh: greenMwh,
    residualMwh,
    residualBasis: residual ? 'grid-residual' : 'grid-average',
  };
  return { factor, mwh: residualMwh, role: residual ? ('residual-mix' as const) : ('grid' as const), detail };
};
