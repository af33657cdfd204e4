import { describe, expect, it } from 'vitest';
import {
  denominatorOf,
  type IntensityEntity,
  intensityPeriodOf,
  rankByIntensity,
} from '../../../../shared/domain/carbon/rollups/intensity.ts';
import { canonicalEconomics } from '../../../../shared/domain/registry/economics.ts';

const figures = (co2eT: number) => ({ co2eT, co2eMarketT: co2eT, tce: co2eT / 2 });

describe('emission intensity', () => {
  it('takes value added first, else output value; a month gets a twelfth of the year', () => {
    const both = { '2026': { outputValue: 9000, valueAdded: 2400 } };
    expect(denominatorOf(both, '2026')).toEqual({ basis: 'valueAdded', year: '2026', tenThousandYuan: 2400 });
    expect(denominatorOf(both, '2026-03')).toEqual({
      basis: 'valueAdded',
      year: '2026',
      tenThousandYuan: 200,
    });
    expect(denominatorOf({ '2026': { outputValue: 1200 } }, '2026-01')?.basis).toBe('outputValue');
    // Another year's figure is not borrowed; days and hours have no intensity.
    expect(denominatorOf(both, '2025-12')).toBeUndefined();
    expect(denominatorOf(undefined, '2026')).toBeUndefined();
    expect(intensityPeriodOf('2026-11-28')).toBeUndefined();
    expect(intensityPeriodOf('2026-13')).toBeUndefined();
  });

  it('ranks the most intensive first, ties by id, and counts those without figures', () => {
    const entities: IntensityEntity[] = [
      { id: 'B', economics: { '2026': { valueAdded: 1200 } } },
      { id: 'A', name: '甲', economics: { '2026': { outputValue: 600 } } },
      { id: 'C', economics: { '2025': { valueAdded: 100 } } },
      { id: 'D' },
      { id: 'E', economics: { '2026': { valueAdded: 1200 } } },
    ];
    const ranking = rankByIntensity(
      entities,
      new Map([
        ['A', figures(10)],
        ['B', figures(20)],
        ['E', figures(20)],
      ]),
      '2026-11',
      10,
    );
    expect(ranking).toMatchObject({ ranked: 3, withoutEconomics: 2 });
    // A: 10 / 50 = 0.2; B and E: 20 / 100 = 0.2 — the tie goes by id
    expect(
      ranking.rows.map((row) => [row.rank, row.id, row.intensity.tCO2ePer10kYuan, row.intensity.basis]),
    ).toEqual([
      [1, 'A', 0.2, 'outputValue'],
      [2, 'B', 0.2, 'valueAdded'],
      [3, 'E', 0.2, 'valueAdded'],
    ]);
    expect(ranking.rows[0]?.name).toBe('甲');
    expect(rankByIntensity(entities, new Map(), '2026', 1).rows.map((row) => row.co2eT)).toEqual([0]);
  });

  it('puts yearly figures in one order, so a store that reorders a map changes nothing', () => {
    const shuffled = { '2026': { valueAdded: 2, outputValue: 5 }, '2024': { outputValue: 1 } };
    expect(JSON.stringify(canonicalEconomics(shuffled))).toBe(
      '{"2024":{"outputValue":1},"2026":{"outputValue":5,"valueAdded":2}}',
    );
  });
});
