import { describe, expect, it } from 'vitest';
import { historyLimit, PlausibleLimits } from '../../../../shared/domain/carbon/ingest/plausible-limits.ts';
import type { MeterRecord } from '../../../../shared/domain/registry/records.ts';

const meter = (over: Partial<MeterRecord> = {}) =>
  ({ id: 'MTR-S', energyType: 'steam-heat', unit: 'GJ', ...over }) as MeterRecord;

describe('plausible limits', () => {
  it('100 × the median hourly use of the recent days, once there are 7 of them', () => {
    expect(historyLimit([48, 48, 48, 48, 48, 48], 'GJ')).toBeUndefined();
    // median of 7 days = 48 GJ → 2 GJ an hour → 200 GJ an hour; a spike day does not move a median
    expect(historyLimit([48, 24, 48, 48, 4800, 72, 48], 'GJ')).toEqual({
      historyPerHour: 200,
      historyDays: 7,
      canonicalUnit: 'GJ',
    });
    expect(historyLimit([0, 0, 0, 0, 0, 0, 0], 'GJ')).toBeUndefined();
  });

  it('prefer the registered capacity, and ask the history once per meter per local day', async () => {
    const asked: string[][] = [];
    let now = new Date('2026-12-06T02:00:00Z'); // 2026-12-06 10:00 in Shanghai
    const limits = new PlausibleLimits(
      {
        dailyUse: async (_meter, first, last) => {
          asked.push([first, last]);
          return Array(10).fill(48);
        },
      },
      'Asia/Shanghai',
      () => now,
    );

    expect(await limits.limitFor(meter({ maxPerHour: 5 }))).toEqual({ capacityPerHour: 5 });
    expect((await limits.limitFor(meter()))?.historyPerHour).toBe(200);
    await limits.limitFor(meter());
    now = new Date('2026-12-06T17:00:00Z'); // the next local day
    await limits.limitFor(meter());

    expect(asked).toEqual([
      ['2026-11-06', '2026-12-05'],
      ['2026-11-07', '2026-12-06'],
    ]);
  });
});
