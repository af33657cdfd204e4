import { describe, expect, it } from 'vitest';
import { compact, orNull } from '../../../web/src/console/registry/compact.ts';
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
});
