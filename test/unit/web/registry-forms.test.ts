import { describe, expect, it } from 'vitest';
import { compact, orNull } from '../../../web/src/console/registry/compact.ts';
import { economicsOf, economicsRows } from '../../../web/src/console/registry/economics-rows.ts';
import { fieldOf, isStaleVersion } from '../../../web/src/console/registry/problem-fields.ts';

describe('registry forms', () => {
  it('tells a stale version (409 naming it, or 412) from other conflicts such as a USCC already held', () => {
    expect(isStaleVersion(409, '计量器具已被他人更新 (meter M is at version 3, not 2)')).toBe(true);
    expect(isStaleVersion(412, undefined)).toBe(true);
    expect(isStaleVersion(409, '统一社会信用代码已登记 (USCC X is already registered)')).toBe(false);
    expect(isStaleVersion(422, '记录已被他人更新')).toBe(false);
  });

  it('maps a problem path to the form field it names', () => {
    expect(fieldOf('/body/uscc')).toEqual(['uscc']);
    expect(fieldOf('/body/location/latitude')).toEqual(['location', 'latitude']);
    // A list's entry is its index, as antd's Form.List names it.
    expect(fieldOf('/body/measuredParameters/1/validFrom')).toEqual(['measuredParameters', 1, 'validFrom']);
  });

  it('leaves unfilled optional fields out of a create and sends them as null in an update', () => {
    expect(compact({ name: 'a' }, { id: '', address: undefined, location: null, unit: 'kWh' })).toEqual({
      name: 'a',
      unit: 'kWh',
    });
    expect(orNull({ address: '', maxPerHour: undefined, gridRegion: 'CN' })).toEqual({
      address: null,
      maxPerHour: null,
      gridRegion: 'CN',
    });
  });

  it('turns the yearly figures into form lines and back, the whole map or null when none is left', () => {
    const economics = { '2025': { outputValue: 3500 }, '2026': { outputValue: 4000, valueAdded: 1200 } };
    const rows = economicsRows(economics);
    expect(rows.map((row) => row.year)).toEqual(['2026', '2025']);
    expect(economicsOf(rows)).toEqual(economics);
    // An emptied figure (antd gives null) is left out; a line without a year is dropped.
    expect(economicsOf([{ year: ' 2026 ', outputValue: null, valueAdded: 10 }, { year: '' }])).toEqual({
      '2026': { valueAdded: 10 },
    });
    expect(economicsOf([])).toBeNull();
    expect(economicsOf(undefined)).toBeNull();
  });
});
