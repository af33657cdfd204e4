import { describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISES, DEMO_METER_PROFILES } from '../../../infra/local/demo-registry.ts';
import { checkEnterpriseCodes } from '../../../shared/domain/registry/enterprise-rules.ts';
import { meterProfileErrors } from '../../../shared/domain/registry/meter-rules.ts';
import { ENERGY_TYPES } from '../../../shared/domain/registry/records.ts';

describe('demo registry', () => {
  it('passes the registry API’s own checks (USCC check character, GB/T 4754 class, meter profile)', () => {
    for (const enterprise of DEMO_ENTERPRISES) expect(() => checkEnterpriseCodes(enterprise)).not.toThrow();
    for (const meter of DEMO_METER_PROFILES) {
      expect(meterProfileErrors({ greenPower: false, ...meter }), meter.id).toEqual([]);
      expect(DEMO_ENTERPRISES.map((e) => e.id)).toContain(meter.enterpriseId);
      expect(meter.facilityId).toBe(meter.enterpriseId.replace('ENT', 'FAC'));
    }
  });

  it('covers the first eight energy types, a green-power line and rolling registers, and keeps MTR-0001..0003', () => {
    // The rest of the fuel table (coke, blast-furnace gas …) is exercised by the ingest's worked
    // cases (test/integration/ingest-accounting.test.ts); the demo fleet keeps its twelve meters.
    expect(new Set(DEMO_METER_PROFILES.map((m) => m.energyType))).toEqual(new Set(ENERGY_TYPES.slice(0, 8)));
    expect(DEMO_METER_PROFILES.some((m) => m.energyType === 'electricity' && m.greenPower === true)).toBe(
      true,
    );
    expect(DEMO_METER_PROFILES.filter((m) => m.readingKind === 'cumulative').length).toBeGreaterThanOrEqual(
      2,
    );
    expect(DEMO_METER_PROFILES.slice(0, 3).map((m) => [m.id, m.enterpriseId, m.energyType])).toEqual([
      ['MTR-0001', 'ENT-0001', 'electricity'],
      ['MTR-0002', 'ENT-0002', 'natural-gas'],
      ['MTR-0003', 'ENT-0001', 'diesel'],
    ]);
  });
});
