import { accountElectricity } from './account-electricity.ts';
import { accountFuel } from './account-fuel.ts';
import { accountPurchasedHeat } from './account-heat.ts';
import { accountMeasuredCo2e, accountMeasuredGases } from './account-process.ts';
import type { AccountingOptions, Activity, EmissionResult } from './accounting-types.ts';
import { AccountingError } from './errors.ts';
import type { FactorLibrary } from './factors.ts';

export type * from './accounting-types.ts';

/**
 * The one entry to the accounting engine: an activity in, a result that names every factor,
 * version, selection and intermediate figure out. Pure: the library and GWP set are passed in.
 * Throws `AccountingError` for anything it cannot account for honestly.
 */
export const calculateEmissions = (
  activity: Activity,
  library: FactorLibrary,
  options: AccountingOptions,
): EmissionResult => {
  switch (activity.type) {
    case 'fuel':
      return accountFuel(activity, library, options);
    case 'electricity':
      return accountElectricity(activity, library, options);
    case 'purchased-heat':
      return accountPurchasedHeat(activity, library, options);
    case 'process-emission':
      return accountProcessEmission(activity, options);
    default:
      throw new AccountingError(
        'unknown-activity',
        `unknown activity type ${describeType(activity)}`,
        '/type',
      );
  }
};

const accountProcessEmission = (
  activity: Extract<Activity, { type: 'process-emission' }>,
  options: AccountingOptions,
): EmissionResult => {
  if (activity.measured === 'per-gas') return accountMeasuredGases(activity, options.gwpSet);
  if (activity.measured === 'co2e') return accountMeasuredCo2e(activity, options.gwpSet);
  throw new AccountingError(
    'unknown-activity',
    'process emission must be measured per-gas or co2e',
    '/measured',
  );
};

const describeType = (activity: unknown): string =>
  typeof activity === 'object' && activity !== null ? String((activity as { type?: unknown }).type) : 'none';
