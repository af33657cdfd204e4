import { describe, expect, it } from 'vitest';
import { FactorDataError } from '../../../shared/domain/carbon/errors.ts';
import {
  findFactorVersion,
  loadFactorLibrary,
  parseFactorLibrary,
} from '../../../shared/domain/carbon/factors.ts';

const gridFile = (factors: object[]) => ({ publisher: 'MEE/NBS', factors });
const gridFactor = (over: object = {}) => ({
  id: 'grid.CN.2022',
  version: 1,
  kind: 'grid-average',
  activityType: 'electricity',
  source: 'announcement',
  citation: 'table',
  year: 2022,
  region: 'CN',
  unit: 'kgCO2/kWh',
  value: 0.5366,
  ...over,
});

describe('shipped factor library', () => {
  it('carries the MEE/NBS grid factors as published', () => {
    // Prepare
    const library = loadFactorLibrary();
    // Act
    const value = (id: string) => {
      const factor = findFactorVersion(library, id, 1);
      return factor && 'value' in factor ? factor.value : undefined;
    };
    // Assess: figures from the MEE/NBS announcements on 2021, 2022 and 2023 electricity CO2 factors.
    expect(value('mee-nbs.grid-average.CN.2021')).toBe(0.5568);
    expect(value('mee-nbs.grid-average.CN.2022')).toBe(0.5366);
    expect(value('mee-nbs.grid-average.CN.2023')).toBe(0.5306);
    expect(value('mee-nbs.grid-average.CN-SOUTH.2022')).toBe(0.3869);
    expect(value('mee-nbs.grid-average.CN-SOUTH.2023')).toBe(0.4042);
    expect(value('mee-nbs.grid-residual.CN.2022')).toBe(0.5856);
    expect(value('mee-nbs.grid-residual.CN.2023')).toBe(0.6096);
    expect(value('ndrc.purchased-heat.CN')).toBe(0.11);
  });

  it('carries the GB/T 32150-2015 natural-gas parameters from DESIGN.md', () => {
    const gas = findFactorVersion(loadFactorLibrary(), 'gbt32150.fuel-carbon.natural-gas', 1);

    expect(gas).toMatchObject({
      ncv: { value: 389.31, unit: 'GJ/10^4Nm3' },
      carbonContent: { value: 15.3, unit: 'tC/TJ' },
      oxidationRate: { value: 0.99 },
      publisher: expect.stringContaining('国家标准化管理委员会'),
    });
  });

  it('names a source, citation, year and region on every factor', () => {
    for (const factor of loadFactorLibrary().factors) {
      expect(factor.source.length, factor.id).toBeGreaterThan(0);
      expect(factor.citation.length, factor.id).toBeGreaterThan(0);
      expect(factor.publisher.length, factor.id).toBeGreaterThan(0);
      expect(factor.region, factor.id).toMatch(/^(GLOBAL|CN(-[A-Z]+)*)$/);
    }
  });
});

describe('parseFactorLibrary', () => {
  it('refuses a factor without its unit', () => {
    const broken = gridFile([{ ...gridFactor(), unit: undefined }]);

    expect(() => parseFactorLibrary([broken])).toThrow(FactorDataError);
  });

  it('refuses the same id and version twice', () => {
    const twice = gridFile([gridFactor(), gridFactor({ year: 2023 })]);

    expect(() => parseFactorLibrary([twice])).toThrow(/appears twice/);
  });

  it('refuses two different factors competing for the same region and year', () => {
    const competing = gridFile([gridFactor(), gridFactor({ id: 'other.CN.2022', value: 0.6 })]);

    expect(() => parseFactorLibrary([competing])).toThrow(/competes/);
  });

  it('accepts a newer version of the same factor', () => {
    const versions = gridFile([gridFactor(), gridFactor({ version: 2, value: 0.5367 })]);

    expect(parseFactorLibrary([versions]).factors).toHaveLength(2);
  });
});
