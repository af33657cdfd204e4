import { describe, expect, it } from 'vitest';
import { accountingMethod, ConfigError, factorProgramme, gwpSetId } from '../../../../shared/config/env.ts';
import { accountingContextFor } from '../../../../shared/domain/carbon/accounting/accounting-context.ts';
import { getGwpSet } from '../../../../shared/domain/carbon/accounting/gwp.ts';

describe('accounting configuration', () => {
  it('defaults to GB/T 32150, the regional grid programme and AR5', () => {
    expect([accountingMethod({}), factorProgramme({}), gwpSetId({})]).toEqual([
      'gbt-32150',
      'mee-nbs-regional',
      'AR5',
    ]);
  });

  it('takes the deployment choice from QS_GWP_SET, QS_FACTOR_PROGRAMME and QS_ACCOUNTING_METHOD', () => {
    const env = {
      QS_GWP_SET: 'AR2',
      QS_FACTOR_PROGRAMME: 'mee-ets-power',
      QS_ACCOUNTING_METHOD: 'ipcc-2006',
    };

    expect([accountingMethod(env), factorProgramme(env), gwpSetId(env)]).toEqual([
      'ipcc-2006',
      'mee-ets-power',
      'AR2',
    ]);
  });

  it('fails loudly on a value it does not know', () => {
    expect(() => gwpSetId({ QS_GWP_SET: 'AR7' })).toThrow(ConfigError);
    expect(() => factorProgramme({ QS_FACTOR_PROGRAMME: 'cheapest' })).toThrow(/QS_FACTOR_PROGRAMME/);
  });

  it("an enterprise's own programme wins over the deployment's", () => {
    const defaults = {
      method: 'gbt-32150',
      programme: 'mee-nbs-regional',
      gwpSet: getGwpSet('AR5'),
    } as const;

    expect(accountingContextFor(defaults, { factorProgramme: 'mee-ets-power' }).programme).toBe(
      'mee-ets-power',
    );
    expect(accountingContextFor(defaults, {}).programme).toBe('mee-nbs-regional');
  });
});
