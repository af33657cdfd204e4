import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../../shared/domain/errors.ts';
import { checkEnterpriseCodes } from '../../../shared/domain/registry/enterprise-rules.ts';
import { type MeterProfile, meterProfileErrors } from '../../../shared/domain/registry/meter-rules.ts';

// 华为技术有限公司 914403001922038216: check character 6, worked by hand in uscc.test.ts.
const HUAWEI = '914403001922038216';

const refusal = (run: () => unknown): UnprocessableError => {
  try {
    run();
  } catch (error) {
    if (error instanceof UnprocessableError) return error;
    throw error;
  }
  throw new Error('expected a 422');
};

describe('checkEnterpriseCodes', () => {
  it('returns the canonical codes: upper-case USCC, section letter added to the class', () => {
    expect(checkEnterpriseCodes({ uscc: ' 914403001922038216 ', industryCode: '3311' })).toEqual({
      uscc: HUAWEI,
      industryCode: 'C3311',
    });
  });

  it('names the field and the expected check character when the 18th character is wrong', () => {
    const error = refusal(() => checkEnterpriseCodes({ uscc: '914403001922038217' }));
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { path: '/body/uscc', message: expect.stringContaining('check character is 7, expected 6') },
    ]);
  });

  it('reports every failing field at once, including a code above class level', () => {
    const error = refusal(() => checkEnterpriseCodes({ uscc: '91440300192203821', industryCode: 'C33' }));
    expect(error.errors.map((e) => e.path)).toEqual(['/body/uscc', '/body/industryCode']);
    expect(error.errors[1]?.message).toContain('division C33');
  });

  it('refuses a section letter that disagrees with the division (33 is in C, not A)', () => {
    const error = refusal(() => checkEnterpriseCodes({ industryCode: 'A3311' }));
    expect(error.errors[0]?.message).toContain('belongs to section C');
  });

  it('checks only what a patch carries', () => {
    expect(checkEnterpriseCodes({})).toEqual({});
  });
});

const electricity: MeterProfile = {
  energyType: 'electricity',
  unit: 'kWh',
  readingKind: 'interval',
  scope: 2,
  gridRegion: 'CN-SOUTH',
  greenPower: true,
  expectedIntervalSeconds: 900,
};

const paths = (profile: MeterProfile) => meterProfileErrors(profile).map((error) => error.path);

describe('meterProfileErrors', () => {
  it('accepts consistent profiles of each shape', () => {
    expect(paths(electricity)).toEqual([]);
    expect(
      paths({
        energyType: 'natural-gas',
        unit: '10^4Nm3',
        readingKind: 'cumulative',
        rolloverValue: 99_999,
        scope: 1,
        greenPower: false,
        expectedIntervalSeconds: 900,
      }),
    ).toEqual([]);
    expect(
      paths({
        ...electricity,
        energyType: 'steam-heat',
        unit: 'GJ',
        gridRegion: undefined,
        greenPower: false,
      }),
    ).toEqual([]);
    expect(
      paths({
        ...electricity,
        energyType: 'diesel',
        unit: 'L',
        scope: 1,
        gridRegion: undefined,
        greenPower: false,
      }),
    ).toEqual([]);
  });

  it('refuses units the accounting engine cannot convert for the energy type', () => {
    expect(paths({ ...electricity, unit: 'GJ' })).toEqual(['/body/unit']);
    // LPG has no density in the library, so litres could never be accounted.
    expect(
      paths({
        ...electricity,
        energyType: 'lpg',
        unit: 'L',
        scope: 1,
        gridRegion: undefined,
        greenPower: false,
      }),
    ).toEqual(['/body/unit']);
    expect(meterProfileErrors({ ...electricity, unit: 'Nm3' })[0]?.message).toContain('allowed: kWh, MWh');
  });

  it('ties grid region and green power to electricity', () => {
    expect(paths({ ...electricity, gridRegion: undefined })).toEqual(['/body/gridRegion']);
    expect(
      paths({
        ...electricity,
        energyType: 'raw-coal',
        unit: 't',
        scope: 1,
        gridRegion: 'CN',
        greenPower: true,
      }),
    ).toEqual(['/body/gridRegion', '/body/greenPower']);
  });

  it('allows a rollover value only on cumulative registers, and only above zero', () => {
    expect(paths({ ...electricity, rolloverValue: 1000 })).toEqual(['/body/rolloverValue']);
    expect(paths({ ...electricity, readingKind: 'cumulative', rolloverValue: 0 })).toEqual([
      '/body/rolloverValue',
    ]);
    expect(paths({ ...electricity, readingKind: 'cumulative' })).toEqual([]);
  });

  it('derives the scope from the energy type: purchased electricity is scope 2, burning fuel scope 1', () => {
    expect(paths({ ...electricity, scope: 1 })).toEqual(['/body/scope']);
    expect(
      paths({
        ...electricity,
        energyType: 'process-emission',
        unit: 'tCO2e',
        scope: 2,
        gridRegion: undefined,
        greenPower: false,
      }),
    ).toEqual(['/body/scope']);
  });
});
