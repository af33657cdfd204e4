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

    // 1 000 kWh = 1 MWh; × 0.4042 = 0.4042 t (location); × 0.6096 = 0.6096 t (market, no green power)
    expectSigFigs(out.figures.co2eT ?? Number.NaN, 0.4042);
    expectSigFigs(out.figures.co2eMarketT ?? Number.NaN, 0.6096);
    expect(out.figures).toMatchObject({ scope1T: 0, q_electricity: 1000, g_CO2T: out.figures.co2eT });
    expect(out.figures.scope2LocationT).toBe(out.figures.co2eT);
    expect(out.figures.scope2MarketT).toBe(out.figures.co2eMarketT);
    expect(out.figures.e_electricityT).toBe(out.figures.co2eT);
    expect(out.units).toEqual({ u_electricity: 'kWh' });
    expect(out.factorRefs).toEqual([
      'mee-nbs.grid-average.CN-SOUTH.2023@1',
      expect.stringMatching(/residual/),
    ]);
    expect(out.gwpSet).toBe('AR6');
  });

  it('contracted green power is zero market-based but still counts location-based', () => {
    const out = readingEmissions(meter({ greenPower: true }), 1000, 2026, library, AR6);

    expectSigFigs(out.figures.co2eT ?? Number.NaN, 0.4042);
    expect(out.figures.co2eMarketT).toBe(0);
    expect(out.figures.scope2MarketT).toBe(0);
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
    expectSigFigs(out.figures.g_CO2T ?? Number.NaN, 216.2189);
    // CH4 = 3.8931 kg, N2O = 0.38931 kg; CO2e = 216.2189 + 0.0038931×29.8 + 0.00038931×273 = 216.4412 t
    expectSigFigs(out.figures.g_CH4T ?? Number.NaN, 0.0038931);
    expectSigFigs(out.figures.co2eT ?? Number.NaN, 216.4412);
    expect(out.figures.scope1T).toBe(out.figures.co2eT);
    expect(out.figures.co2eMarketT).toBe(out.figures.co2eT);
    expect(out.figures['e_natural-gasT']).toBe(out.figures.co2eT);
    expect(out.units).toEqual({ 'u_natural-gas': 'Nm3' });
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
    expectSigFigs(out.figures.co2eT ?? Number.NaN, 2.570802);
    expect(out.factorRefs).toContain('gb19147.density.diesel@1');
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

    const contributions = contributionsOf(meter({}), periods, out.figures, out.units);
    const undone = scaleFigures(out.figures, -1);

    expect(contributions).toHaveLength(12);
    expect(contributions.map((c) => c.key.pk)).toContain('ROLLUP#enterprise#ENT-T#day');
    for (const [name, value] of Object.entries(out.figures)) expect((undone[name] ?? 0) + value).toBe(0);
  });
});
