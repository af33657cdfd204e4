import type { Accountant, CalculationStep, FactorUse, FuelActivity } from './accounting-types.ts';
import { FUEL_TYPES } from './accounting-types.ts';
import { AccountingError } from './errors.ts';
import type { FactorLibrary, FactorOfKind, Region } from './factors.ts';
import { assertQuantity, assertUnit, describeUse } from './guards.ts';
import { type GasTonnes, toCo2eTonnes } from './gwp.ts';
import { selectFactor, trySelectFactor } from './select-factor.ts';
import {
  CO2_PER_CARBON,
  type FuelUnit,
  GJ_PER_TJ,
  isGasVolumeUnit,
  isMassUnit,
  KG_PER_TONNE,
  ncvBasisOf,
  toNcvBasis,
} from './units.ts';

type Co2Factor = FactorOfKind<'fuel-carbon' | 'fuel-default'>;

const isFuelUnit = (unit: string): unit is FuelUnit =>
  isMassUnit(unit) || isGasVolumeUnit(unit) || unit === 'L';

/**
 * Stationary fuel combustion, scope 1. CO2 per GB/T 32150 (E = FC × NCV × CC × OF × 44/12) where
 * national parameters exist, else the IPCC Tier-1 default; CH4 and N2O from IPCC Tier-1 factors
 * on the same energy basis, where a factor exists.
 */
export const accountFuel: Accountant<FuelActivity> = (activity, library, options) => {
  if (!(FUEL_TYPES as readonly string[]).includes(activity.fuel)) {
    throw new AccountingError('unknown-activity', `unknown fuel ${String(activity.fuel)}`, '/fuel');
  }
  const quantity = assertQuantity(activity.quantity, '/quantity');
  const unit = assertUnit(activity.unit, isFuelUnit, 'fuel');
  const where = { activityType: activity.fuel, region: activity.region, year: activity.year };
  const co2 = selectFactor(library, { ...where, kinds: ['fuel-carbon', 'fuel-default'] });
  const uses: FactorUse[] = [describeUse('co2', co2)];
  const steps: CalculationStep[] = [{ label: 'fuel consumed', value: quantity, unit }];

  const basis = ncvBasisOf(co2.factor.ncv.unit);
  const density = unit === 'L' && basis === 't' ? resolveDensity(activity, library, uses, steps) : undefined;
  const amount = toNcvBasis(quantity, unit, basis, density);
  steps.push({ label: 'fuel consumed on NCV basis', value: amount, unit: basis });
  const energyGj = amount * co2.factor.ncv.value;
  const energyTj = energyGj / GJ_PER_TJ;
  steps.push(
    { label: 'energy (FC × NCV)', value: energyGj, unit: 'GJ' },
    { label: 'energy', value: energyTj, unit: 'TJ' },
  );

  const gases: GasTonnes = { CO2: co2Tonnes(co2.factor, energyTj, steps) };
  addNonCo2(gases, library, where, energyTj, uses, steps);
  const co2eTonnes = toCo2eTonnes(gases, options.gwpSet, 'fossil');
  return {
    activityType: `fuel:${activity.fuel}`,
    scope: 1,
    method: co2.factor.kind === 'fuel-carbon' ? 'fuel-combustion-gbt32150' : 'fuel-combustion-ipcc-tier1',
    co2eTonnes,
    gases,
    gwpSet: options.gwpSet.id,
    methaneOrigin: 'fossil',
    input: { quantity, unit },
    factors: uses,
    steps,
  };
};

const co2Tonnes = (factor: Co2Factor, energyTj: number, steps: CalculationStep[]): number => {
  if (factor.kind === 'fuel-default') {
    const tonnes = (energyTj * factor.emissionFactors.CO2) / KG_PER_TONNE;
    steps.push({ label: 'CO2 (TJ × EF_CO2 ÷ 1000)', value: tonnes, unit: 't' });
    return tonnes;
  }
  const carbon = energyTj * factor.carbonContent.value;
  const oxidised = carbon * factor.oxidationRate.value;
  const tonnes = oxidised * CO2_PER_CARBON;
  steps.push(
    { label: 'carbon (TJ × CC)', value: carbon, unit: 'tC' },
    { label: 'carbon oxidised (× OF)', value: oxidised, unit: 'tC' },
    { label: 'CO2 (× 44/12)', value: tonnes, unit: 't' },
  );
  return tonnes;
};

/** CH4 and N2O only where a factor exists; a missing one is left out, never counted as zero. */
const addNonCo2 = (
  gases: GasTonnes,
  library: FactorLibrary,
  where: { activityType: string; region: Region; year: number },
  energyTj: number,
  uses: FactorUse[],
  steps: CalculationStep[],
): void => {
  const selected = trySelectFactor(library, { ...where, kinds: ['fuel-default'] });
  if (!selected) return;
  uses.push(describeUse('non-co2', selected));
  const factors = selected.factor.emissionFactors;
  gases.CH4 = (energyTj * factors.CH4) / KG_PER_TONNE;
  gases.N2O = (energyTj * factors.N2O) / KG_PER_TONNE;
  steps.push(
    { label: 'CH4 (TJ × EF_CH4 ÷ 1000)', value: gases.CH4, unit: 't' },
    { label: 'N2O (TJ × EF_N2O ÷ 1000)', value: gases.N2O, unit: 't' },
  );
};

const resolveDensity = (
  activity: FuelActivity,
  library: FactorLibrary,
  uses: FactorUse[],
  steps: CalculationStep[],
): number => {
  if (activity.densityKgPerLitre !== undefined) {
    const measured = assertQuantity(activity.densityKgPerLitre, '/densityKgPerLitre');
    if (measured === 0)
      throw new AccountingError('invalid-quantity', 'density must be positive', '/densityKgPerLitre');
    steps.push({ label: 'density (measured)', value: measured, unit: 'kg/L' });
    return measured;
  }
  const where = { activityType: activity.fuel, region: activity.region, year: activity.year };
  const selected = selectFactor(library, { ...where, kinds: ['fuel-density'] });
  uses.push(describeUse('density', selected));
  steps.push({ label: 'density (library)', value: selected.factor.value, unit: 'kg/L' });
  return selected.factor.value;
};
