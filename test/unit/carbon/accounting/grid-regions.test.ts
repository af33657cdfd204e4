import { describe, expect, it } from 'vitest';
import { FactorDataError } from '../../../../shared/domain/carbon/accounting/errors.ts';
import { gridProgrammes } from '../../../../shared/domain/carbon/accounting/grid-programmes.ts';
import {
  GRID_REGION_CODES,
  gridRegions,
  parseGridRegions,
  regionAtLevel,
  regionChain,
} from '../../../../shared/domain/carbon/accounting/grid-regions.ts';

const withProvince = parseGridRegions({
  source: 'test',
  regions: [
    { code: 'CN', name: '全国', nameEn: 'National', level: 'national' },
    { code: 'CN-SOUTH', name: '南方区域', nameEn: 'Southern', level: 'regional', parent: 'CN' },
    { code: 'CN-GD', name: '广东', nameEn: 'Guangdong', level: 'provincial', parent: 'CN-SOUTH' },
  ],
});

describe('grid regions from data', () => {
  it('chain a province through its regional grid to the nation', () => {
    expect(regionChain('CN-GD', withProvince)).toEqual(['CN-GD', 'CN-SOUTH', 'CN', 'GLOBAL']);
    expect(regionAtLevel('CN-GD', 'regional', withProvince)).toBe('CN-SOUTH');
    expect(regionAtLevel('CN-SOUTH', 'provincial', withProvince)).toBeUndefined();
  });

  it('ship the national figure and seven regional grids, none without a parent', () => {
    expect(regionChain('CN-NORTHWEST')).toEqual(['CN-NORTHWEST', 'CN', 'GLOBAL']);
    expect(() =>
      parseGridRegions({
        source: 'test',
        regions: [{ code: 'CN-X', name: 'x', nameEn: 'x', level: 'regional', parent: 'CN-Y' }],
      }),
    ).toThrow(FactorDataError);
  });

  it('the shipped files parse, and the codes the contract reads unparsed are the parsed ones', () => {
    // The registry contract's enum reads the codes at load without the parse (cold start).
    expect(GRID_REGION_CODES).toEqual(gridRegions().map((r) => r.code));
    expect(gridProgrammes().length).toBeGreaterThan(0);
  });
});
