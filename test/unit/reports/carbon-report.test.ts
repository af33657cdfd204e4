import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../../shared/domain/carbon/rollups/emission-series.ts';
import { buildCarbonReport, type CarbonReportInput } from '../../../shared/domain/reports/carbon-report.ts';

const rollup = (co2eT: number) =>
  figuresOf({
    co2eT,
    co2eMarketT: co2eT - 1,
    scope1T: co2eT / 4,
    scope2LocationT: (co2eT * 3) / 4,
    scope2MarketT: (co2eT * 3) / 4 - 1,
    e_electricityT: (co2eT * 3) / 4,
    'e_natural-gasT': co2eT / 4,
    g_CO2T: co2eT * 0.99,
    g_CH4T: 0.001,
    g_N2OT: 0.0001,
    // energy: 0.1229 tce per MWh of electricity; gas as its own figure (milligrams of coal equivalent)
    tce_mg: Math.round(co2eT * 1e8),
    tce_electricity_mg: Math.round(co2eT * 0.75e8),
    'tce_natural-gas_mg': Math.round(co2eT * 0.25e8),
    readings: 96,
  });

const input: CarbonReportInput = {
  kind: 'monthly',
  subject: { level: 'enterprise', id: 'ENT-0001', name: '青山精密制造' },
  period: '2026-11',
  previousPeriod: '2026-10',
  lastYearPeriod: '2025-11',
  current: rollup(120),
  previous: rollup(100),
  lastYear: figuresOf(undefined),
  series: [
    { label: '01', value: 4 },
    { label: '02', value: null },
  ],
  budget: { limitTonnes: 150, warningRatio: 0.8, period: '2026-11', usedTonnes: 120 },
  energyBudget: { limitTonnes: 16, warningRatio: 0.9, period: '2026-11', usedTonnes: 12 },
  topEmitters: [{ id: 'MTR-0001', name: '总表', co2eT: 90 }],
  completeness: { meters: 3, metersReporting: 2, offlineMeters: ['MTR-0003'], quarantined: 1 },
  generatedAt: '2026-12-01T00:10:00.000Z',
  timeZone: 'Asia/Shanghai',
};

describe('carbon report', () => {
  it('reads flat rollup attributes and treats a missing item as zeros', () => {
    expect(rollup(120)).toMatchObject({ co2eT: 120, energyTypes: { electricity: 90, 'natural-gas': 30 } });
    expect(figuresOf(undefined).co2eT).toBe(0);
  });

  it('states totals, trend and budget use in the JSON exactly as the rollups hold them', () => {
    const { json } = buildCarbonReport(input);
    expect(json.totals).toMatchObject({ co2eT: 120, scope1T: 30, scope2LocationT: 90 });
    expect(json.trend).toMatchObject({ changeVsPrevious: 0.2, changeVsLastYear: null });
    expect(json.budget).toMatchObject({ use: 0.8 });
  });

  it('reports energy consumption in tce beside carbon, with its own budget', () => {
    // 120 tCO2e ↔ 12 tce in this fixture: 9 tce electricity, 3 tce gas; previous month 10 tce
    const { json, csv, html } = buildCarbonReport(input);
    expect(json.energy).toEqual({
      unit: 'tce',
      tce: 12,
      byEnergyType: { electricity: 9, 'natural-gas': 3 },
      previousTce: 10,
      changeVsPrevious: 0.2,
      budget: { limitTonnes: 16, warningRatio: 0.9, period: '2026-11', usedTonnes: 12, use: 0.75 },
    });
    expect(csv).toContain('energy consumption,total,12,tce\r\n');
    expect(csv).toContain('energy consumption,electricity,9,tce\r\n');
    expect(csv).toContain('energy budget,limit 2026-11,16,tce\r\n');
    expect(html).toContain('本期综合能耗 12.000 tce');
    expect(html).toContain('能耗预算 16.000 tce，已用 12.000 tce（75.0%）');
  });

  it('writes a tidy CSV and an HTML page with its charts', () => {
    const { csv, html } = buildCarbonReport(input);
    expect(csv).toContain('total,co2e (location-based),120,tCO2e\r\n');
    expect(csv).toContain('energy,natural-gas,30,tCO2e');
    expect(html.match(/<svg /g)?.length).toBe(4);
    expect(html).toContain('环比 vs 2026-10: 20.0%');
    expect(html).toContain('离线 1 个（MTR-0003）');
  });
});
