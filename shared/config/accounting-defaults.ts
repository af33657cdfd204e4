import type { AccountingDefaults } from '../domain/carbon/accounting/accounting-context.ts';
import { getGwpSet } from '../domain/carbon/accounting/gwp.ts';
import { accountingMethod, factorProgramme, gwpSetId } from './env.ts';

/**
 * The deployment's accounting choices (QS_ACCOUNTING_METHOD, QS_FACTOR_PROGRAMME, QS_GWP_SET; each
 * optional, a typo fails loudly). The ingest reads them for every batch, so what a batch log names is
 * what the configuration said when the batch was accounted; enterprises may choose their own programme.
 */
export const accountingDefaults = (env: NodeJS.ProcessEnv = process.env): AccountingDefaults => ({
  method: accountingMethod(env),
  programme: factorProgramme(env),
  gwpSet: getGwpSet(gwpSetId(env)),
});
