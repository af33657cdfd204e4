import { describe, expect, it } from 'vitest';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import {
  hoursOfPeriod,
  resolveRefs,
  type TraceBatch,
  type TracePorts,
  traceFigure,
} from '../../../../shared/domain/carbon/rollups/emission-trace.ts';
import { budgetUse, rankEmitters } from '../../../../shared/domain/carbon/rollups/rankings.ts';

describe('rankEmitters', () => {
  it('orders by location-based total, ties by id, zeros last, limited', () => {
    const items = new Map<string, Record<string, unknown>>([
      ['E3', { co2eT: 5, co2eMarketT: 4 }],
      ['E1', { co2eT: 9 }],
      ['E2', { co2eT: 5 }],
    ]);
    const rows = rankEmitters([{ id: 'E0' }, { id: 'E1' }, { id: 'E2' }, { id: 'E3' }], items, 3);
    expect(rows.map((row) => [row.rank, row.id, row.co2eT])).toEqual([
      [1, 'E1', 9],
      [2, 'E2', 5],
      [3, 'E3', 5],
    ]);
    expect(rows[2]?.co2eMarketT).toBe(4);
    expect(rankEmitters([{ id: 'E0' }], items, 5)[0]).toMatchObject({ id: 'E0', co2eT: 0 });
  });

  it('states budget use as total over limit', () => {
    const budget = {
      level: 'enterprise' as const,
      targetId: 'E1',
      period: '2026-11',
      metric: 'co2e' as const,
      limitTonnes: 12,
      warningRatio: 0.8,
      version: 1,
      updatedAt: '',
      updatedBy: '',
    };
    // 9 / 12 = 0.75
    expect(budgetUse({ co2eT: 9, tce: 3 }, budget)).toMatchObject({ use: 0.75, limitTonnes: 12 });
    // a tce budget of 4 tce: 3 / 4 = 0.75 of it
    expect(budgetUse({ co2eT: 9, tce: 3 }, { ...budget, metric: 'tce', limitTonnes: 4 })).toMatchObject({
      use: 0.75,
      metric: 'tce',
    });
  });
});

describe('trace', () => {
  it('covers a period with meter-hour sort keys', () => {
    expect(hoursOfPeriod('2026-11', 'month')).toEqual({
      firstHour: '2026-11-01T00',
      lastHour: '2026-11-31T23',
    });
    expect(hoursOfPeriod('2026-11-28', 'day')).toEqual({
      firstHour: '2026-11-28T00',
      lastHour: '2026-11-28T23',
    });
  });

  it('resolves factor versions and GWP sets, and says which refs it cannot', () => {
    const refs = resolveRefs(
      ['mee-nbs.grid-average.CN.2022@1', 'gwp:AR6', 'mee-nbs.grid-average.CN.2022@99', 'junk'],
      loadFactorLibrary(),
      (factor) => `H/${factor.id}-v${factor.version}`,
    );
    expect(refs.find((r) => r.ref === 'mee-nbs.grid-average.CN.2022@1')).toMatchObject({
      resolved: true,
      kind: 'factor',
      handle: 'H/mee-nbs.grid-average.CN.2022-v1',
    });
    expect(refs.find((r) => r.ref === 'gwp:AR6')).toMatchObject({ resolved: true, kind: 'gwp' });
    expect(refs.filter((r) => !r.resolved).map((r) => r.ref)).toEqual([
      'junk',
      'mee-nbs.grid-average.CN.2022@99',
    ]);
  });

  it('pages batches meter by meter and skips meters with nothing in the period', async () => {
    // Meter A has 3 hour pages of one entry each (nextKey chains them), B nothing, C one entry.
    const log: Record<string, TraceBatch[][]> = {
      A: [[batch('A', 'a1')], [batch('A', 'a2')], [batch('A', 'a3')]],
      C: [[batch('C', 'c1')]],
    };
    const queried: string[] = [];
    const ports: TracePorts<TraceBatch> = {
      metersOf: async () => [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
      readPeriod: async (level, ids) =>
        new Map(
          ids
            .filter((id) => level !== 'meter' || id !== 'B')
            .map((id) => [id, { co2eT: 1, readings: 1, factorRefs: new Set(['x@1']) }]),
        ),
      readBatchLog: async (meterId, _hours, page) => {
        queried.push(meterId);
        const index = Number(page.startKey?.i ?? 0);
        const pages = log[meterId] ?? [];
        return {
          items: pages[index] ?? [],
          ...(index + 1 < pages.length ? { nextKey: { i: index + 1 } } : {}),
        };
      },
    };
    const input = {
      level: 'enterprise' as const,
      id: 'E',
      granularity: 'month' as const,
      period: '2026-11',
      limit: 2,
    };
    const first = await traceFigure(ports, input);
    expect(first.meters.map((m) => m.meterId)).toEqual(['A', 'C']);
    expect(first.batches.map((b) => b.messageId)).toEqual(['a1', 'a2']);
    expect(first.refs).toContain('x@1');
    const second = await traceFigure(ports, { ...input, ...(first.cursor ? { cursor: first.cursor } : {}) });
    expect(second.batches.map((b) => b.messageId)).toEqual(['a3', 'c1']);
    expect(second.cursor).toBeUndefined();
    expect(queried).not.toContain('B');
  });
});

function batch(meterId: string, messageId: string): TraceBatch {
  return { meterId, hour: '2026-11-28T09', messageId, factorRefs: [] };
}
