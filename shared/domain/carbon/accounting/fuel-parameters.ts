import type { CalculationStep, FactorUse, FuelActivity } from './accounting-types.ts';
import { factorRefOf } from './content-hash.ts';
import { AccountingError } from './errors.ts';
import type { FactorLibrary, FactorOfKind } from './factors.ts';
import { assertQuantity, describeUse } from './guards.ts';
import { type MeasuredParameterName, measuredOn, type UsedMeasuredParameter } from './measured-parameters.ts';
import { trySelectFactor } from './select-factor.ts';

/**
 * The parameters of one fuel calculation: a measured value where one holds on the activity's
 * date, else the library default. Every measured value used is recorded with what it replaced.
 */

export type Co2Factor = FactorOfKind<'fuel-carbon' | 'fuel-default'>;

export interface ParameterLog {
  uses: FactorUse[];
  steps: CalculationStep[];
  measured: UsedMeasuredParameter[];
}

/** A measured value of `name` if one holds, checked against the engine unit the calculation needs. */
export const measuredValue = (
  activity: FuelActivity,
  name: MeasuredParameterName,
  engineUnit: string,
  log: ParameterLog,
  replaces?: string,
): number | undefined => {
  const found = measuredOn(activity.measuredParameters, name, activity.date);
  if (found === undefined) return undefined;
  if (found.engine.unit !== engineUnit) {
    throw new AccountingError(
      'unit-mismatch',
      `measured ${name} is in ${found.parameter.unit}, but this fuel's factor basis needs ${engineUnit}`,
      '/measuredParameters',
    );
  }
  log.measured.push({
    ...found.parameter,
    engineValue: found.engine.value,
    engineUnit,
    ...(replaces === undefined ? {} : { replaces }),
  });
  return found.engine.value;
};

/** NCV, carbon content and oxidation rate of the CO2 factor, each measured or default. */
export const carbonParameters = (activity: FuelActivity, co2: Co2Factor, log: ParameterLog) => {
  const ref = factorRefOf(co2);
  const ncv = measuredValue(activity, 'ncv', co2.ncv.unit, log, ref);
  const measuredCc = measuredValue(activity, 'carbon-content', 'tC/TJ', log, ref);
  const measuredOf = measuredValue(activity, 'oxidation-rate', 'fraction', log, ref);
  if (co2.kind === 'fuel-default' && (measuredCc !== undefined || measuredOf !== undefined)) {
    throw new AccountingError(
      'invalid-parameter',
      `measured carbon content or oxidation need national parameters for ${activity.fuel}; the library has only an IPCC default`,
      '/measuredParameters',
    );
  }
  return {
    ncv: ncv ?? co2.ncv.value,
    ncvMeasured: ncv !== undefined,
    carbonContent: co2.kind === 'fuel-carbon' ? (measuredCc ?? co2.carbonContent.value) : undefined,
    oxidationRate: co2.kind === 'fuel-carbon' ? (measuredOf ?? co2.oxidationRate.value) : undefined,
  };
};

/** Density for litre quantities: measured (with validity), the legacy field, else the library. */
export const resolveDensity = (activity: FuelActivity, library: FactorLibrary, log: ParameterLog): number => {
  const where = { activityType: activity.fuel, region: activity.region, year: activity.year };
  const fromLibrary = trySelectFactor(library, { ...where, kinds: ['fuel-density'] });
  const replaces = fromLibrary ? factorRefOf(fromLibrary.factor) : undefined;
  const measured = measuredValue(activity, 'density', 'kg/L', log, replaces);
  if (measured !== undefined) {
    log.steps.push({ label: 'density (measured)', value: measured, unit: 'kg/L' });
    return measured;
  }
  if (activity.densityKgPerLitre !== undefined) {
    const given = assertQuantity(activity.densityKgPerLitre, '/densityKgPerLitre');
    if (given === 0)
      throw new AccountingError('invalid-quantity', 'density must be positive', '/densityKgPerLitre');
    log.steps.push({ label: 'density (measured)', value: given, unit: 'kg/L' });
    return given;
  }
  if (fromLibrary === undefined) {
    throw new AccountingError(
      'factor-not-found',
      `no density for ${activity.fuel} in litres: give a measured density or a mass unit`,
      '/unit',
    );
  }
  log.uses.push(describeUse('density', fromLibrary));
  log.steps.push({ label: 'density (library)', value: fromLibrary.factor.value, unit: 'kg/L' });
  return fromLibrary.factor.value;
};
