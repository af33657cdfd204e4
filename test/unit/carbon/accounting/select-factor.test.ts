import { describe, expect, it } from 'vitest';
import { AccountingError } from '../../../../shared/domain/carbon/accounting/errors.ts';
import {
  loadFactorLibrary,
  parseFactorLibrary,
} from '../../../../shared/domain/carbon/accounting/factors.ts';
import { regionChain, selectFactor } from '../../../../shared/domain/carbon/accounting/select-factor.ts';
import { factorFile } from './factor-fixtures.ts';

const library = loadFactorLibrary();
const grid = (region: string, year: number) =>
  selectFactor(library, { kinds: ['grid-average'], activityType: 'electricity', region, year });

describe('regionChain', () => {
  it('runs from the most specific region to the global defaults', () => {
    expect(regionChain('CN-SOUTH')).toEqual(['CN-SOUTH', 'CN', 'GLOBAL']);
    expect(regionChain('CN')).toEqual(['CN', 'GLOBAL']);
    expect(regionChain('GLOBAL')).toEqual(['GLOBAL']);
  });

  it('refuses a region that is not a published grid', () => {
    expect(() => regionChain('CN-SOUHT')).toThrow(expect.objectContaining({ code: 'unknown-region' }));
  });
});

describe('selectFactor', () => {
  it('takes the exact region and data year when published', () => {
    // Act
    const chosen = grid('CN-SOUTH', 2023);
    // Assess: Southern grid 2023 = 0.4042 kgCO2/kWh (MEE/NBS 2023 factors).
    expect(chosen.factor.id).toBe('mee-nbs.grid-average.CN-SOUTH.2023');
    expect(chosen.selection).toEqual({
      requestedRegion: 'CN-SOUTH',
      requestedYear: 2023,
      chosenRegion: 'CN-SOUTH',
      chosenYear: 2023,
      reason: 'exact',
    });
  });

  it('falls back to the latest earlier year of the same region', () => {
    // 2025 is not published yet; 2023 is the latest Southern grid year, not 2022.
    const chosen = grid('CN-SOUTH', 2025);

    expect(chosen.factor.id).toBe('mee-nbs.grid-average.CN-SOUTH.2023');
    expect(chosen.selection).toMatchObject({ chosenYear: 2023, reason: 'earlier-year' });
  });

  it('falls back to the national value when the region has nothing for that year or before', () => {
    // The library has no Southern grid factor for 2021, but a national one (0.5568).
    const chosen = grid('CN-SOUTH', 2021);

    expect(chosen.factor.id).toBe('mee-nbs.grid-average.CN.2021');
    expect(chosen.selection).toMatchObject({
      chosenRegion: 'CN',
      chosenYear: 2021,
      reason: 'national-fallback',
    });
  });

  it('takes each regional grid of the 2022 announcement', () => {
    // 2022: East China 0.5617, North China 0.6776, Southwest 0.2268 kgCO2/kWh.
    const value = (region: string) => {
      const { factor } = grid(region, 2022);
      return 'value' in factor ? factor.value : undefined;
    };
    expect([value('CN-EAST'), value('CN-NORTH'), value('CN-SOUTHWEST')]).toEqual([0.5617, 0.6776, 0.2268]);
  });

  it('falls back to the IPCC default when no national parameter exists', () => {
    const ipccOnly = parseFactorLibrary([
      factorFile('IPCC', [
        {
          id: 'ipcc.diesel',
          version: 1,
          kind: 'fuel-default',
          activityType: 'diesel',
          source: '2006 IPCC Guidelines',
          citation: 'Vol.2 Table 2.3',
          year: 2006,
          region: 'GLOBAL',
          ncv: { value: 43, unit: 'GJ/t' },
          emissionFactors: { unit: 'kg/TJ', CO2: 74100, CH4: 3, N2O: 0.6 },
        },
      ]),
    ]);

    const chosen = selectFactor(ipccOnly, {
      kinds: ['fuel-carbon', 'fuel-default'],
      activityType: 'diesel',
      region: 'CN-SOUTH',
      year: 2023,
    });

    expect(chosen.selection).toMatchObject({
      chosenRegion: 'GLOBAL',
      chosenYear: 2006,
      reason: 'default-fallback',
    });
  });

  it('never uses a factor from a later year than the activity', () => {
    // Earliest shipped grid factor is 2021; 2020 activity must not borrow it.
    const act = () => grid('CN-SOUTH', 2020);

    expect(act).toThrow(AccountingError);
    expect(act).toThrow(expect.objectContaining({ code: 'factor-not-found', status: 422 }));
  });

  it('uses the highest version of a factor', () => {
    const base = {
      id: 'grid.CN.2022',
      kind: 'grid-average',
      activityType: 'electricity',
      source: 's',
      citation: 'c',
      year: 2022,
      region: 'CN',
      unit: 'kgCO2/kWh',
    };
    const versions = parseFactorLibrary([
      factorFile('p', [
        { ...base, version: 2, value: 0.6 },
        { ...base, version: 1, value: 0.5 },
      ]),
    ]);

    const chosen = selectFactor(versions, {
      kinds: ['grid-average'],
      activityType: 'electricity',
      region: 'CN',
      year: 2022,
    });

    expect(chosen.factor).toMatchObject({ version: 2, value: 0.6 });
  });
});
