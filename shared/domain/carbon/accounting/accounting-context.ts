import type { AccountingContext } from './accounting-types.ts';
import type { GridProgrammeId } from './grid-programmes.ts';
import type { GwpSet } from './gwp.ts';
import type { AccountingMethodId } from './methods.ts';

/** What the deployment configured (shared/config/env.ts: QS_ACCOUNTING_METHOD, QS_FACTOR_PROGRAMME, QS_GWP_SET). */
export interface AccountingDefaults {
  method: AccountingMethodId;
  programme: GridProgrammeId;
  gwpSet: GwpSet;
}

/**
 * The context one enterprise's figures are computed in: its own factor programme when it chose
 * one, the deployment's otherwise. The ingest should build each meter's context with this and call
 * `accountActivity`; the result then names the programme it used.
 */
export const accountingContextFor = (
  defaults: AccountingDefaults,
  enterprise?: { factorProgramme?: GridProgrammeId | undefined },
): AccountingContext => ({
  method: defaults.method,
  programme: enterprise?.factorProgramme ?? defaults.programme,
  gwpSet: defaults.gwpSet,
});
