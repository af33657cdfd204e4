import { describe, expect, it } from 'vitest';
import { accountActivity, calculateEmissions } from '../../../../shared/domain/carbon/accounting/account.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import { getGwpSet } from '../../../../shared/domain/carbon/accounting/gwp.ts';
import { context } from './factor-fixtures.ts';
import { expectSigFigs } from './sig-figs.ts';

const library = loadFactorLibrary();
const gas = {
  type: 'fuel',
  fuel: 'natural-gas',
  quantity: 10,
  unit: '10^4Nm3',
  region: 'CN',
  year: 2023,
} as const;

// Issue 13: a GB/T 32150 result added IPCC Tier-1 CH4 and N2O under the GB/T label.
describe('GB/T 32150 method: combustion is CO2 only', () => {
  it('natural gas: no CH4 or N2O, CO2e equals CO2', () => {
    const result = accountActivity(gas, library, context({ method: 'gbt-32150' }));

    // 10 × 389.31 GJ = 3.8931 TJ × 15.3 tC/TJ × 0.99 × 44/12 = 216.2189 tCO2
    expect(Object.keys(result.gases)).toEqual(['CO2']);
    expectSigFigs(result.co2eTonnes, 216.2189);
    expect(result.method).toBe('gbt-32150');
    expect(result.factors.map((f) => f.role)).toEqual(['co2']);
  });

  it('the legacy entry the ingest still calls keeps its all-gas figures, now named ipcc-2006', () => {
    const result = calculateEmissions(gas, library, { gwpSet: getGwpSet('AR5') });

    // 216.2189 + 0.0038931 × 28 + 0.00038931 × 265 = 216.4311 tCO2e
    expectSigFigs(result.co2eTonnes, 216.4311);
    expect(result).toMatchObject({ method: 'ipcc-2006', programme: null });
  });
});
