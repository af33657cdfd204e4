import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { DynamoIngestStore } from '../../shared/adapters/dynamodb/carbon/ingest-store.ts';
import { loadFactorLibrary } from '../../shared/domain/carbon/accounting/factors.ts';
import { type ReadingMeter, readingEmissions } from '../../shared/domain/carbon/rollups/reading-emissions.ts';
import { accountingFor, ON_2026_06_01 } from '../support/accounting.ts';
import { DecimalSum } from '../support/decimal-sum.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { emissionsOf, publishAs, quarantinedOn } from '../support/telemetry-client.ts';

/**
 * Issue 13's ingest defects, end to end over MQTT: sums that must stay exact, a reading DynamoDB
 * cannot hold, a register rollover, a bad message sent again and again, and units that must not mix.
 * Every figure is read back through `GET /emissions` (tonnes and canonical units, as clients see them).
 */
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const POWER: ReadingMeter = {
  id: 'MTR-X1',
  enterpriseId: 'ENT-X',
  industryCode: 'C3311',
  energyType: 'electricity',
  unit: 'kWh',
  scope: 2,
  gridRegion: 'CN-SOUTH',
  greenPower: false,
};
const PROCESS: ReadingMeter = {
  ...POWER,
  id: 'MTR-X2',
  energyType: 'process-emission',
  unit: 'tCO2e',
  scope: 1,
};
const one = (messageId: string, ts: string, quantity: unknown) => ({
  messageId,
  readings: [{ ts, quantity }],
});

describe('sums stay exact and keep accepting data', () => {
  it('a month of 4 999, 4 999, 1.2345678901234567e-18 (a double: …566e-18) and 5 kWh, then another meter, all count', async () => {
    // Act: MTR-0001 (ENT-0001) on four days of June 2026, then MTR-0005 (ENT-0002) in the same month
    await publishAs(t, 'MTR-0001', [
      one('awk-1', '2026-06-01T02:00:00Z', 4999),
      one('awk-2', '2026-06-02T02:00:00Z', 4999),
      one('awk-3', '2026-06-03T02:00:00Z', 1.2345678901234566e-18),
      one('awk-4', '2026-06-04T02:00:00Z', 5),
    ]);
    await publishAs(t, 'MTR-0005', [one('awk-other', '2026-06-05T02:00:00Z', 7)]);

    // Assess: every reading counted (the tiny one as a reading with a quantity below the resolution)
    const meter = await emissionsOf(t, 'supervisor', {
      level: 'meter',
      id: 'MTR-0001',
      period: '2026-06',
      granularity: 'month',
    });
    expect(meter.totals.readings).toBe(4);
    expect(meter.totals.quantities.electricity).toEqual({ value: 10_003, unit: 'kWh' });
    const city = await emissionsOf(t, 'supervisor', {
      level: 'city',
      period: '2026-06',
      granularity: 'month',
    });
    expect(city.totals.readings).toBe(5);
    expect(city.totals.quantities.electricity).toEqual({ value: 10_010, unit: 'kWh' });
    // 10 010 kWh × 0.4042 t/MWh (CN-SOUTH, 2023 factors) = 4.046042 t, to the gram
    expect(city.totals.co2eT).toBeCloseTo(4.046042, 6);
  });

  it('converts every meter to one unit per energy type before summing (kWh and MWh meters)', async () => {
    // Act: MTR-0001 reports kWh, MTR-0008 (ENT-0003) MWh, in the same local hour 2026-06-10T10
    await publishAs(t, 'MTR-0001', [one('mix-kwh', '2026-06-10T02:00:00Z', 600)]);
    await publishAs(t, 'MTR-0008', [one('mix-mwh', '2026-06-10T02:05:00Z', 1)]);

    // Assess: 600 kWh + 1 MWh = 1 600 kWh at every level above the meters
    const query = { period: '2026-06-10T10', granularity: 'hour' };
    const city = await emissionsOf(t, 'supervisor', { level: 'city', ...query });
    expect(city.totals.quantities.electricity).toEqual({ value: 1_600, unit: 'kWh' });
    const mwhMeter = await emissionsOf(t, 'supervisor', { level: 'meter', id: 'MTR-0008', ...query });
    expect(mwhMeter.totals.quantities.electricity).toEqual({ value: 1_000, unit: 'kWh' });
    expect(city.totals.co2eT).toBeCloseTo(1.6 * 0.4042, 6);
  });
});

describe('a bad reading never poisons its message', () => {
  it('quarantines a reading of 1e-200 by itself, naming it, and applies the rest of the message', async () => {
    await publishAs(t, 'MTR-0001', [
      {
        messageId: 'tiny-1',
        readings: [
          { ts: '2026-06-20T02:00:00Z', quantity: 10 },
          { ts: '2026-06-20T02:05:00Z', quantity: 1e-200 },
        ],
      },
    ]);

    const hour = await emissionsOf(t, 'supervisor', {
      level: 'meter',
      id: 'MTR-0001',
      period: '2026-06-20T10',
      granularity: 'hour',
    });
    expect(hour.totals.readings).toBe(1);
    expect(hour.totals.quantities.electricity?.value).toBe(10);
    const entries = (await quarantinedOn(t, today())).filter((e) => e.messageId === 'tiny-1');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ meterId: 'MTR-0001', reason: 'unrepresentable' });
    expect(entries[0]?.issues.map((i) => i.path)).toEqual(['/readings/1/quantity']);
  });

  it('counts a 6-digit register rolling over from 999 999 to 0 as one unit', async () => {
    // MTR-0004: 6-digit gas counter (rollover value 999 999); 999 998 → 999 999 → 0 → 1 is 3 Nm3
    await publishAs(t, 'MTR-0004', [
      {
        messageId: 'roll-1',
        readings: [
          { ts: '2026-06-21T02:00:00Z', register: 999_998 },
          { ts: '2026-06-21T02:15:00Z', register: 999_999 },
          { ts: '2026-06-21T02:30:00Z', register: 0 },
          { ts: '2026-06-21T02:45:00Z', register: 1 },
        ],
      },
    ]);

    const hour = await emissionsOf(t, 'supervisor', {
      level: 'meter',
      id: 'MTR-0004',
      period: '2026-06-21T10',
      granularity: 'hour',
    });
    expect(hour.totals.readings).toBe(4);
    expect(hour.totals.quantities['natural-gas']).toEqual({ value: 3, unit: 'Nm3' });
  });

  it('keeps one quarantine entry for a bad message received three times, counting the receipts', async () => {
    const negative = one('bad-thrice', '2026-06-22T02:00:00Z', -1);
    const shapeless = { readings: 'not a list', note: 'thrice' };

    await publishAs(t, 'MTR-0001', [negative, negative, negative, shapeless, shapeless, shapeless]);

    const entries = await quarantinedOn(t, today());
    const byId = entries.filter((e) => e.messageId === 'bad-thrice');
    expect(byId).toHaveLength(1);
    expect(byId[0]).toMatchObject({ reason: 'negative reading', receipts: 3 });
    const byPayload = entries.filter((e) => (e.original as { note?: string } | undefined)?.note === 'thrice');
    expect(byPayload).toHaveLength(1);
    expect(byPayload[0]).toMatchObject({ reason: 'invalid telemetry message', receipts: 3 });
  });
});

describe('DynamoDB Local keeps the exact sum of many awkward additions to one item', () => {
  it('adds 1 000 readings’ figures to one item, past 2^53, and reads the exact total back', async () => {
    // Prepare: the figures of awkward readings, as the ingest computes them, ADDed one transaction
    // each to one item (as 1 000 messages would ADD to the city hour); two readings of 9e6 t of
    // process emissions push the milligram total past 2^53, where only BigInt stays exact.
    const store = new DynamoIngestStore(t.dynamo, localTableName('carbon'));
    const key = { level: 'city', id: 'city', granularity: 'hour', period: '2026-06-30T10' } as const;
    const values = Array.from(
      { length: 1_000 },
      (_, i) => [4999, 1.2345678901234566e-18, 0.1, 1 / 3, 4999.999999999999, 5, 123.456789e-7][i % 7] ?? 0,
    );
    const expected = new Map<string, DecimalSum>();
    const add = async (meter: ReadingMeter, quantity: number) => {
      const { figures } = readingEmissions(
        meter,
        quantity,
        ON_2026_06_01,
        loadFactorLibrary(),
        accountingFor(meter),
      );
      for (const [name, value] of Object.entries(figures))
        expected.set(name, (expected.get(name) ?? new DecimalSum()).add(value));
      const outcome = await store.apply({
        writes: [{ key, figures, factorRefs: [] }],
        bumps: [],
        overflowLogs: [],
        origins: [],
        chunks: 1,
      });
      expect(outcome).toBe('applied');
    };

    // Act
    for (const quantity of values) await add(POWER, quantity);
    for (const quantity of [9_000_000, 9_000_000]) await add(PROCESS, quantity);

    // Assess: every attribute holds exactly the sum of what was added
    const item =
      (
        await t.dynamo.send(
          new GetCommand({
            TableName: localTableName('carbon'),
            Key: { pk: 'ROLLUP#city#city#hour', sk: '2026-06-30T10' },
          }),
        )
      ).Item ?? {};
    for (const [name, sum] of expected)
      expect(new DecimalSum().add(item[name] as number | bigint).toString(), name).toBe(sum.toString());
    expect(typeof item.co2e_mg).toBe('bigint');
  });
});
