import { describe, expect, it } from 'vitest';
import { accountActivity } from '../../../shared/domain/carbon/accounting/account.ts';
import { FUEL_TYPES, type FuelType } from '../../../shared/domain/carbon/accounting/accounting-types.ts';
import { loadFactorLibrary } from '../../../shared/domain/carbon/accounting/factors.ts';
import { getGwpSet } from '../../../shared/domain/carbon/accounting/gwp.ts';
import { CANONICAL_UNITS, toCanonical } from '../../../shared/domain/carbon/rollups/canonical-units.ts';
import { fuelBasisOf, LITRE_FUELS } from '../../../shared/domain/registry/energy-types.ts';
import { measuredParameterErrors } from '../../../shared/domain/registry/meter-parameters.ts';
import { meterProfileErrors } from '../../../shared/domain/registry/meter-rules.ts';
import { METER_UNITS, scopeOfEnergyType } from '../../../shared/domain/registry/meter-units.ts';
import { ENERGY_TYPES } from '../../../shared/domain/registry/records.ts';

/**
 * Issue 13 phase 2: a meter can measure every fuel of the GB/T 32150 table. The registry's units,
 * the canonical unit of the rollups and the engine's factor basis must agree for each of them, or a
 * registered meter would send readings the ingest refuses.
 */
const library = loadFactorLibrary();
const context = { method: 'gbt-32150', programme: 'mee-nbs-regional', gwpSet: getGwpSet('AR5') } as const;

const ncvUnitOf = (fuel: FuelType) => {
  const factor = library.factors.find((f) => f.kind === 'fuel-carbon' && f.activityType === fuel);
  return factor?.kind === 'fuel-carbon' ? factor.ncv.unit : undefined;
};

describe('every fuel of the table is a meter energy type', () => {
  it('lists each fuel as an energy type, scope 1', () => {
    for (const fuel of FUEL_TYPES) {
      expect(ENERGY_TYPES, fuel).toContain(fuel);
      expect(scopeOfEnergyType(fuel)).toBe(1);
    }
  });

  it.each(FUEL_TYPES)('%s: the meter units, canonical unit and NCV basis agree', (fuel) => {
    const gas = ncvUnitOf(fuel) === 'GJ/10^4Nm3';
    expect(fuelBasisOf(fuel)).toBe(gas ? 'gas' : 'mass');
    expect(CANONICAL_UNITS[fuel]).toBe(gas ? 'Nm3' : 't');
    // Every unit the registry allows is accounted by the engine and converts to the canonical unit.
    for (const unit of METER_UNITS[fuel]) {
      const result = accountActivity(
        { type: 'fuel', fuel, quantity: 1000, unit: unit as never, region: 'CN', year: 2025 },
        library,
        context,
      );
      expect(result.method).toBe('gbt-32150');
      const density = result.factors.find((f) => f.role === 'density')?.record;
      const kgPerLitre = density?.kind === 'fuel-density' ? density.value : undefined;
      expect(toCanonical(fuel, unit, 1000, kgPerLitre)).toBeGreaterThan(0);
    }
  });

  it('allows litres exactly for the fuels the library holds a density for', () => {
    const withDensity = library.factors.filter((f) => f.kind === 'fuel-density').map((f) => f.activityType);
    expect([...LITRE_FUELS].sort()).toEqual([...new Set(withDensity)].sort());
    for (const fuel of FUEL_TYPES) expect(METER_UNITS[fuel].includes('L')).toBe(LITRE_FUELS.includes(fuel));
  });

  it('registers a coke-oven gas meter in Nm3 and a coke meter in t, refusing the wrong basis', () => {
    const base = {
      readingKind: 'interval',
      scope: 1,
      greenPower: false,
      expectedIntervalSeconds: 3600,
    } as const;
    expect(meterProfileErrors({ ...base, energyType: 'coke-oven-gas', unit: '10^4Nm3' })).toEqual([]);
    expect(meterProfileErrors({ ...base, energyType: 'coke', unit: 't' })).toEqual([]);
    expect(meterProfileErrors({ ...base, energyType: 'coke', unit: 'Nm3' }).map((e) => e.path)).toEqual([
      '/body/unit',
    ]);
    // A measured NCV of a gas is per volume; of a solid fuel per mass.
    const ncv = (unit: string) => [
      {
        parameter: 'ncv' as const,
        value: 17.9,
        unit,
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        source: '化验单',
      },
    ];
    expect(measuredParameterErrors('coke-oven-gas', 'Nm3', ncv('MJ/Nm3'), '/body')).toEqual([]);
    expect(measuredParameterErrors('coke', 't', ncv('MJ/Nm3'), '/body').map((e) => e.path)).toEqual([
      '/body/measuredParameters/0/unit',
    ]);
  });
});
