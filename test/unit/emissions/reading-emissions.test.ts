import { describe, expect, it } from 'vitest';
import { AccountingError } from '../../../shared/domain/carbon/errors.ts';
import { loadFactorLibrary } from '../../../shared/domain/carbon/factors.ts';
import { getGwpSet } from '../../../shared/domain/carbon/gwp.ts';
import {
  contributionsOf,
  type ReadingMeter,
  readingEmissions,
  scaleFigures,
} from '../../../shared/domain/emissions/reading-emissions.ts';
import { expectSigFigs } from '../carbon/sig-figs.ts';

/** A figure back in tonnes (stored in integer milligrams). */
const tonnes = (figures: Record<string, number | bigint>, name: string) => Number(figures[name]) / 1e9;

const library = loadFactorLibrary();
const AR6 = getGwpSet('AR6');
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

// Factors (data year 2026 falls back to the latest published, 2023): Southern grid 0.4042 and the
// national residual mix 0.6096 tCO2/MWh; GB/T 32150 natural gas and diesel; IPCC CH4/N2O;
// AR6 GWP-100: CH4 fossil 29.8, N2O 273.
describe('reading → rollup figures', () => {
  it('electricity: location-based at the grid average, market-based at the residual mix', () => {
    const out = readingEmissions(meter({}), 1000, 2026, library, AR6);

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
    expect(out.factorRefs).toEqual([
      'mee-nbs.grid-average.CN-SOUTH.2023@1',
      expect.stringMatching(/residual/),
    ]);
    expect(out.gwpSet).toBe('AR6');
  });

  it('contracted green power is zero market-based but still counts location-based', () => {
    const out = readingEmissions(meter({ greenPower: true }), 1000, 2026, library, AR6);

    expect(out.figures.co2e_mg).toBe(404_200_000);
    expect(out.figures.co2eMarket_mg).toBe(0);
    expect(out.figures.scope2Market_mg).toBe(0);
  });

  it('natural gas in Nm3: scope 1 with CO2, CH4 and N2O weighted by AR6', () => {
    const out = readingEmissions(
      meter({ energyType: 'natural-gas', unit: 'Nm3', scope: 1 }),
      100_000,
      2026,
      library,
      AR6,
    );

    // 100 000 Nm3 = 10 × 10^4 Nm3 × 389.31 GJ = 3.8931 TJ; CO2 = 3.8931 × 15.3 × 0.99 × 44/12 = 216.2189 t
    expectSigFigs(tonnes(out.figures, 'g_CO2_mg'), 216.2189);
    // CH4 = 3.8931 kg, N2O = 0.38931 kg; CO2e = 216.2189 + 0.0038931×29.8 + 0.00038931×273 = 216.4412 t
    expect(out.figures.g_CH4_mg).toBe(3_893_100);
    expect(out.figures.g_N2O_mg).toBe(389_310);
    expectSigFigs(tonnes(out.figures, 'co2e_mg'), 216.4412);
    expect(Number.isSafeInteger(out.figures.co2e_mg)).toBe(true);
    expect(out.figures.scope1_mg).toBe(out.figures.co2e_mg);
    expect(out.figures.co2eMarket_mg).toBe(out.figures.co2e_mg);
    expect(out.figures['e_natural-gas_mg']).toBe(out.figures.co2e_mg);
    expect(out.figures['qc_natural-gas']).toBe(100_000_000_000); // 100 000 Nm3 in millionths
  });

  it('diesel in litres is turned into tonnes by the library density', () => {
    const out = readingEmissions(
      meter({ energyType: 'diesel', unit: 'L', scope: 1 }),
      1000,
      2026,
      library,
      AR6,
    );

    // 1 000 L × 0.8275 kg/L = 0.8275 t × 42.652 GJ/t = 35.29453 GJ = 0.03529453 TJ
    // CO2 = 0.03529453 × 20.2 × 0.98 × 44/12 = 2.561865 t; CH4 0.1058836 kg, N2O 0.0211767 kg
    // CO2e = 2.561865 + 0.0001058836×29.8 (0.0031553) + 0.0000211767×273 (0.0057812) = 2.570802 t
    expectSigFigs(tonnes(out.figures, 'co2e_mg'), 2.570802);
    expect(out.factorRefs).toContain('gb19147.density.diesel@1');
    // The quantity in the canonical unit of liquid fuels, tonnes, by the density the engine used
    expect(out.figures.qc_diesel).toBe(827_500); // 0.8275 t in millionths
  });

  it('a unit the energy type cannot take is a typed unit-mismatch, never a zero', () => {
    const wrong = meter({ energyType: 'natural-gas', unit: 'kWh', scope: 1 });
    expect(() => readingEmissions(wrong, 10, 2026, library, AR6)).toThrow(AccountingError);
    try {
      readingEmissions(wrong, 10, 2026, library, AR6);
    } catch (error) {
      expect((error as AccountingError).code).toBe('unit-mismatch');
    }
  });

  it('an energy type the engine has no activity for is unknown-activity', () => {
    const odd = meter({ energyType: 'plasma' as never });
    expect(() => readingEmissions(odd, 1, 2026, library, AR6)).toThrow(/no activity/);
  });

  it('spreads figures over the 12 rollup keys, and −1 undoes them exactly', () => {
    const out = readingEmissions(meter({}), 250, 2026, library, AR6);
    const periods = { hour: '2026-11-28T15', day: '2026-11-28', month: '2026-11' };

    const contributions = contributionsOf(meter({}), periods, out.figures);
    const undone = scaleFigures(out.figures, -1);

    expect(contributions).toHaveLength(12);
    expect(contributions.map((c) => c.key.pk)).toContain('ROLLUP#enterprise#ENT-T#day');
    for (const [name, value] of Object.entries(out.figures))
      expect(Number(undone[name] ?? 0) + Number(value)).toBe(0);
  });

  it('rounds each figure to its resolution before anything is summed', () => {
    // 1.2345678901234566e-18 kWh is far below a millionth of a kWh: a reading with zero figures
    const tiny = readingEmissions(meter({}), 1.2345678901234566e-18, 2026, library, AR6);
    expect(Object.values(tiny.figures).every((v) => v === 0)).toBe(true);
    // 0.0000025 kWh × 1e6 = 2.5 steps → 2 (ties to even); 1/3 kWh → 333 333 millionths
    expect(readingEmissions(meter({}), 2.5e-6, 2026, library, AR6).figures.qc_electricity).toBe(2);
    expect(readingEmissions(meter({}), 1 / 3, 2026, library, AR6).figures.qc_electricity).toBe(333_333);
    // MWh meters store kWh: 1 MWh = 1 000 kWh
    const mwh = readingEmissions(meter({ unit: 'MWh' }), 1, 2026, library, AR6);
    expect(mwh.figures.qc_electricity).toBe(1_000_000_000);
    expect(mwh.figures.co2e_mg).toBe(404_200_000);
  });
});
