import { describe, expect, it } from 'vitest';
import {
  judgeHour,
  median,
  medianAbsoluteDeviation,
  projectMonthEnd,
} from '../../../../shared/domain/carbon/anomalies/anomaly.ts';

describe('robust statistics', () => {
  it('median and MAD by hand', () => {
    // sorted 1 2 3 4 100 → median 3; deviations 2 1 0 1 97 → sorted 0 1 1 2 97 → MAD 1
    expect(median([3, 1, 100, 2, 4])).toBe(3);
    expect(medianAbsoluteDeviation([3, 1, 100, 2, 4])).toBe(1);
    expect(median([1, 2, 3, 4])).toBe(2.5);
  });
});

describe('judging an hour against the same hour in earlier weeks', () => {
  const history = [1.0, 1.1, 0.9, 1.05, 0.95];

  it('flags a spike', () => {
    // median 1.0; deviations .1 .1 .05 .05 0 → MAD .05 → σ ≈ 0.0741; 3.0 is z ≈ 27
    const anomaly = judgeHour({ current: 3, sameHourHistory: history, recentHours: [1, 1.1, 3] });
    expect(anomaly?.kind).toBe('spike');
    expect(anomaly?.expected).toBe(1);
    expect(anomaly?.score).toBeCloseTo(2 / (1.4826 * 0.05), 1);
  });

  it('is not fooled by one earlier spike in the history', () => {
    const spiky = [1.0, 1.1, 0.9, 9, 0.95];
    expect(judgeHour({ current: 3, sameHourHistory: spiky, recentHours: [3] })?.kind).toBe('spike');
    expect(judgeHour({ current: 1.05, sameHourHistory: spiky, recentHours: [1.05] })).toBeUndefined();
  });

  it('flags a drop to zero only for a meter that normally runs at that hour', () => {
    expect(judgeHour({ current: 0, sameHourHistory: history, recentHours: [1, 0] })?.kind).toBe('dropToZero');
    const weekendIdle = [0, 0, 0, 1.2];
    expect(judgeHour({ current: 0, sameHourHistory: weekendIdle, recentHours: [0] })).toBeUndefined();
  });

  it('flags a flat line of identical hours', () => {
    const recentHours = [1.2, 1.02, 1.02, 1.02, 1.02, 1.02, 1.02];
    expect(judgeHour({ current: 1.02, sameHourHistory: history, recentHours })).toMatchObject({
      kind: 'flatLine',
      score: 6,
    });
    expect(
      judgeHour({ current: 1.02, sameHourHistory: history, recentHours: recentHours.slice(2) }),
    ).toBeUndefined();
  });

  it('does not judge without enough history', () => {
    expect(judgeHour({ current: 50, sameHourHistory: [1, 1], recentHours: [50] })).toBeUndefined();
  });
});

describe('month-end projection', () => {
  it('extrapolates the month-to-date rate and compares with the budget', () => {
    // 10 days of a 30-day month: 120 t → 360 t projected; budget 300 t → 120 %
    const projection = projectMonthEnd(120, 240, 720, 300);
    expect(projection?.projectedTonnes).toBeCloseTo(360, 6);
    expect(projection?.budgetUse).toBeCloseTo(1.2, 6);
    expect(projection?.projectedBreach).toBe(true);
    expect(projectMonthEnd(120, 240, 720, 400)?.projectedBreach).toBe(false);
  });

  it('says nothing in the first day of the month', () => {
    expect(projectMonthEnd(5, 12, 720, 300)).toBeUndefined();
  });
});
