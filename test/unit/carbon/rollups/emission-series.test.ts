import { describe, expect, it } from 'vitest';
import {
  breakdownsOf,
  fillSeries,
  sumFigures,
} from '../../../../shared/domain/carbon/rollups/emission-series.ts';

// Two hours of one enterprise: an electricity hour and a mixed hour (gas + electricity).
const hour09 = {
  pk: 'ROLLUP#enterprise#E1#hour',
  sk: '2026-11-28T09',
  co2eT: 0.4042,
  co2eMarketT: 0.2,
  scope2LocationT: 0.4042,
  scope2MarketT: 0.2,
  e_electricityT: 0.4042,
  g_CO2T: 0.4042,
  q_electricity: 1000,
  u_electricity: 'kWh',
  readings: 4,
  batches: 1,
};
const hour11 = {
  co2eT: 2.5,
  co2eMarketT: 2.5,
  scope1T: 2.1,
  scope2LocationT: 0.4,
  scope2MarketT: 0.4,
  'e_natural-gasT': 2.1,
  e_electricityT: 0.4,
  g_CO2T: 2.49,
  g_CH4T: 0.0002,
  'q_natural-gas': 1000,
  'u_natural-gas': 'Nm3',
  q_electricity: 989.6,
  u_electricity: 'kWh',
  readings: 6,
  batches: 2,
};

describe('fillSeries', () => {
  it('gives every period, zeros where no rollup exists, with the rollup figures', () => {
    const items = new Map<string, Record<string, unknown>>([
      ['2026-11-28T09', hour09],
      ['2026-11-28T11', hour11],
    ]);
    const series = fillSeries(['2026-11-28T09', '2026-11-28T10', '2026-11-28T11'], items);
    expect(series.map((point) => point.period)).toEqual(['2026-11-28T09', '2026-11-28T10', '2026-11-28T11']);
    expect(series[1]).toMatchObject({ co2eT: 0, readings: 0, energyTypes: {}, gases: {} });
    expect(series[0]).toMatchObject({
      co2eT: 0.4042,
      scope1T: 0,
      energyTypes: { electricity: 0.4042 },
      quantities: { electricity: { value: 1000, unit: 'kWh' } },
      readings: 4,
    });
    expect(series[2]?.gases).toEqual({ CO2: 2.49, CH4: 0.0002 });
    expect(series[2]?.energyTypes).toEqual({ 'natural-gas': 2.1, electricity: 0.4 });
    expect(series[0]).not.toHaveProperty('pk');
  });
});

describe('totals and breakdowns', () => {
  const total = sumFigures(
    fillSeries(
      ['a', 'b'],
      new Map<string, Record<string, unknown>>([
        ['a', hour09],
        ['b', hour11],
      ]),
    ),
  );

  it('sums every figure', () => {
    // 0.4042 + 2.5 = 2.9042; market 0.2 + 2.5 = 2.7; electricity kWh 1000 + 989.6 = 1989.6
    expect(total.co2eT).toBe(2.9042);
    expect(total.co2eMarketT).toBe(2.7);
    expect(total.scope1T).toBe(2.1);
    expect(total.scope2LocationT).toBe(0.8042);
    expect(total.quantities.electricity).toEqual({ value: 1989.6, unit: 'kWh' });
    expect(total.readings).toBe(10);
    expect(total.batches).toBe(3);
  });

  it('breaks the total down by scope, energy type (largest first) and gas', () => {
    const breakdowns = breakdownsOf(total);
    // shares of 2.9042: scope 1 2.1 → 0.72309…, scope 2 location 0.8042 → 0.27691…
    expect(breakdowns.byScope[0]).toMatchObject({ scope: 'scope1', tCO2e: 2.1 });
    expect(breakdowns.byScope[0]?.share).toBeCloseTo(0.723091, 5);
    expect(breakdowns.byScope[1]?.share).toBeCloseTo(0.276909, 5);
    // market-based scope 2 (0.2 + 0.4 = 0.6) of the market-based total 2.7 → 0.22222…
    expect(breakdowns.byScope[2]).toMatchObject({ scope: 'scope2Market', tCO2e: 0.6 });
    expect(breakdowns.byScope[2]?.share).toBeCloseTo(0.222222, 5);
    expect(breakdowns.byEnergyType.map((row) => row.energyType)).toEqual(['natural-gas', 'electricity']);
    expect(breakdowns.byEnergyType[0]).toMatchObject({ tCO2e: 2.1, quantity: 1000, unit: 'Nm3' });
    expect(breakdowns.byEnergyType[1]?.tCO2e).toBe(0.8042);
    // 0.4042 + 2.49 = 2.8942 t CO2; N2O never recorded → 0
    expect(breakdowns.byGas).toEqual([
      { gas: 'CO2', tonnes: 2.8942 },
      { gas: 'CH4', tonnes: 0.0002 },
      { gas: 'N2O', tonnes: 0 },
    ]);
  });

  it('reads and sums energy in tce from fixed-point items, per energy type, with its shares', () => {
    // 1 000 kWh × 0.1229 kgce/kWh = 0.1229 tce; 1 000 Nm3 of gas 1.3284 tce (library NCV ÷ 29.3076)
    const power = { tce_mg: 122_900_000, tce_electricity_mg: 122_900_000, e_electricity_mg: 404_200_000 };
    const gas = {
      tce_mg: 1_328_358_515,
      'tce_natural-gas_mg': 1_328_358_515,
      'e_natural-gas_mg': 2_162_188_809,
    };
    const both = sumFigures(
      fillSeries(
        ['a', 'b', 'c'],
        new Map<string, Record<string, unknown>>([
          ['a', power],
          ['b', gas],
          ['c', hour09], // written before tce was counted: 0 tce
        ]),
      ),
    );

    expect(both.tce).toBe(1.451258515);
    expect(both.tceByEnergyType).toEqual({ electricity: 0.1229, 'natural-gas': 1.328358515 });
    const rows = breakdownsOf(both).byEnergyType;
    expect(rows.find((r) => r.energyType === 'electricity')).toMatchObject({ tce: 0.1229 });
    // 0.1229 / 1.451258515 = 0.084685…
    expect(rows.find((r) => r.energyType === 'electricity')?.tceShare).toBeCloseTo(0.084685, 5);
  });

  it('has zero shares, not NaN, for an empty total', () => {
    const empty = breakdownsOf(sumFigures([]));
    expect(empty.byScope.every((row) => row.share === 0)).toBe(true);
  });
});
