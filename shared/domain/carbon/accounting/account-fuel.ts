import type { Accountant, FuelActivity } from './accounting-types.ts';
import { FUEL_TYPES } from './accounting-types.ts';
import { fuelTce } from './energy-tce.ts';
import { AccountingError } from './errors.ts';
import type { FactorLibrary, Region } from './factors.ts';
import { type Co2Factor, carbonParameters, type ParameterLog, resolveDensity } from './fuel-parameters.ts';
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

const isFuelUnit = (unit: string): unit is FuelUnit =>
  isMassUnit(unit) || isGasVolumeUnit(unit) || unit === 'L';

/**
 * Stationary fuel combustion, scope 1: E_CO2 = FC × NCV × CC × OF × 44/12 with national
 * (GB/T 32150) parameters or measured ones, else the IPCC Tier-1 default. Under `gbt-32150` that
 * is the whole result; under `ipcc-2006` the IPCC Tier-1 CH4 and N2O on the same energy are added.
 */
export const accountFuel: Accountant<FuelActivity> = (activity, library, context) => {
  if (!(FUEL_TYPES as readonly string[]).includes(activity.fuel)) {
    throw new AccountingError('unknown-activity', `unknown fuel ${String(activity.fuel)}`, '/fuel');
  }
  const quantity = assertQuantity(activity.quantity, '/quantity');
  const unit = assertUnit(activity.unit, isFuelUnit, 'fuel');
  const where = { activityType: activity.fuel, region: activity.region, year: activity.year };
  const co2 = selectFactor(library, { ...where, kinds: ['fuel-carbon', 'fuel-default'] });
  const log: ParameterLog = {
    uses: [describeUse('co2', co2)],
    steps: [{ label: 'fuel consumed', value: quantity, unit }],
    measured: [],
  };

  const basis = ncvBasisOf(co2.factor.ncv.unit);
  const density = unit === 'L' && basis === 't' ? resolveDensity(activity, library, log) : undefined;
  const amount = toNcvBasis(quantity, unit, basis, density);
  const parameters = carbonParameters(activity, co2.factor, log);
  const energyGj = amount * parameters.ncv;
  const energyTj = energyGj / GJ_PER_TJ;
  log.steps.push(
    { label: 'fuel consumed on NCV basis', value: amount, unit: basis },
    {
      label: `net calorific value (${parameters.ncvMeasured ? 'measured' : 'library'})`,
      value: parameters.ncv,
      unit: co2.factor.ncv.unit,
    },
    { label: 'energy (FC × NCV)', value: energyGj, unit: 'GJ' },
    { label: 'energy', value: energyTj, unit: 'TJ' },
  );

  const gases: GasTonnes = { CO2: co2Tonnes(co2.factor, parameters, energyTj, log) };
  if (context.method === 'ipcc-2006') addNonCo2(gases, library, where, energyTj, log);
  const energy = fuelTce(activity.fuel, amount, basis, energyGj, parameters.ncvMeasured);
  log.steps.push({ label: `energy consumption (${energy.basis})`, value: energy.tce, unit: 'tce' });
  return {
    activityType: `fuel:${activity.fuel}`,
    scope: 1,
    method: context.method,
    calculation: 'fuel-combustion',
    programme: null,
    co2eTonnes: toCo2eTonnes(gases, context.gwpSet, 'fossil'),
    gases,
    gwpSet: context.gwpSet.id,
    methaneOrigin: 'fossil',
    input: { quantity, unit },
    energyTce: energy.tce,
    energy,
    factors: log.uses,
    factorRefs: log.uses.map((use) => use.ref),
    measuredParameters: log.measured,
    steps: log.steps,
  };
};

const co2Tonnes = (
  factor: Co2Factor,
  parameters: { carbonContent: number | undefined; oxidationRate: number | undefined },
  energyTj: number,
  log: ParameterLog,
): number => {
  if (factor.kind === 'fuel-default') {
    const tonnes = (energyTj * factor.emissionFactors.CO2) / KG_PER_TONNE;
    log.steps.push({ label: 'CO2 (TJ × EF_CO2 ÷ 1000)', value: tonnes, unit: 't' });
    return tonnes;
  }
  const carbonContent = parameters.carbonContent ?? factor.carbonContent.value;
  const oxidationRate = parameters.oxidationRate ?? factor.oxidationRate.value;
  const carbon = energyTj * carbonContent;
  const oxidised = carbon * oxidationRate;
  const tonnes = oxidised * CO2_PER_CARBON;
  log.steps.push(
    { label: `carbon (TJ × CC ${carbonContent} tC/TJ)`, value: carbon, unit: 'tC' },
    { label: `carbon oxidised (× OF ${oxidationRate})`, value: oxidised, unit: 'tC' },
    { label: 'CO2 (× 44/12)', value: tonnes, unit: 't' },
  );
  return tonnes;
};

/** IPCC method only: CH4 and N2O where a factor exists; a missing one is absent, never zero. */
const addNonCo2 = (
  gases: GasTonnes,
  library: FactorLibrary,
  where: { activityType: string; region: Region; year: number },
  energyTj: number,
  log: ParameterLog,
): void => {
  const selected = trySelectFactor(library, { ...where, kinds: ['fuel-non-co2', 'fuel-default'] });
  if (!selected) return;
  log.uses.push(describeUse('non-co2', selected));
  const factors = selected.factor.emissionFactors;
  gases.CH4 = (energyTj * factors.CH4) / KG_PER_TONNE;
  gases.N2O = (energyTj * factors.N2O) / KG_PER_TONNE;
  log.steps.push(
    { label: 'CH4 (TJ × EF_CH4 ÷ 1000)', value: gases.CH4, unit: 't' },
    { label: 'N2O (TJ × EF_N2O ÷ 1000)', value: gases.N2O, unit: 't' },
  );
};
