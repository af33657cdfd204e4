import type { Accountant, PurchasedHeatActivity } from './accounting-types.ts';
import { heatTce } from './energy-tce.ts';
import { assertQuantity, assertUnit, describeUse } from './guards.ts';
import { toCo2eTonnes } from './gwp.ts';
import { selectFactor } from './select-factor.ts';
import { isHeatUnit, toGigajoules } from './units.ts';

/** Purchased heat or steam, scope 2: GJ × tCO2/GJ. Steam must be given as its heat content in GJ. */
export const accountPurchasedHeat: Accountant<PurchasedHeatActivity> = (activity, library, context) => {
  const quantity = assertQuantity(activity.quantity, '/quantity');
  const unit = assertUnit(activity.unit, isHeatUnit, 'heat');
  const gj = toGigajoules(quantity, unit);
  const where = { activityType: 'purchased-heat', region: activity.region, year: activity.year };
  const heat = selectFactor(library, { ...where, kinds: ['heat'] });
  const co2 = gj * heat.factor.value;
  const energy = heatTce(gj);
  const use = describeUse('heat', heat);
  return {
    activityType: 'purchased-heat',
    scope: 2,
    method: context.method,
    calculation: 'purchased-heat',
    programme: null,
    co2eTonnes: toCo2eTonnes({ CO2: co2 }, context.gwpSet),
    gases: { CO2: co2 },
    gwpSet: context.gwpSet.id,
    input: { quantity, unit },
    energyTce: energy.tce,
    energy,
    factors: [use],
    factorRefs: [use.ref],
    measuredParameters: [],
    steps: [
      { label: 'heat purchased', value: quantity, unit },
      { label: 'heat purchased', value: gj, unit: 'GJ' },
      { label: 'emission factor', value: heat.factor.value, unit: 'tCO2/GJ' },
      { label: 'CO2 (GJ × factor)', value: co2, unit: 't' },
      { label: `energy consumption (${energy.basis})`, value: energy.tce, unit: 'tce' },
    ],
  };
};
