import { describe, expect, it } from 'vitest';

import { caseOfAlert, needsTextFallback } from '../../../web/src/console/carbon/alert-cases.ts';
import { intensityText } from '../../../web/src/console/carbon/labels.ts';

import {
  BUDGET_STATES,
  budgetState,
  type MapRow,
  pointsOf,
} from '../../../web/src/console/carbon/map-data.ts';

type CarbonAlert = Parameters<typeof caseOfAlert>[0];
type CaseView = Parameters<typeof caseOfAlert>[1][number];

const row = (id: string, co2eT: number, over: Partial<MapRow> = {}): MapRow => ({
  rank: 1,
  id,
  name: `企业 ${id}`,
  co2eT,
  co2eMarketT: co2eT,
  tce: co2eT / 2,
  industryCode: 'C3311',
  location: { latitude: 30.52, longitude: 114.31 },
  ...over,
});

describe('the district map’s points', () => {
  it('sizes by tCO2e, colours by budget state, and leaves enterprises without a place off the map', () => {
    const rows = [
      row('E1', 100, {
        budget: { period: '2026-11', metric: 'co2e', limitTonnes: 80, warningRatio: 0.8, use: 1.25 },
      }),
      row('E2', 25),
      row('E3', 50, { location: undefined }),
    ];
    const states = new Map(rows.map((r) => [r.id, budgetState(r.budget)]));
    const points = pointsOf(rows, states, 'budget');
    expect(points.map((p) => p.id)).toEqual(['E1', 'E2']);
    // Area in proportion: a quarter of the largest is half its diameter above the floor.
    expect(points.map((p) => p.size)).toEqual([40, 24]);
    expect(points[0]?.color).toBe(BUDGET_STATES.breach.color);
    expect(points[1]?.color).toBe(BUDGET_STATES.none.color);
    expect(points[0]?.tooltip).toEqual([
      '企业 E1',
      '行业：C3311（制造业）',
      '碳排放：100 tCO2e',
      '能耗：50 tce',
      '预算：已超预算',
    ]);
  });

  it('tells a budget at its warning ratio from one within it', () => {
    const use = (value: number) => ({
      period: '2026-11',
      metric: 'co2e' as const,
      limitTonnes: 1,
      warningRatio: 0.8,
      use: value,
    });
    expect([budgetState(use(0.5)), budgetState(use(0.8)), budgetState(use(1))]).toEqual([
      'ok',
      'warning',
      'breach',
    ]);
  });
});

describe('the automatic case of an alert', () => {
  const breach = (over: Partial<CarbonAlert> = {}): CarbonAlert => ({
    kind: 'budgetBreach',
    level: 'enterprise',
    targetId: 'ENT-0001',
    period: '2026-11',
    raisedAt: '2026-11-20T03:00:00.000Z',
    message: '企业 ENT-0001 2026-11 碳排放已超出预算',
    ...over,
  });
  const textual: CaseView = {
    id: 'by-text',
    title: '碳排放超预算：某公司 2026-11',
    description: '……编号 ENT-0001）2026-11 碳排放已达 …',
  };

  it('is the one the alert names, without reading the system’s cases', () => {
    const alert = breach({ caseId: 'by-id' });
    expect(needsTextFallback([alert])).toBe(false);
    expect(caseOfAlert(alert, [textual])?.id).toBe('by-id');
  });

  it('falls back to the case text only for a breach raised before alerts named their case', () => {
    expect(needsTextFallback([breach()])).toBe(true);
    expect(caseOfAlert(breach(), [textual])?.id).toBe('by-text');
    expect(caseOfAlert(breach({ kind: 'meterOffline' }), [textual])).toBeUndefined();
  });
});

describe('the intensity ranking’s rows', () => {
  it('say the figure each intensity is over', () => {
    expect(intensityText(1.23456, 'valueAdded')).toBe('1.235 tCO2e/万元（增加值）');
    expect(intensityText(0.05, 'outputValue')).toBe('0.050 tCO2e/万元（总产值）');
  });
});
