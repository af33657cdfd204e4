import { describe, expect, it } from 'vitest';
import { rollupItemKey } from '../../../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import {
  type ChunkPlan,
  chunkReadings,
  type PlanContext,
  planChunk,
  ReadingRejection,
} from '../../../../shared/domain/carbon/ingest/ingest-plan.ts';
import {
  readingMessageId,
  readingRefusals,
} from '../../../../shared/domain/carbon/ingest/quarantine-records.ts';
import type { ReadingBatch } from '../../../../shared/domain/carbon/ingest/reading-batch.ts';
import type { PlausibleLimit } from '../../../../shared/domain/carbon/ingest/reading-checks.ts';
import { accountingFor } from '../../../support/accounting.ts';

/**
 * A bad value is refused by itself (issue 13): the reading goes to quarantine naming its index and
 * reason, the rest of its message is planned as if it had not been sent.
 */
const library = loadFactorLibrary();
const TZ = 'Asia/Shanghai';

const power = {
  id: 'MTR-E',
  enterpriseId: 'ENT-1',
  industryCode: 'C3311',
  energyType: 'electricity' as const,
  unit: 'MWh',
  readingKind: 'interval' as const,
  scope: 2 as const,
  gridRegion: 'CN-SOUTH',
  greenPower: false,
  expectedIntervalSeconds: 900,
};
const gas = {
  ...power,
  id: 'MTR-G',
  energyType: 'natural-gas' as const,
  unit: 'Nm3',
  readingKind: 'cumulative' as const,
  rolloverValue: 99_999_999,
  scope: 1 as const,
};

const plan = (
  meter: typeof power | typeof gas,
  readings: ReadingBatch['readings'],
  extra: Partial<PlanContext> = {},
  stored: { ts: string; value: number }[] = [],
) => {
  const batch = {
    meterId: meter.id,
    messageId: 'm-1',
    clientId: meter.id,
    receivedAt: '2026-11-28T08:00:00.000Z',
    readings,
  };
  const ctx: PlanContext = {
    meter,
    batch,
    batchHandle: 'h',
    library,
    accounting: accountingFor(meter),
    timeZone: TZ,
    ...extra,
  };
  const [chunk] = chunkReadings(readings, meter.readingKind, TZ);
  if (!chunk) throw new Error('no chunk');
  const hours = stored.length
    ? [
        {
          hour: '2026-11-28T07',
          version: 1,
          registers: stored.map((r) => ({ ts: Date.parse(r.ts), value: r.value })),
          messageIds: ['m-0'],
          logSize: 1,
        },
      ]
    : [];
  const decision = planChunk(ctx, chunk, { hours, read: stored.length > 0 });
  if (decision.kind !== 'apply') throw new Error(decision.kind);
  return decision;
};
const meterHour = (p: ChunkPlan, meterId: string) =>
  p.rollups.find((r) => rollupItemKey(r.key).pk === `ROLLUP#meter#${meterId}#hour`)?.figures ?? {};
const at = (minute: number) => `2026-11-28T00:${String(minute).padStart(2, '0')}:00Z`;

describe('a reading refused by itself', () => {
  it('quarantines 1e-200 naming its index; the others apply and the batch log leaves it out', () => {
    const p = plan(power, [
      { ts: at(0), quantity: 2 },
      { ts: at(5), quantity: 1e-200 },
      { ts: at(10), quantity: 3 },
    ]);

    expect(p.rejected).toEqual([
      expect.objectContaining({ index: 1, reason: 'unrepresentable', path: '/readings/1/quantity' }),
    ]);
    expect(p.accepted).toBe(2);
    expect(meterHour(p, 'MTR-E')).toMatchObject({ readings: 2, qc_electricity: 5_000 * 1e6 });
    expect(p.meterHours[0]?.logEntry.readings.map((r) => r.quantity)).toEqual([2, 3]);
  });

  it('keeps a positive reading below the resolution: counted, with figures of zero', () => {
    const p = plan(power, [{ ts: at(0), quantity: 1.2345678901234566e-18 }]);
    expect(p.rejected).toEqual([]);
    expect(meterHour(p, 'MTR-E')).toMatchObject({ readings: 1, qc_electricity: 0, co2e_mg: 0 });
  });

  it('refuses a reading above the meter capacity as implausible, naming the limit, unless overridden', () => {
    const limit: PlausibleLimit = { capacityPerHour: 20 };
    const readings = [
      { ts: at(0), quantity: 5 },
      { ts: at(15), quantity: 125 },
    ];

    const p = plan(power, readings, { limit });
    const reviewed = plan(power, readings, { limit, acceptImplausible: true });

    expect(p.rejected).toEqual([expect.objectContaining({ index: 1, reason: 'implausible' })]);
    expect(p.rejected[0]?.message).toMatch(/额定上限 20 MWh\/小时/);
    expect(meterHour(p, 'MTR-E').qc_electricity).toBe(5_000 * 1e6);
    expect(reviewed.rejected).toEqual([]);
    expect(meterHour(reviewed, 'MTR-E').qc_electricity).toBe(130_000 * 1e6);
  });

  it('compares with the history limit in the canonical unit (1 250 000 sent as MWh)', () => {
    const limit: PlausibleLimit = { historyPerHour: 20_000, historyDays: 30, canonicalUnit: 'kWh' };
    const p = plan(
      power,
      [
        { ts: at(0), quantity: 3 },
        { ts: at(15), quantity: 1_250_000 },
      ],
      { limit },
    );
    expect(p.rejected.map((r) => [r.index, r.reason])).toEqual([[1, 'absurd value']]);
    const q = plan(
      power,
      [
        { ts: at(0), quantity: 3 },
        { ts: at(15), quantity: 300 },
      ],
      { limit },
    );
    // 300 MWh = 300 000 kWh > 20 000 kWh/h: implausible for this meter, though below the absolute bound
    expect(q.rejected.map((r) => [r.index, r.reason])).toEqual([[1, 'implausible']]);
    expect(q.rejected[0]?.message).toMatch(/20000 kWh\/小时/);
  });

  it('refuses a register jump with its deltas; the next register measures from the last one kept', () => {
    const p = plan(
      gas,
      [
        { ts: at(5), register: 1_010 },
        { ts: at(10), register: 90_000_000 },
        { ts: at(15), register: 1_020 },
      ],
      {},
      [{ ts: '2026-11-27T23:50:00Z', value: 1_000 }],
    );

    expect(p.rejected.map((r) => [r.index, r.reason, r.path])).toEqual([
      [1, 'absurd value', '/readings/1/register'],
    ]);
    // 1 010 − 1 000 = 10, 1 020 − 1 010 = 10
    expect(meterHour(p, 'MTR-G')['qc_natural-gas']).toBe(20 * 1e6);
    expect(p.meterHours[0]?.registers?.map((r) => r.value)).toEqual([1_010, 1_020]);
  });

  it('refuses the whole message when every reading of it is refused', () => {
    expect(() =>
      plan(power, [
        { ts: at(0), quantity: 1e-200 },
        { ts: at(5), quantity: 9e9 },
      ]),
    ).toThrow(ReadingRejection);
    try {
      plan(power, [
        { ts: at(0), quantity: 1e-200 },
        { ts: at(5), quantity: 9e9 },
      ]);
    } catch (error) {
      expect((error as ReadingRejection).issues.map((i) => i.path)).toEqual([
        '/readings/0/quantity',
        '/readings/1/quantity',
      ]);
    }
  });
});

describe('quarantine entries of refused readings', () => {
  it('name the reading and narrow the original to it under its own message id', () => {
    const event = {
      messageId: 'm-1',
      meterId: 'MTR-E',
      clientId: 'MTR-E',
      receivedAt: 1,
      readings: [{ q: 1 }, { q: 2 }],
    };
    const now = new Date('2026-11-28T08:00:00Z');
    const rejection = {
      index: 1,
      ts: 0,
      reason: 'implausible' as const,
      path: '/readings/1/quantity',
      message: 'x',
    };

    const [record] = readingRefusals(event, now, { meterId: 'MTR-E', messageId: 'm-1' }, [rejection]);
    const [again] = readingRefusals(
      event,
      new Date('2026-11-29T08:00:00Z'),
      { meterId: 'MTR-E', messageId: 'm-1' },
      [rejection],
    );

    expect(record).toMatchObject({ messageId: 'm-1', readingIndex: 1, reason: 'implausible', delivery: '1' });
    expect(record?.original).toEqual({ ...event, messageId: 'm-1#r1', readings: [{ q: 2 }] });
    // The same reading another day keeps the same digest: one entry, more receipts.
    expect(record?.id.split('-')[1]).toBe(again?.id.split('-')[1]);
    expect(readingMessageId('x'.repeat(128), 3)).toMatch(/^[0-9a-f]{32}#r3$/);
  });
});
