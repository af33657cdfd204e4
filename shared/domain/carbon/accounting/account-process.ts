import type {
  AccountingContext,
  CalculationStep,
  EmissionResult,
  MeasuredCo2eActivity,
  MeasuredGasesActivity,
} from './accounting-types.ts';
import { NO_ENERGY } from './energy-tce.ts';
import { AccountingError } from './errors.ts';
import { assertQuantity, assertUnit } from './guards.ts';
import { type Gas, type GasTonnes, gwpOf, toCo2eTonnes } from './gwp.ts';
import { isMassUnit, toTonnes } from './units.ts';

const GASES: readonly Gas[] = ['CO2', 'CH4', 'N2O'];

/** What every direct measurement shares: no factor, no programme, no energy (0 tce). */
const measuredBase = (context: AccountingContext) =>
  ({
    activityType: 'process-emission',
    scope: 1,
    method: context.method,
    calculation: 'direct-measurement',
    programme: null,
    gwpSet: context.gwpSet.id,
    energyTce: 0,
    energy: NO_ENERGY,
    factors: [],
    factorRefs: [],
    measuredParameters: [],
  }) as const;

/** A sensor's per-gas masses, scope 1: each gas × its GWP. No factor is involved. */
export const accountMeasuredGases = (
  activity: MeasuredGasesActivity,
  context: AccountingContext,
): EmissionResult => {
  const { gwpSet } = context;
  const unit = assertUnit(activity.unit, isMassUnit, 'mass');
  const origin = activity.methaneOrigin ?? 'fossil';
  const entries = Object.entries(activity.gases ?? {});
  if (entries.length === 0) throw new AccountingError('invalid-quantity', 'no gas measured', '/gases');
  const gases: GasTonnes = {};
  const steps: CalculationStep[] = [];
  for (const [gas, value] of entries) {
    if (!(GASES as readonly string[]).includes(gas)) {
      throw new AccountingError('unknown-activity', `gas ${gas} is not accounted for`, `/gases/${gas}`);
    }
    const tonnes = toTonnes(assertQuantity(value, `/gases/${gas}`), unit);
    gases[gas as Gas] = tonnes;
    const gwp = gwpOf(gwpSet, gas as Gas, origin);
    steps.push({ label: `${gas} × GWP ${gwp}`, value: tonnes * gwp, unit: 'tCO2e' });
  }
  const total = entries.reduce((sum, [, value]) => sum + (value as number), 0);
  return {
    ...measuredBase(context),
    co2eTonnes: toCo2eTonnes(gases, gwpSet, origin),
    gases,
    ...(gases.CH4 !== undefined ? { methaneOrigin: origin } : {}),
    input: { quantity: total, unit },
    factors: [],
    factorRefs: [],
    measuredParameters: [],
    steps,
  };
};

/** A sensor already reporting CO2e, scope 1: only the unit changes; per-gas masses are unknown. */
export const accountMeasuredCo2e = (
  activity: MeasuredCo2eActivity,
  context: AccountingContext,
): EmissionResult => {
  const quantity = assertQuantity(activity.quantity, '/quantity');
  if (activity.unit !== 'tCO2e' && activity.unit !== 'kgCO2e') {
    throw new AccountingError('unit-mismatch', `unit ${String(activity.unit)} is not a CO2e unit`, '/unit');
  }
  const co2eTonnes = toTonnes(quantity, activity.unit === 'tCO2e' ? 't' : 'kg');
  return {
    ...measuredBase(context),
    co2eTonnes,
    gases: {},
    input: { quantity, unit: activity.unit },
    factors: [],
    factorRefs: [],
    measuredParameters: [],
    steps: [{ label: 'reported CO2e', value: co2eTonnes, unit: 'tCO2e' }],
  };
};
