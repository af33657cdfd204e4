import { describe, expect, it } from 'vitest';
import { findFactorVersion, loadFactorLibrary } from '../../../shared/domain/carbon/accounting/factors.ts';
import { factorIdentifier, meterIdentifier } from '../../../shared/domain/identifiers/identifier-record.ts';
import type { MeterRecord } from '../../../shared/domain/registry/records.ts';

const meter: MeterRecord = {
  id: 'MTR-9',
  handle: '88.118.8/meter.MTR-9',
  enterpriseId: 'ENT-9',
  facilityId: 'FAC-9',
  industryCode: 'C3311',
  name: '进线电表',
  energyType: 'electricity',
  unit: 'kWh',
  readingKind: 'interval',
  scope: 2,
  gridRegion: 'CN-SOUTH',
  greenPower: false,
  expectedIntervalSeconds: 900,
  status: 'active',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('identifier records', () => {
  it('numbers a meter’s elements from the URL at index 1, skipping absent values, and links its parents', () => {
    const record = meterIdentifier(
      meter,
      { handle: '88.118.8/enterprise.ENT-9' },
      { handle: '88.118.8/facility.FAC-9' },
    );
    expect(record.elements.slice(0, 4)).toEqual([
      { index: 1, type: 'URL', value: '/meters/MTR-9' },
      { index: 2, type: 'NAME', value: '进线电表' },
      { index: 3, type: 'ENERGY_TYPE', value: 'electricity' },
      { index: 4, type: 'UNIT', value: 'kWh' },
    ]);
    // No rollover value on an interval meter: the next element follows without a gap.
    expect(record.elements.map((e) => e.type)).not.toContain('ROLLOVER_VALUE');
    expect(record.elements.map((e) => e.index)).toEqual(record.elements.map((_, i) => i + 1));
    expect(record.links).toEqual([
      { rel: 'enterprise', handle: '88.118.8/enterprise.ENT-9' },
      { rel: 'facility', handle: '88.118.8/facility.FAC-9' },
    ]);
  });

  it('gives a factor version its value, unit and source, and links the versions before it', () => {
    const factor = findFactorVersion(loadFactorLibrary(), 'mee-nbs.grid-average.CN-SOUTH.2022', 1);
    if (factor === undefined) throw new Error('factor missing from the library');
    const record = factorIdentifier(factor, 'h/v2', ['h/v1']);
    expect(record.type).toBe('factor');
    expect(record.elements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'VALUE', value: '0.3869' }),
        expect.objectContaining({ type: 'UNIT', value: 'kgCO2/kWh' }),
        expect.objectContaining({ type: 'YEAR', value: '2022' }),
      ]),
    );
    expect(record.links).toEqual([{ rel: 'previous-version', handle: 'h/v1' }]);
  });
});
