import { describe, expect, it } from 'vitest';
import {
  type EmissionFigures,
  sumFigures,
  zeroFigures,
} from '../../../../shared/domain/carbon/rollups/emission-series.ts';
import {
  withholdSeries,
  withholdSmallCells,
} from '../../../../shared/domain/carbon/rollups/minimum-count.ts';

/** An enterprise's figures: electricity and/or diesel tonnes (scope 2 / scope 1, CO2 only). */
const ent = (electricity: number, diesel = 0): EmissionFigures => ({
  ...zeroFigures(),
  co2eT: electricity + diesel,
  co2eMarketT: electricity + diesel,
  scope1T: diesel,
  scope2LocationT: electricity,
  scope2MarketT: electricity,
  energyTypes: {
    ...(electricity ? { electricity } : {}),
    ...(diesel ? { diesel } : {}),
  },
  gases: { CO2: electricity + diesel },
  quantities: electricity ? { electricity: { value: electricity * 1000, unit: 'kWh' } } : {},
});
const city = (...parts: EmissionFigures[]) => sumFigures(parts);
const byId = (...parts: EmissionFigures[]) => new Map(parts.map((figures, i) => [`E${i + 1}`, figures]));

describe('minimum-count rule', () => {
  it('leaves cells of 3 or more enterprises as they are', () => {
    const parts = [ent(1, 1), ent(2, 2), ent(3, 3)];
    const { figures } = withholdSmallCells(city(...parts), byId(...parts));
    expect(figures.energyTypes).toEqual({ electricity: 6, diesel: 6 });
    expect(figures.scope1T).toBe(6);
    expect(figures.withheld).toBeUndefined();
  });

  it('merges a small cell and, since other would be that cell alone, the next one too', () => {
    const parts = [ent(1, 5), ent(2), ent(3)];
    const { figures } = withholdSmallCells(city(...parts), byId(...parts));
    // diesel is E1's alone; other = diesel would be total − electricity, so electricity joins it
    expect(figures.energyTypes).toEqual({ other: 11 });
    expect(figures.quantities).toEqual({});
    expect(figures.withheld).toEqual(['scope1T', 'scope2LocationT', 'scope2MarketT']);
    expect(figures.scope1T).toBeUndefined();
  });

  it('merges the tce of a small energy-type cell with it, and counts an enterprise by its tce too', () => {
    // coke: E1 only, and only as energy (no CO2e figure stored for it yet, as an old item could be)
    const withCoke = { ...ent(1), tce: 5, tceByEnergyType: { electricity: 0.5, coke: 4.5 } };
    const plain = (t: number) => ({ ...ent(t), tce: t / 2, tceByEnergyType: { electricity: t / 2 } });
    const parts = [withCoke, plain(2), plain(3)];
    const { figures } = withholdSmallCells(city(...parts), byId(...parts));

    // coke is E1's alone → other; other would be coke alone, so electricity joins it
    // electricity 0.5 + 1 + 1.5 = 3, coke 4.5: all of 7.5 tce in other; the total stays public
    expect(figures.tceByEnergyType).toEqual({ other: 7.5 });
    expect(figures.tce).toBe(7.5);
  });

  it('keeps the cells beside an other of 3 enterprises', () => {
    // gas at E1+E2, diesel at E3: two small cells that together hold three enterprises
    const gas = (t: number) => ({ ...ent(1), energyTypes: { electricity: 1, 'natural-gas': t } });
    const parts = [gas(2), gas(3), ent(1, 4)];
    const total = city(...parts);
    const { figures } = withholdSmallCells(total, byId(...parts));
    expect(figures.energyTypes).toEqual({ electricity: 3, other: 9 });
    expect(figures.quantities).toEqual({ electricity: { value: 3000, unit: 'kWh' } });
  });

  it('merges in the totals whatever any period merged, so periods cannot be subtracted from them', () => {
    // Period 1: diesel at E1 only → merged. Period 2: diesel at E1, E2, E3 → shown.
    // Over both, diesel has 3 enterprises, yet the total shows it only merged.
    const p1 = [ent(1, 1), ent(1), ent(1)];
    const p2 = [ent(1, 1), ent(1, 1), ent(1, 1)];
    const points = [
      { period: 'p1', ...city(...p1) },
      { period: 'p2', ...city(...p2) },
    ];
    const perEnterprise = new Map(
      ['E1', 'E2', 'E3'].map((id, i) => [
        id,
        new Map([
          ['p1', p1[i] ?? zeroFigures()],
          ['p2', p2[i] ?? zeroFigures()],
        ]),
      ]),
    );

    const { series, totals } = withholdSeries(points, sumFigures(points), perEnterprise);

    expect(series[0]?.energyTypes).toEqual({ other: 4 });
    expect(series[1]?.energyTypes).toEqual({ electricity: 3, diesel: 3 });
    expect(totals.energyTypes).toEqual({ other: 10 });
    expect(totals.withheld).toEqual(['scope1T', 'scope2LocationT', 'scope2MarketT']);
  });
});
