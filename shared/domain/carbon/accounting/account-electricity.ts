import type {
  Accountant,
  CalculationStep,
  ElectricityActivity,
  FactorUse,
  MarketBasedDetail,
} from './accounting-types.ts';
import { electricityTce } from './energy-tce.ts';
import { AccountingError } from './errors.ts';
import type { FactorLibrary } from './factors.ts';
import { type GridProgramme, getGridProgramme } from './grid-programmes.ts';
import { NATIONAL_REGION, regionAtLevel, regionChain } from './grid-regions.ts';
import { assertQuantity, assertUnit, describeUse } from './guards.ts';
import { toCo2eTonnes } from './gwp.ts';
import { selectFactor, trySelectFactor } from './select-factor.ts';
import { isElectricityUnit, toMegawattHours } from './units.ts';

interface Priced {
  use: FactorUse;
  value: number;
  mwh: number;
  detail?: MarketBasedDetail;
}

/**
 * Purchased electricity, scope 2. The published factors are in kgCO2/kWh, which equals tCO2/MWh,
 * so tonnes = MWh × factor. Which factor depends on the programme the context names: the national
 * average, the meter's regional grid, its province (each by data year, falling back to the broader
 * region and saying so), MEE's ETS reporting factor, or the residual mix (market-based: contracted
 * green power at zero). Energy is counted in tce either way, green power included.
 */
export const accountElectricity: Accountant<ElectricityActivity> = (activity, library, context) => {
  const quantity = assertQuantity(activity.quantity, '/quantity');
  const unit = assertUnit(activity.unit, isElectricityUnit, 'electricity');
  regionChain(activity.region); // an unknown grid region is refused before anything is priced
  const programme = getGridProgramme(context.programme);
  const mwh = toMegawattHours(quantity, unit);
  const steps: CalculationStep[] = [
    { label: 'electricity consumed', value: quantity, unit },
    { label: 'electricity consumed', value: mwh, unit: 'MWh' },
  ];
  const priced =
    programme.basis === 'market-based'
      ? priceMarketBased(activity, library, mwh, steps)
      : priceLocationBased(activity, library, programme, mwh);
  const co2 = priced.mwh * priced.value;
  const energy = electricityTce(mwh, context.electricityPrimaryKgcePerKwh);
  steps.push(
    { label: `emission factor (${programme.id})`, value: priced.value, unit: 'tCO2/MWh' },
    { label: 'CO2 (MWh × factor)', value: co2, unit: 't' },
    { label: `energy consumption (${energy.basis})`, value: energy.tce, unit: 'tce' },
  );
  return {
    activityType: 'electricity',
    scope: 2,
    method: context.method,
    calculation: 'purchased-electricity',
    programme: programme.id,
    scope2Basis: programme.basis,
    co2eTonnes: toCo2eTonnes({ CO2: co2 }, context.gwpSet),
    gases: { CO2: co2 },
    gwpSet: context.gwpSet.id,
    input: { quantity, unit },
    energyTce: energy.tce,
    energy,
    factors: [priced.use],
    factorRefs: [priced.use.ref],
    measuredParameters: [],
    steps,
    ...(priced.detail ? { marketBased: priced.detail } : {}),
  };
};

/** The region a programme looks its factor up at, from the meter's grid region. */
const lookupRegion = (programme: GridProgramme, region: string): string => {
  if (programme.regionLevel === 'national') return NATIONAL_REGION;
  const regional = regionAtLevel(region, 'regional') ?? NATIONAL_REGION;
  if (programme.regionLevel === 'regional') return regional;
  return regionAtLevel(region, 'provincial') ?? regional;
};

const priceLocationBased = (
  activity: ElectricityActivity,
  library: FactorLibrary,
  programme: GridProgramme,
  mwh: number,
): Priced => {
  const kind = programme.factorKind === 'grid-ets' ? 'grid-ets' : 'grid-average';
  const selected = selectFactor(library, {
    kinds: [kind],
    activityType: 'electricity',
    region: lookupRegion(programme, activity.region),
    year: activity.year,
  });
  return { use: describeUse('grid', selected), value: selected.factor.value, mwh };
};

const priceMarketBased = (
  activity: ElectricityActivity,
  library: FactorLibrary,
  mwh: number,
  steps: CalculationStep[],
): Priced => {
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
  const query = { activityType: 'electricity', year: activity.year };
  const residual = trySelectFactor(library, { ...query, kinds: ['grid-residual'], region: NATIONAL_REGION });
  const selected =
    residual ??
    selectFactor(library, {
      ...query,
      kinds: ['grid-average'],
      region: regionAtLevel(activity.region, 'regional') ?? NATIONAL_REGION,
    });
  const detail: MarketBasedDetail = {
    greenPowerMwh: greenMwh,
    residualMwh,
    residualBasis: residual ? 'grid-residual' : 'grid-average',
  };
  const use = describeUse(residual ? 'residual-mix' : 'grid', selected);
  return { use, value: selected.factor.value, mwh: residualMwh, detail };
};
