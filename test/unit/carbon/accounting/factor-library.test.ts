import { describe, expect, it } from 'vitest';
import { FactorDataError } from '../../../../shared/domain/carbon/accounting/errors.ts';
import {
  findFactorVersion,
  loadFactorLibrary,
  parseFactorLibrary,
  SHIPPED_FACTOR_FILES,
} from '../../../../shared/domain/carbon/accounting/factors.ts';
import { factorFile } from './factor-fixtures.ts';

const gridFile = (factors: Record<string, unknown>[]) => factorFile('MEE/NBS', factors);
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

  it('carries the GB/T 32150-2015 natural-gas parameters (Table B.1)', () => {
    const gas = findFactorVersion(loadFactorLibrary(), 'gbt32150.fuel-carbon.natural-gas', 1);

    expect(gas).toMatchObject({
      ncv: { value: 389.31, unit: 'GJ/10^4Nm3' },
      carbonContent: { value: 15.3, unit: 'tC/TJ' },
      oxidationRate: { value: 0.99 },
      publisher: expect.stringContaining('国家标准化管理委员会'),
    });
  });

  it('names a source, citation, year, region and verification status on every factor', () => {
    for (const factor of loadFactorLibrary().factors) {
      expect(factor.source.length, factor.id).toBeGreaterThan(0);
      expect(factor.citation.length, factor.id).toBeGreaterThan(0);
      expect(factor.publisher.length, factor.id).toBeGreaterThan(0);
      expect(factor.region, factor.id).toMatch(/^(GLOBAL|CN(-[A-Z]+)*)$/);
      expect(['verified', 'unverified'], factor.id).toContain(factor.verification.status);
      expect(factor.contentHash, factor.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });

  it('carries the regional grids of 2023 and the ETS reporting factor', () => {
    const value = (id: string) => {
      const factor = findFactorVersion(loadFactorLibrary(), id, 1);
      return factor && 'value' in factor ? factor.value : undefined;
    };
    // MEE/NBS 2023: North 0.6361, Northeast 0.5122, East 0.5500, Central 0.5271, Northwest 0.5543,
    // Southwest 0.2472; MEE ETS notice: 0.5703.
    expect(
      ['NORTH', 'NORTHEAST', 'EAST', 'CENTRAL', 'NORTHWEST', 'SOUTHWEST'].map((r) =>
        value(`mee-nbs.grid-average.CN-${r}.2023`),
      ),
    ).toEqual([0.6361, 0.5122, 0.55, 0.5271, 0.5543, 0.2472]);
    expect(value('mee-ets.grid.CN.2022')).toBe(0.5703);
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

  it('refuses a tampered copy of a shipped file: a changed number under the same id@version', () => {
    // Prepare: the shipped grid file with one figure edited and its hash left as it was.
    const tampered = structuredClone(SHIPPED_FACTOR_FILES) as { factors: { id: string; value?: number }[] }[];
    const row = tampered.flatMap((file) => file.factors).find((f) => f.id === 'mee-nbs.grid-average.CN.2023');
    if (row === undefined) throw new Error('fixture missing');
    row.value = 0.5;
    // Act / Assess
    expect(() => parseFactorLibrary(tampered)).toThrow(FactorDataError);
    expect(() => parseFactorLibrary(tampered)).toThrow(
      /mee-nbs\.grid-average\.CN\.2023@1 does not match its content hash.*a correction must be a new version/,
    );
  });

  it('refuses a factor without a content hash', () => {
    const [stamped] = gridFile([gridFactor()]).factors;
    const { contentHash: _, ...unstamped } = stamped as Record<string, unknown>;

    expect(() => parseFactorLibrary([{ publisher: 'MEE/NBS', factors: [unstamped] }])).toThrow(
      FactorDataError,
    );
  });

  it('accepts a newer version of the same factor', () => {
    const versions = gridFile([gridFactor(), gridFactor({ version: 2, value: 0.5367 })]);

    expect(parseFactorLibrary([versions]).factors).toHaveLength(2);
  });
});
