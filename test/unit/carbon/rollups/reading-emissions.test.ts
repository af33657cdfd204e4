import { describe, expect, it } from 'vitest';
import { rollupItemKey } from '../../../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { AccountingError } from '../../../../shared/domain/carbon/accounting/errors.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import { meterAccountingFor } from '../../../../shared/domain/carbon/rollups/meter-accounting.ts';
import {
  contributionsOf,
  type ReadingMeter,
  readingEmissions,
  scaleFigures,
} from '../../../../shared/domain/carbon/rollups/reading-emissions.ts';
import { accountingFor, ON_2026_06_01 as DAY, defaultAccounting } from '../../../support/accounting.ts';
import { expectSigFigs } from '../accounting/sig-figs.ts';

/** A figure back in tonnes (stored in integer milligrams). */
const tonnes = (figures: Record<string, number | bigint>, name: string) => Number(figures[name]) / 1e9;

const library = loadFactorLibrary();
const meter = (over: Partial<ReadingMeter>): ReadingMeter => ({
  id: 'MTR-T',
  enterpriseId: 'ENT-T',
  industryCode: 'C3311',
  energyType: 'electricity',
  unit: 'kWh',
  scope: 2,
  gridRegion: 'CN-SOUTH',
  greenPower: false,
  ...over,
});
/** Figures under the deployment defaults (GB/T 32150, regional grid, AR5). */
const figuresOf = (m: ReadingMeter, quantity: number) =>
  readingEmissions(m, quantity, DAY, library, accountingFor(m));

// Factors (data year 2026 falls back to the latest published, 2023): Southern grid 0.4042 and the
// national residual mix 0.6096 tCO2/MWh; GB/T 32150 natural gas and diesel (CO2 only under the
// GB/T method); IPCC Tier-1 CH4/N2O under the IPCC method; GB/T 2589 tce coefficients.
describe('reading → rollup figures', () => {
  it('electricity: location-based at the grid average, market-based at the residual mix', () => {
    const out = figuresOf(meter({}), 1000);

    // 1 000 kWh = 1 MWh; × 0.4042 = 0.4042 t (location); × 0.6096 = 0.6096 t (market, no green power),
    // stored as integer milligrams; the quantity as millionths of a kWh
    expect(out.figures).toMatchObject({
      co2e_mg: 404_200_000,
      co2eMarket_mg: 609_600_000,
      scope1_mg: 0,
      scope2Location_mg: 404_200_000,
      scope2Market_mg: 609_600_000,
      e_electricity_mg: 404_200_000,
      g_CO2_mg: 404_200_000,
      qc_electricity: 1_000_000_000,
    });
    expect(out.co2eT).toBe(0.4042);
    // Refs carry each version's content hash, so they always mean the same numbers.
    expect(out.factorRefs).toEqual([
      expect.stringMatching(/^mee-nbs\.grid-average\.CN-SOUTH\.2023@1#sha256:[0-9a-f]{64}$/),
      expect.stringMatching(/residual.*#sha256:/),
    ]);
    expect(out.gwpSet).toBe('AR5');
    expect(out.location.programme).toBe('mee-nbs-regional');
    expect(out.market?.programme).toBe('mee-nbs-residual-mix');
    // Energy at the calorific equivalent: 1 000 kWh × 0.1229 kgce/kWh = 0.1229 tce
    expect(out.figures).toMatchObject({ tce_mg: 122_900_000, tce_electricity_mg: 122_900_000 });
    expect(out.tce).toBe(0.1229);
  });

  it('contracted green power is zero market-based but still counts location-based', () => {
    const out = figuresOf(meter({ greenPower: true }), 1000);

    expect(out.figures.co2e_mg).toBe(404_200_000);
    expect(out.figures.co2eMarket_mg).toBe(0);
    expect(out.figures.scope2Market_mg).toBe(0);
  });

  it('natural gas in Nm3 under GB/T: scope 1, CO2 only, energy from the library NCV', () => {
    const out = figuresOf(meter({ energyType: 'natural-gas', unit: 'Nm3', scope: 1 }), 100_000);

    // 100 000 Nm3 = 10 × 10^4 Nm3 × 389.31 GJ = 3 893.1 GJ = 3.8931 TJ;
    // CO2 = 3.8931 × 15.3 × 0.99 × 44/12 = 216.2189 t, and nothing else
    expectSigFigs(tonnes(out.figures, 'g_CO2_mg'), 216.2189);
    expectSigFigs(tonnes(out.figures, 'co2e_mg'), 216.2189);
    expect(out.figures.g_CH4_mg).toBeUndefined();
    expect(out.figures.g_N2O_mg).toBeUndefined();
    expect(out.location.method).toBe('gbt-32150');
    expect(Number.isSafeInteger(out.figures.co2e_mg)).toBe(true);
    expect(out.figures.scope1_mg).toBe(out.figures.co2e_mg);
    expect(out.figures.co2eMarket_mg).toBe(out.figures.co2e_mg);
    expect(out.figures['e_natural-gas_mg']).toBe(out.figures.co2e_mg);
    expect(out.figures['qc_natural-gas']).toBe(100_000_000_000); // 100 000 Nm3 in millionths
    // GB/T 2589 gives natural gas as a range, so: 3 893.1 GJ ÷ 29.3076 GJ/tce = 132.8359 tce
    expectSigFigs(tonnes(out.figures, 'tce_mg'), 132.8359);
  });

  it.each([
    // CH4 = 3.8931 TJ × 1 kg/TJ = 3.8931 kg; N2O = 0.38931 kg
    ['AR2', 216.4213], // + 0.0038931 × 21 + 0.00038931 × 310
    ['AR4', 216.4322], // + 0.0038931 × 25 + 0.00038931 × 298
    ['AR5', 216.4285], // + 0.0038931 × 28 + 0.00038931 × 265
    ['AR6', 216.4412], // + 0.0038931 × 29.8 + 0.00038931 × 273
  ] as const)('natural gas under the IPCC method adds CH4 and N2O weighted by %s: %f t', (gwpSet, co2e) => {
    const gas = meter({ energyType: 'natural-gas', unit: 'Nm3', scope: 1 });
    const out = readingEmissions(
      gas,
      100_000,
      DAY,
      library,
      accountingFor(gas, { method: 'ipcc-2006', gwpSet }),
    );

    expect(out.figures.g_CH4_mg).toBe(3_893_100);
    expect(out.figures.g_N2O_mg).toBe(389_310);
    expectSigFigs(tonnes(out.figures, 'co2e_mg'), co2e);
    expect(out.gwpSet).toBe(gwpSet);
  });

  it('diesel in litres is turned into tonnes by the library density', () => {
    const out = figuresOf(meter({ energyType: 'diesel', unit: 'L', scope: 1 }), 1000);

    // 1 000 L × 0.8275 kg/L = 0.8275 t × 42.652 GJ/t = 35.29453 GJ = 0.03529453 TJ
    // CO2 = 0.03529453 × 20.2 × 0.98 × 44/12 = 2.561865 t (GB/T: CO2 only)
    expectSigFigs(tonnes(out.figures, 'co2e_mg'), 2.561865);
    expect(out.factorRefs).toContainEqual(expect.stringMatching(/^gb19147\.density\.diesel@1#sha256:/));
    // GB/T 2589 Appendix A: diesel 1.4571 kgce/kg → 0.8275 t × 1.4571 = 1.205750 tce
    expectSigFigs(tonnes(out.figures, 'tce_mg'), 1.20575);
    // The quantity in the canonical unit of liquid fuels, tonnes, by the density the engine used
    expect(out.figures.qc_diesel).toBe(827_500); // 0.8275 t in millionths
  });

  it('a unit the energy type cannot take is a typed unit-mismatch, never a zero', () => {
    const wrong = meter({ energyType: 'natural-gas', unit: 'kWh', scope: 1 });
    expect(() => figuresOf(wrong, 10)).toThrow(AccountingError);
    try {
      figuresOf(wrong, 10);
    } catch (error) {
      expect((error as AccountingError).code).toBe('unit-mismatch');
    }
  });

  it('an energy type the engine has no activity for is unknown-activity', () => {
    const odd = meter({ energyType: 'plasma' as never });
    expect(() => figuresOf(odd, 1)).toThrow(/no activity/);
  });

  it('spreads figures over the 12 rollup keys, and −1 undoes them exactly', () => {
    const out = figuresOf(meter({}), 250);
    const periods = { hour: '2026-11-28T15', day: '2026-11-28', month: '2026-11' };

    const contributions = contributionsOf(meter({}), periods, out.figures);
    const undone = scaleFigures(out.figures, -1);

    expect(contributions).toHaveLength(12);
    expect(contributions.map((c) => rollupItemKey(c.key).pk)).toContain('ROLLUP#enterprise#ENT-T#day');
    for (const [name, value] of Object.entries(out.figures))
      expect(Number(undone[name] ?? 0) + Number(value)).toBe(0);
  });

  it('rounds each figure to its resolution before anything is summed', () => {
    // 1.2345678901234566e-18 kWh is far below a millionth of a kWh: a reading with zero figures
    const tiny = figuresOf(meter({}), 1.2345678901234566e-18);
    expect(Object.values(tiny.figures).every((v) => v === 0)).toBe(true);
    // 0.0000025 kWh × 1e6 = 2.5 steps → 2 (ties to even); 1/3 kWh → 333 333 millionths
    expect(figuresOf(meter({}), 2.5e-6).figures.qc_electricity).toBe(2);
    expect(figuresOf(meter({}), 1 / 3).figures.qc_electricity).toBe(333_333);
    // MWh meters store kWh: 1 MWh = 1 000 kWh
    const mwh = figuresOf(meter({ unit: 'MWh' }), 1);
    expect(mwh.figures.qc_electricity).toBe(1_000_000_000);
    expect(mwh.figures.co2e_mg).toBe(404_200_000);
  });

  it('measured parameters hold by day: a coke meter’s measured NCV replaces the library value in its period', () => {
    const coke = meter({
      energyType: 'coke',
      unit: 't',
      scope: 1,
      measuredParameters: [
        {
          parameter: 'ncv',
          value: 28,
          unit: 'GJ/t',
          validFrom: '2026-01-01',
          validTo: '2026-06-30',
          source: '化验单 2026-01',
        },
      ],
    });
    const inPeriod = figuresOf(coke, 100);
    const after = readingEmissions(
      coke,
      100,
      { year: 2026, date: '2026-07-01' },
      library,
      accountingFor(coke),
    );

    // In the period: 100 t × 28 GJ/t = 2.8 TJ × 29.5 tC/TJ × 0.93 × 44/12 = 281.666 t;
    // tce from the measured NCV: 2 800 GJ ÷ 29.3076 = 95.5384 tce
    expectSigFigs(tonnes(inPeriod.figures, 'co2e_mg'), 281.666);
    expectSigFigs(inPeriod.tce, 95.5384);
    expect(inPeriod.measuredParameters).toEqual([
      expect.objectContaining({
        parameter: 'ncv',
        engineValue: 28,
        replaces: expect.stringMatching(/coke@1#sha256/),
      }),
    ]);
    // After it: the library NCV 28.435 GJ/t → 2.8435 TJ → 286.0419 t; GB/T 2589 coke 0.9714 → 97.14 tce
    expectSigFigs(tonnes(after.figures, 'co2e_mg'), 286.0419);
    expectSigFigs(after.tce, 97.14);
    expect(after.measuredParameters).toEqual([]);
  });

  it('prices electricity under the enterprise’s programme; the residual mix stays the market figure', () => {
    const power = meter({});
    const ets = meterAccountingFor(defaultAccounting(), power, { factorProgramme: 'mee-ets-power' });
    const national = meterAccountingFor(defaultAccounting(), power, { factorProgramme: 'mee-nbs-national' });
    const residual = meterAccountingFor(defaultAccounting(), power, {
      factorProgramme: 'mee-nbs-residual-mix',
    });

    // 1 MWh × 0.5703 (ETS) / × 0.5306 (national 2023) / a residual-mix choice: location falls back
    // to the deployment's regional grid 0.4042; market-based is the residual mix 0.6096 in every case
    const at = (accounting: typeof ets) => readingEmissions(power, 1000, DAY, library, accounting);
    expect(at(ets).figures).toMatchObject({ co2e_mg: 570_300_000, co2eMarket_mg: 609_600_000 });
    expect(at(national).figures).toMatchObject({ co2e_mg: 530_600_000, co2eMarket_mg: 609_600_000 });
    expect(at(residual).figures).toMatchObject({ co2e_mg: 404_200_000, co2eMarket_mg: 609_600_000 });
    expect(at(ets).location.programme).toBe('mee-ets-power');
  });
});
