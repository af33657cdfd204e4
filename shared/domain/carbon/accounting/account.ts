import { accountElectricity } from './account-electricity.ts';
import { accountFuel } from './account-fuel.ts';
import { accountPurchasedHeat } from './account-heat.ts';
import { accountMeasuredCo2e, accountMeasuredGases } from './account-process.ts';
import type { AccountingContext, AccountingOptions, Activity, EmissionResult } from './accounting-types.ts';
import { AccountingError } from './errors.ts';
import type { FactorLibrary } from './factors.ts';
import { getGridProgramme } from './grid-programmes.ts';
import { assertAccountingMethod } from './methods.ts';

export type * from './accounting-types.ts';

/**
 * The one entry to the accounting engine: an activity and every choice a figure depends on
 * (method, grid programme, GWP set) in; a result that names those choices, every factor with its
 * content hash, every measured parameter, each intermediate figure and the energy in tce out.
 * Pure: the library and GWP set are passed in. Throws `AccountingError` for anything it cannot
 * account for honestly.
 */
export const accountActivity = (
  activity: Activity,
  library: FactorLibrary,
  context: AccountingContext,
): EmissionResult => {
  assertAccountingMethod(context.method);
  getGridProgramme(context.programme);
  switch (activity.type) {
    case 'fuel':
      return accountFuel(activity, library, context);
    case 'electricity':
      return accountElectricity(activity, library, context);
    case 'purchased-heat':
      return accountPurchasedHeat(activity, library, context);
    case 'process-emission':
      return accountProcessEmission(activity, context);
    default:
      throw new AccountingError(
        'unknown-activity',
        `unknown activity type ${describeType(activity)}`,
        '/type',
      );
  }
};

/**
 * @deprecated The entry the ingest called before methods and programmes existed; kept so it keeps
 * compiling and computing the same figures until it is rewired to `accountActivity`. Those figures
 * were IPCC all-gas figures on national CO2 parameters, so that is what this now says it computes:
 * method `ipcc-2006`; location-based on the meter's regional grid (`mee-nbs-regional`),
 * market-based on the residual mix (`mee-nbs-residual-mix`).
 */
export const calculateEmissions = (
  activity: Activity,
  library: FactorLibrary,
  options: AccountingOptions,
): EmissionResult =>
  accountActivity(activity, library, {
    method: 'ipcc-2006',
    programme: options.scope2Method === 'market-based' ? 'mee-nbs-residual-mix' : 'mee-nbs-regional',
    gwpSet: options.gwpSet,
  });

const accountProcessEmission = (
  activity: Extract<Activity, { type: 'process-emission' }>,
  context: AccountingContext,
): EmissionResult => {
  if (activity.measured === 'per-gas') return accountMeasuredGases(activity, context);
  if (activity.measured === 'co2e') return accountMeasuredCo2e(activity, context);
  throw new AccountingError(
    'unknown-activity',
    'process emission must be measured per-gas or co2e',
    '/measured',
  );
};

const describeType = (activity: unknown): string =>
  typeof activity === 'object' && activity !== null ? String((activity as { type?: unknown }).type) : 'none';
