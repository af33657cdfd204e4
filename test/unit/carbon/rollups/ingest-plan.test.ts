import { describe, expect, it } from 'vitest';
import { rollupItemKey } from '../../../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import {
  type ChunkPlan,
  type ChunkState,
  chunkReadings,
  MAX_BATCH_LOG,
  type PlanContext,
  planChunk,
  ReadingRejection,
} from '../../../../shared/domain/carbon/ingest/ingest-plan.ts';
import type { ReadingBatch } from '../../../../shared/domain/carbon/ingest/reading-batch.ts';
import { accountingFor } from '../../../support/accounting.ts';

const library = loadFactorLibrary();
const TZ = 'Asia/Shanghai';

const electricity = {
  id: 'MTR-E',
  enterpriseId: 'ENT-1',
  industryCode: 'C3311',
  energyType: 'electricity' as const,
  unit: 'kWh',
  readingKind: 'interval' as const,
  scope: 2 as const,
  gridRegion: 'CN-SOUTH',
  greenPower: false,
  expectedIntervalSeconds: 900,
};
const gas = {
  ...electricity,
  id: 'MTR-G',
  energyType: 'natural-gas' as const,
  unit: 'Nm3',
  readingKind: 'cumulative' as const,
  rolloverValue: 99_999_999,
  scope: 1 as const,
};

const batchOf = (meterId: string, readings: ReadingBatch['readings'], messageId = 'm-1'): ReadingBatch => ({
  meterId,
  messageId,
  clientId: meterId,
  receivedAt: '2026-11-28T08:00:00.000Z',
  readings,
});
const ctxOf = (meter: typeof electricity | typeof gas, batch: ReadingBatch): PlanContext => ({
  meter,
  batch,
  batchHandle: '88.118.8/batch.x',
  library,
  accounting: accountingFor(meter),
  timeZone: TZ,
});
const applied = (decision: ReturnType<typeof planChunk>): ChunkPlan => {
  if (decision.kind !== 'apply') throw new Error(`expected a plan, got ${decision.kind}`);
  return decision;
};
const rollup = (plan: ChunkPlan, pk: string, sk: string) =>
  plan.rollups.find((r) => rollupItemKey(r.key).pk === pk && r.key.period === sk)?.figures;
const ts = (iso: string) => Date.parse(iso);
const empty: ChunkState = { hours: [], read: true };

describe('chunking a message into transactions', () => {
  it('keeps a one-hour message in one chunk and splits a long one deterministically by hour', () => {
    // 12 readings 5 min apart from 00:00 UTC = 08:00–08:55 Shanghai: one local hour
    const hour = Array.from({ length: 12 }, (_, i) => ({
      ts: new Date(ts('2026-11-28T00:00:00Z') + i * 300_000).toISOString(),
      quantity: 1,
    }));
    expect(chunkReadings(hour, 'interval', TZ)).toEqual([{ hours: ['2026-11-28T08'], readings: hour }]);

    // 60 hourly readings over 3 local days: 4 keys per hour + 4 per day + 4 per month must fit 96 (interval)
    const long = Array.from({ length: 60 }, (_, i) => ({
      ts: new Date(ts('2026-11-28T00:00:00Z') + i * 3_600_000).toISOString(),
      quantity: 1,
    }));
    const chunks = chunkReadings([...long].reverse(), 'interval', TZ);
    const again = chunkReadings(long, 'interval', TZ);

    expect(chunks.map((c) => c.hours)).toEqual(again.map((c) => c.hours));
    expect(chunks.flatMap((c) => c.hours)).toHaveLength(60);
    // first chunk: 8 + 4 (1 month) + hours h: 4h + 4·days + 4 ≤ 96 → 21 hours spanning 2 days (4·21+8+4 = 96)
    expect(chunks[0]?.hours).toHaveLength(21);
    expect(chunks[0]?.hours[0]).toBe('2026-11-28T08');
  });
});

describe('planning an interval meter chunk', () => {
  it('12 readings of one hour write exactly the 12 rollup items, the meter hour carrying the marker', () => {
    const readings = Array.from({ length: 12 }, (_, i) => ({
      ts: new Date(ts('2026-11-28T00:00:00Z') + i * 300_000).toISOString(),
      quantity: 250,
    }));
    const batch = batchOf('MTR-E', readings);
    const [chunk] = chunkReadings(readings, 'interval', TZ);
    if (!chunk) throw new Error('no chunk');

    const plan = applied(planChunk(ctxOf(electricity, batch), chunk, { hours: [], read: false }));

    expect(plan.rollups).toHaveLength(12);
    // 12 × 250 kWh = 3 MWh × 0.4042 = 1.2126 t location; × 0.6096 = 1.8288 t market (in milligrams)
    const city = rollup(plan, 'ROLLUP#city#city#hour', '2026-11-28T08');
    expect(city).toMatchObject({
      co2e_mg: 1_212_600_000,
      co2eMarket_mg: 1_828_800_000,
      readings: 12,
      batches: 1,
      qc_electricity: 3000 * 1e6,
    });
    expect(plan.meterHours).toEqual([
      expect.objectContaining({ hour: '2026-11-28T08', marksMessage: true, lastReadingAt: readings[11]?.ts }),
    ]);
    expect(plan.meterHours[0]?.expectedVersion).toBeUndefined();
    expect(plan.checks).toEqual([]);
    expect(plan.factorRefs).toContainEqual(
      expect.stringMatching(/^mee-nbs\.grid-average\.CN-SOUTH\.2023@1#sha256:[0-9a-f]{64}$/),
    );
    // The batch log names how every figure was made: method, programmes, hashed refs, GWP set, tce
    // (12 × 250 kWh × 0.1229 kgce/kWh = 0.3687 tce), and the meter as accounted.
    expect(plan.meterHours[0]?.logEntry).toMatchObject({
      method: 'gbt-32150',
      programme: 'mee-nbs-regional',
      marketProgramme: 'mee-nbs-residual-mix',
      gwpSet: 'AR5',
      factorRefs: plan.factorRefs,
      co2eT: 1.2126,
      tce: 0.3687,
      activity: { energyType: 'electricity', unit: 'kWh', gridRegion: 'CN-SOUTH', greenPower: false },
    });
    expect(plan.meterHours[0]?.logEntry.deltas[0]).toMatchObject({
      quantity: 250,
      co2eT: 0.10105,
      tce: 0.030725,
    });
    expect(city?.tce_mg).toBe(368_700_000);
  });

  it('is a duplicate when its own hour already holds the message id, not when a neighbour does', () => {
    const readings = [{ ts: '2026-11-28T00:10:00Z', quantity: 1 }];
    const batch = batchOf('MTR-E', readings);
    const [chunk] = chunkReadings(readings, 'interval', TZ);
    if (!chunk) throw new Error('no chunk');
    const held = (hour: string) => ({ hour, version: 0, registers: [], messageIds: ['m-1'], logSize: 1 });

    expect(
      planChunk(ctxOf(electricity, batch), chunk, { hours: [held('2026-11-28T08')], read: true }),
    ).toEqual({
      kind: 'duplicate',
    });
    expect(
      planChunk(ctxOf(electricity, batch), chunk, { hours: [held('2026-11-28T07')], read: true }).kind,
    ).toBe('apply');
  });
  it('sends the batch-log entry to its own item once the hour already logs MAX_BATCH_LOG messages', () => {
    const readings = [{ ts: '2026-11-28T00:10:00Z', quantity: 1 }];
    const [chunk] = chunkReadings(readings, 'interval', TZ);
    if (!chunk) throw new Error('no chunk');
    const hour = (logSize: number) => ({
      hour: '2026-11-28T08',
      version: 0,
      registers: [],
      messageIds: ['x'],
      logSize,
    });

    const roomy = applied(
      planChunk(ctxOf(electricity, batchOf('MTR-E', readings)), chunk, { hours: [hour(99)], read: true }),
    );
    const full = applied(
      planChunk(ctxOf(electricity, batchOf('MTR-E', readings)), chunk, {
        hours: [hour(MAX_BATCH_LOG)],
        read: true,
      }),
    );

    expect(roomy.meterHours[0]?.logTo).toBe('item');
    expect(full.meterHours[0]?.logTo).toBe('overflow');
    expect(full.rollups).toHaveLength(12); // the figures still go to the meter-hour item
  });
});

describe('planning a cumulative register chunk', () => {
  it('counts across a rollover and bumps the earlier hour the first delta was measured from', () => {
    const before = {
      hour: '2026-11-28T07',
      version: 3,
      registers: [{ ts: ts('2026-11-27T23:50:00Z'), value: 99_999_990 }],
      messageIds: ['m-0'],
      logSize: 1,
    };
    const readings = [
      { ts: '2026-11-28T00:05:00Z', register: 5 },
      { ts: '2026-11-28T00:10:00Z', register: 20 },
    ];
    const batch = batchOf('MTR-G', readings);
    const [chunk] = chunkReadings(readings, 'cumulative', TZ);
    if (!chunk) throw new Error('no chunk');

    const plan = applied(planChunk(ctxOf(gas, batch), chunk, { hours: [before], read: true }));

    // 100 000 000 − 99 999 990 + 5 = 15 (rollover), then 20 − 5 = 15: 30 Nm3 in local hour 08
    expect(rollup(plan, 'ROLLUP#meter#MTR-G#hour', '2026-11-28T08')?.['qc_natural-gas']).toBe(30 * 1e6);
    expect(plan.meterHours).toEqual([
      expect.objectContaining({
        hour: '2026-11-28T08',
        expectedVersion: 0,
        registers: [
          { ts: ts('2026-11-28T00:05:00Z'), value: 5 },
          { ts: ts('2026-11-28T00:10:00Z'), value: 20 },
        ],
      }),
    ]);
    expect(plan.meterHours[0]?.logEntry.deltas.map((d) => [d.quantity, d.flag])).toEqual([
      [15, 'rollover'],
      [15, undefined],
    ]);
    // the earlier hour is bumped, and now links to the new one (register-links.ts)
    expect(plan.checks).toEqual([{ hour: '2026-11-28T07', version: 3, next: '2026-11-28T08' }]);
  });

  it('a reading days late splits the stored interval: its own hour gains, the next hour is corrected', () => {
    const earlier = {
      hour: '2026-11-20T10',
      version: 1,
      registers: [{ ts: ts('2026-11-20T02:00:00Z'), value: 100 }],
      messageIds: ['a'],
      logSize: 1,
    };
    const later = {
      hour: '2026-11-20T12',
      version: 2,
      registers: [{ ts: ts('2026-11-20T04:00:00Z'), value: 300 }],
      messageIds: ['b'],
      logSize: 1,
    };
    const readings = [{ ts: '2026-11-20T03:00:00Z', register: 250 }];
    const batch = batchOf('MTR-G', readings, 'late');
    const [chunk] = chunkReadings(readings, 'cumulative', TZ);
    if (!chunk) throw new Error('no chunk');

    const plan = applied(planChunk(ctxOf(gas, batch), chunk, { hours: [earlier, later], read: true }));

    // hour 11 gains 250 − 100 = 150; hour 12 had 300 − 100 = 200, now 300 − 250 = 50: net −150
    expect(rollup(plan, 'ROLLUP#meter#MTR-G#hour', '2026-11-20T11')?.['qc_natural-gas']).toBe(150 * 1e6);
    expect(rollup(plan, 'ROLLUP#meter#MTR-G#hour', '2026-11-20T12')?.['qc_natural-gas']).toBe(-150 * 1e6);
    // the day total is unchanged, exactly: the late reading only moves consumption between hours
    expect(rollup(plan, 'ROLLUP#meter#MTR-G#day', '2026-11-20')?.['qc_natural-gas']).toBe(0);
    // CO2e is rounded per part: the two new parts may differ from the old whole by a milligram
    expect(
      Math.abs(Number(rollup(plan, 'ROLLUP#meter#MTR-G#day', '2026-11-20')?.co2e_mg)),
    ).toBeLessThanOrEqual(1);
    expect(rollup(plan, 'ROLLUP#meter#MTR-G#day', '2026-11-20')?.readings).toBe(1);
    const correction = plan.meterHours.find((w) => w.hour === '2026-11-20T12');
    expect(correction).toMatchObject({
      marksMessage: false,
      expectedVersion: 2,
      logEntry: { correction: true },
    });
    expect(plan.checks).toEqual([{ hour: '2026-11-20T10', version: 1, next: '2026-11-20T11' }]);
  });

  it('quarantines a drop that a rollover would turn into an absurd quantity', () => {
    const before = {
      hour: '2026-11-28T07',
      version: 1,
      registers: [{ ts: ts('2026-11-27T23:50:00Z'), value: 5000 }],
      messageIds: [],
      logSize: 1,
    };
    const readings = [{ ts: '2026-11-28T00:05:00Z', register: 100 }];
    const [chunk] = chunkReadings(readings, 'cumulative', TZ);
    if (!chunk) throw new Error('no chunk');

    // 99 999 999 − 5 000 + 100 ≈ 1e8 Nm3 in 15 minutes, far above 200 000 Nm3 per hour
    expect(() =>
      planChunk(ctxOf(gas, batchOf('MTR-G', readings)), chunk, { hours: [before], read: true }),
    ).toThrow(ReadingRejection);
  });

  it('skips a register reading it already holds and records a conflicting one without counting it', () => {
    const here = {
      hour: '2026-11-28T08',
      version: 1,
      registers: [{ ts: ts('2026-11-28T00:05:00Z'), value: 10 }],
      messageIds: ['x'],
      logSize: 1,
    };
    const readings = [
      { ts: '2026-11-28T00:05:00Z', register: 10 },
      { ts: '2026-11-28T00:05:00Z', register: 11 },
    ];
    const [chunk] = chunkReadings(readings, 'cumulative', TZ);
    if (!chunk) throw new Error('no chunk');

    const plan = applied(
      planChunk(ctxOf(gas, batchOf('MTR-G', readings)), chunk, { ...empty, hours: [here] }),
    );

    expect(plan.accepted).toBe(0);
    expect(rollup(plan, 'ROLLUP#meter#MTR-G#hour', '2026-11-28T08')).toEqual({ batches: 1 });
    expect(plan.meterHours[0]?.logEntry.conflicts).toEqual(['2026-11-28T00:05:00.000Z']);
  });
});
