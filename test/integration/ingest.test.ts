import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_STAGE, localTableName } from '../../infra/local/environment.ts';
import { DynamoBudgetStore } from '../../shared/adapters/dynamodb/carbon/budget-store.ts';
import { DynamoIngestStore } from '../../shared/adapters/dynamodb/carbon/ingest-store.ts';
import {
  ingestWriteMetrics,
  resetIngestWriteMetrics,
} from '../../shared/adapters/dynamodb/carbon/ingest-write-metrics.ts';
import { DynamoDeviceCredentialStore } from '../../shared/adapters/dynamodb/device-credential-store.ts';
import type { IngestDependencies } from '../../shared/application/carbon/ingest-dependencies.ts';
import { ingestTelemetry } from '../../shared/application/carbon/ingest-message.ts';
import { telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import type { TransactionPlan } from '../../shared/domain/carbon/ingest/transaction-plan.ts';
import { directIngestDeps } from '../support/ingest-deps.ts';
import { eventually, startTestStack, type TestStack } from '../support/local-stack.ts';
import { readableRollup } from '../support/rollup-view.ts';

let t: TestStack;
const carbon = localTableName('carbon');

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

// Per-unit emissions (GB/T 32150: combustion CO2 only; data year 2026 falls back to the 2023
// factors), worked in test/unit/carbon/rollups/reading-emissions.test.ts:
//   electricity CN-SOUTH 0.4042 t/MWh (location), 0.6096 t/MWh (market, national residual mix)
//   natural gas 216.2188809 t per 100 000 Nm3 = 0.002162188809 t/Nm3
//   diesel 2.5618652 t per 1 000 L = 0.0025618652 t/L
const GAS_T_PER_NM3 = 216.2188809 / 100_000;
const DIESEL_T_PER_L = 2.561865224893334 / 1000;
const KWH_T = 0.4042 / 1000;

const publish = async (meterId: string, messages: unknown[]) => {
  const device = t.stack.devices.find((d) => d.meterId === meterId);
  if (device === undefined) throw new Error(`no seeded device for ${meterId}`);
  const client = await mqtt.connectAsync(t.stack.urls.mqtt, {
    clientId: meterId,
    username: meterId,
    password: device.secret,
    protocolVersion: 4,
    reconnectPeriod: 0,
  });
  for (const message of messages) {
    await client.publishAsync(telemetryTopic(LOCAL_STAGE, meterId), JSON.stringify(message), { qos: 1 });
  }
  await client.endAsync();
  await t.stack.ruleEngine.idle();
};

const rollup = async (level: string, id: string, gran: string, period: string) => {
  const result = await t.dynamo.send(
    new GetCommand({ TableName: carbon, Key: { pk: `ROLLUP#${level}#${id}#${gran}`, sk: period } }),
  );
  return readableRollup(result.Item);
};

const alert = async (sk: string) => {
  const result = await t.dynamo.send(
    new GetCommand({ TableName: carbon, Key: { pk: 'ALERT#enterprise#ENT-0001', sk } }),
  );
  return result.Item;
};

/** The use case wired to the stack's DynamoDB, for what MQTT cannot stage (races, a crash between chunks). */
const directDeps = (over: Partial<IngestDependencies> = {}): IngestDependencies => directIngestDeps(t, over);
const ruleEvent = (meterId: string, message: { messageId: string; readings: unknown[] }) => ({
  ...message,
  meterId,
  clientId: meterId,
  receivedAt: Date.now(),
});

// Local hour 2026-11-20T10 in Shanghai is 02:00–02:59 UTC.
const electricityA = {
  messageId: 'e-20-10',
  // 12 readings 5 minutes apart: 100, 110, … 210 kWh → 12 × 100 + 10 × (0 + … + 11) = 1 860 kWh
  readings: Array.from({ length: 12 }, (_, i) => ({
    ts: `2026-11-20T02:${String(i * 5).padStart(2, '0')}:00Z`,
    quantity: 100 + 10 * i,
  })),
};
const gasA = {
  messageId: 'g-20-10',
  readings: [
    { ts: '2026-11-20T02:00:00Z', register: 99_999_900 },
    { ts: '2026-11-20T02:15:00Z', register: 99_999_950 },
    { ts: '2026-11-20T02:30:00Z', register: 99_999_990 },
    { ts: '2026-11-20T02:45:00Z', register: 40 },
  ],
};
const gasB = {
  messageId: 'g-20-11',
  readings: [
    { ts: '2026-11-20T03:00:00Z', register: 100 },
    { ts: '2026-11-20T03:30:00Z', register: 160 },
  ],
};
const dieselA = {
  messageId: 'd-20-10',
  readings: [
    { ts: '2026-11-20T02:10:00Z', quantity: 100 },
    { ts: '2026-11-20T02:40:00Z', quantity: 150 },
    { ts: '2026-11-20T02:50:00Z', quantity: 250 },
  ],
};

describe('telemetry over MQTT → rollups, exactly once', () => {
  it('sums electricity, gas across a rollover and diesel into every level, whatever the order and repeats', async () => {
    // Act: gas hour 11 before hour 10, every message three times, interleaved
    await publish('MTR-0002', [gasB, gasA, gasB, gasA]);
    await publish('MTR-0001', [electricityA, electricityA]);
    await publish('MTR-0003', [dieselA]);
    await publish('MTR-0002', [gasA, gasB]);
    await publish('MTR-0003', [dieselA, dieselA]);
    await publish('MTR-0001', [electricityA]);

    // Assess — electricity: 1 860 kWh = 1.86 MWh × 0.4042 = 0.751812 t; market 1.86 × 0.6096 = 1.133856 t
    const eHour = await rollup('meter', 'MTR-0001', 'hour', '2026-11-20T10');
    expect(eHour.q_electricity).toBe(1860);
    expect(eHour.co2eT).toBeCloseTo(0.751812, 6);
    expect(eHour.co2eMarketT).toBeCloseTo(1.133856, 6);
    expect(eHour).toMatchObject({ readings: 12, batches: 1, u_electricity: 'kWh' });
    expect([...(eHour.factorRefs as Set<string>)]).toContainEqual(
      expect.stringMatching(/^mee-nbs\.grid-average\.CN-SOUTH\.2023@1#sha256:/),
    );
    expect(eHour.lastReadingAt).toBe('2026-11-20T02:55:00Z');

    // gas hour 10: first reading opens; 99 999 950 − 99 999 900 = 50; 40; rollover 100 000 000 − 99 999 990 + 40 = 50
    //   → 140 Nm3 × 0.002162188809 = 0.302706433 t
    // gas hour 11: 100 − 40 = 60 (measured from the hour-10 register), 160 − 100 = 60 → 120 Nm3 = 0.259729412 t
    const gHour10 = await rollup('meter', 'MTR-0002', 'hour', '2026-11-20T10');
    const gHour11 = await rollup('meter', 'MTR-0002', 'hour', '2026-11-20T11');
    expect(gHour10['q_natural-gas']).toBeCloseTo(140, 6);
    expect(gHour11['q_natural-gas']).toBeCloseTo(120, 6);
    expect(gHour10.co2eT).toBeCloseTo(140 * GAS_T_PER_NM3, 6);
    expect(gHour10.readings).toBe(4);
    expect(gHour11.readings).toBe(2);

    // diesel: 100 + 150 + 250 = 500 L × 0.0025618652 = 1.2809326 t; quantity in tonnes (canonical):
    // 500 L × 0.8275 kg/L = 0.41375 t
    const dHour = await rollup('meter', 'MTR-0003', 'hour', '2026-11-20T10');
    expect(dHour).toMatchObject({ q_diesel: 0.41375, u_diesel: 't' });
    expect(dHour.co2eT).toBeCloseTo(500 * DIESEL_T_PER_L, 6);

    // ENT-0001 (C3311) = electricity + diesel: 0.751812 + 1.2809326 = 2.0327446 t; scope 1 = diesel only
    const enterprise = await rollup('enterprise', 'ENT-0001', 'hour', '2026-11-20T10');
    expect(enterprise.co2eT).toBeCloseTo(1860 * KWH_T + 500 * DIESEL_T_PER_L, 6);
    expect(enterprise.scope1T).toBeCloseTo(500 * DIESEL_T_PER_L, 6);
    expect(enterprise.scope2LocationT).toBeCloseTo(1860 * KWH_T, 6);
    expect(await rollup('industry', 'C3311', 'hour', '2026-11-20T10')).toMatchObject({
      co2eT: enterprise.co2eT,
    });
    // city hour 10 = all three: 0.751812 + 1.2809326 + 0.3027064 = 2.3354510 t
    const city = await rollup('city', 'city', 'hour', '2026-11-20T10');
    expect(city.co2eT).toBeCloseTo(1860 * KWH_T + 500 * DIESEL_T_PER_L + 140 * GAS_T_PER_NM3, 6);
    // GB/T 32150 counts combustion as CO2 only: no CH4 or N2O in the official figure
    expect(city.g_CO2T).toBeCloseTo(city.co2eT as number, 6);
    expect(city.g_CH4T).toBeUndefined();
    // day and month carry the same sums; gas day = 140 + 120 = 260 Nm3
    const gDay = await rollup('meter', 'MTR-0002', 'day', '2026-11-20');
    expect(gDay['q_natural-gas']).toBeCloseTo(260, 6);
    const cityMonth = await rollup('city', 'city', 'month', '2026-11');
    expect(cityMonth.co2eT).toBeGreaterThanOrEqual(city.co2eT as number);
  });

  it('counts a reading that arrives days late in its own hour, and a late register splits the interval', async () => {
    // electricity from 2026-11-15 11:10 local (03:10Z), published now: 500 kWh × 0.0004042 = 0.2021 t
    await publish('MTR-0001', [
      { messageId: 'e-late', readings: [{ ts: '2026-11-15T03:10:00Z', quantity: 500 }] },
    ]);
    expect((await rollup('meter', 'MTR-0001', 'hour', '2026-11-15T11')).co2eT).toBeCloseTo(0.2021, 6);

    // gas: 400 at 14:00 local adds 400 − 160 = 240 in hour 14; then a late 250 at 12:10 local splits
    // 160 → 400 into 90 (hour 12) and 150 (hour 14): hour 14 is corrected by −90, the day keeps 260 + 240
    await publish('MTR-0002', [
      { messageId: 'g-20-14', readings: [{ ts: '2026-11-20T06:00:00Z', register: 400 }] },
    ]);
    await publish('MTR-0002', [
      { messageId: 'g-20-12-late', readings: [{ ts: '2026-11-20T04:10:00Z', register: 250 }] },
    ]);

    expect((await rollup('meter', 'MTR-0002', 'hour', '2026-11-20T12'))['q_natural-gas']).toBeCloseTo(90, 6);
    const hour14 = await rollup('meter', 'MTR-0002', 'hour', '2026-11-20T14');
    expect(hour14['q_natural-gas']).toBeCloseTo(150, 6);
    expect(hour14.co2eT).toBeCloseTo(150 * GAS_T_PER_NM3, 6);
    expect((await rollup('meter', 'MTR-0002', 'day', '2026-11-20'))['q_natural-gas']).toBeCloseTo(500, 6);
  });
});

describe('budget check after the ingest commits', () => {
  it('raises one warning and one breach for an enterprise month, however many messages follow', async () => {
    // Prepare: ENT-0001 may emit 1 t in 2026-10, warning at 80 %
    await new DynamoBudgetStore(t.dynamo, carbon).putBudget(
      {
        level: 'enterprise',
        targetId: 'ENT-0001',
        period: '2026-10',
        metric: 'co2e',
        limitTonnes: 1,
        warningRatio: 0.8,
        updatedAt: new Date().toISOString(),
        updatedBy: 'test',
      },
      undefined,
    );

    // Act: 350 L of diesel = 0.8998 t (≥ 0.8 warning), then 100 L more = 1.1569 t (≥ 1 breach), then 10 L
    await publish('MTR-0003', [
      { messageId: 'b-1', readings: [{ ts: '2026-10-10T02:00:00Z', quantity: 350 }] },
    ]);
    const warning = await alert('budgetWarning#2026-10');
    expect(warning).toMatchObject({ value: expect.closeTo(350 * DIESEL_T_PER_L, 9) });
    expect(await alert('budgetBreach#2026-10')).toBeUndefined();
    await publish('MTR-0003', [
      { messageId: 'b-2', readings: [{ ts: '2026-10-10T03:00:00Z', quantity: 100 }] },
      { messageId: 'b-3', readings: [{ ts: '2026-10-10T04:00:00Z', quantity: 10 }] },
    ]);

    // Assess: the warning kept its first value; one breach, raised at 450 L or 460 L
    expect(await alert('budgetWarning#2026-10')).toEqual(warning);
    expect((await alert('budgetBreach#2026-10'))?.value).toBeGreaterThanOrEqual(1);
  });
});

describe('exactly once under races and crashes (use case on the real DynamoDB)', () => {
  it('a single-hour interval message of 12 readings costs 12 item writes in 1 request', async () => {
    resetIngestWriteMetrics();
    const message = {
      messageId: 'e-writes',
      readings: Array.from({ length: 12 }, (_, i) => ({
        ts: `2026-11-08T02:${String(i * 5).padStart(2, '0')}:00Z`,
        quantity: 1,
      })),
    };

    const result = await ingestTelemetry(ruleEvent('MTR-0001', message), directDeps());

    expect(result.outcome).toBe('applied');
    expect(ingestWriteMetrics).toMatchObject({
      writeRequests: 1,
      committed: 1,
      itemWrites: 12,
      readRequests: 0,
    });
    console.info('ingest writes, interval 12 readings/message:', { ...ingestWriteMetrics });
    resetIngestWriteMetrics();
    const again = await ingestTelemetry(ruleEvent('MTR-0001', message), directDeps());
    expect(again.outcome).toBe('duplicate');
    expect(ingestWriteMetrics.committed).toBe(0);
  });

  it('concurrent messages of one cumulative meter serialise on the register versions', async () => {
    // Prepare: after the last stored register (400 at 2026-11-20 14:00 local), registers every
    // 10 minutes on 2026-11-25 from 00:00Z, value = 500 + 10 × i; 6 messages of 4 readings each
    // (24 readings, local hours 08–11), delivered at once, the first three twice.
    const messages = Array.from({ length: 6 }, (_, m) => ({
      messageId: `g-race-${m}`,
      readings: Array.from({ length: 4 }, (_, k) => {
        const i = m * 4 + k;
        return {
          ts: new Date(Date.parse('2026-11-25T00:00:00Z') + i * 600_000).toISOString(),
          register: 500 + 10 * i,
        };
      }),
    }));
    resetIngestWriteMetrics();

    // Act (real backoff between attempts)
    const results = await Promise.all(
      [...messages, ...messages.slice(0, 3)].map((message) =>
        ingestTelemetry(ruleEvent('MTR-0002', message), directDeps({ backoffMs: undefined })),
      ),
    );

    // Assess: 500 − 400 = 100 at the first reading, then 23 steps of 10 = 230: 330 Nm3 on the day
    expect(results.map((r) => r.outcome).sort()).toEqual([
      ...Array(6).fill('applied'),
      ...Array(3).fill('duplicate'),
    ]);
    const day = await rollup('meter', 'MTR-0002', 'day', '2026-11-25');
    expect(day['q_natural-gas']).toBeCloseTo(330, 6);
    expect(day.co2eT).toBeCloseTo(330 * GAS_T_PER_NM3, 6);
    expect(day.readings).toBe(24);
    console.info('ingest writes, 9 racing cumulative deliveries of 4 readings:', { ...ingestWriteMetrics });
  });

  it('a register reading days late splits the interval it falls in, across days', async () => {
    // Stored: 400 at 2026-11-20 14:00 local, then 500 at 2026-11-25 08:00 local (the 100 Nm3 went to
    // the 25th). A reading of 450 taken 2026-11-22 08:00 local arrives now: 50 belongs to the 22nd,
    // and the 25th keeps 500 − 450 = 50 of its first step: 330 − 50 = 280 Nm3.
    await publish('MTR-0002', [
      { messageId: 'g-22-late', readings: [{ ts: '2026-11-22T00:00:00Z', register: 450 }] },
    ]);

    expect((await rollup('meter', 'MTR-0002', 'day', '2026-11-22'))['q_natural-gas']).toBeCloseTo(50, 6);
    const day25 = await rollup('meter', 'MTR-0002', 'day', '2026-11-25');
    expect(day25['q_natural-gas']).toBeCloseTo(280, 6);
    expect(day25.co2eT).toBeCloseTo(280 * GAS_T_PER_NM3, 6);
    expect((await rollup('enterprise', 'ENT-0002', 'month', '2026-11'))['q_natural-gas']).toBeCloseTo(
      500 + 330,
      6,
    );
  });

  it('a single-hour cumulative message of 12 readings costs its 12 rollup items plus the bumped previous hour', async () => {
    resetIngestWriteMetrics();
    const message = {
      messageId: 'g-writes',
      readings: Array.from({ length: 12 }, (_, i) => ({
        ts: `2026-11-27T02:${String(i * 5).padStart(2, '0')}:00Z`,
        register: 800 + 5 * i,
      })),
    };

    const result = await ingestTelemetry(ruleEvent('MTR-0002', message), directDeps());

    // 800 − 730 (last stored, 2026-11-25) = 70, then 11 × 5 = 55: 125 Nm3 in local hour 2026-11-27T10
    expect(result.outcome).toBe('applied');
    expect((await rollup('meter', 'MTR-0002', 'hour', '2026-11-27T10'))['q_natural-gas']).toBeCloseTo(125, 6);
    expect(ingestWriteMetrics).toMatchObject({
      writeRequests: 1,
      itemWrites: 13,
      neighbourBumps: 1,
      readRequests: 3,
    });
    console.info('ingest writes, cumulative 12 readings/message:', { ...ingestWriteMetrics });
  });

  it('keeps the hot meter-hour item bounded: past 100 logged messages an hour, entries overflow', async () => {
    // 105 one-reading messages of 1 kWh in local hour 2026-11-03T10, then the last one redelivered
    const message = (i: number) => ({
      messageId: `e-many-${i}`,
      readings: [{ ts: new Date(Date.parse('2026-11-03T02:00:00Z') + i * 1000).toISOString(), quantity: 1 }],
    });
    for (let i = 0; i < 105; i++) await ingestTelemetry(ruleEvent('MTR-0001', message(i)), directDeps());
    resetIngestWriteMetrics();
    const again = await ingestTelemetry(ruleEvent('MTR-0001', message(104)), directDeps());

    const hour = await rollup('meter', 'MTR-0001', 'hour', '2026-11-03T10');
    expect(hour).toMatchObject({ q_electricity: 105, readings: 105, batches: 105, logSize: 100 });
    expect(hour.batchLog).toHaveLength(100);
    const overflow = await t.dynamo.send(
      new QueryCommand({
        TableName: carbon,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :hour)',
        ExpressionAttributeValues: { ':pk': 'BATCHLOG#meter#MTR-0001', ':hour': '2026-11-03T10#' },
      }),
    );
    expect(overflow.Items?.map((i) => i.messageId).sort()).toEqual([
      'e-many-100',
      'e-many-101',
      'e-many-102',
      'e-many-103',
      'e-many-104',
    ]);
    expect(again.outcome).toBe('duplicate');
  });

  it('a message killed between its chunks is finished by the retry without counting anything twice', async () => {
    // 30 hourly readings of 10 kWh from 2026-11-05 00:00Z: local hours 08 on the 5th to 13 on the 6th,
    // split into chunks of 21 and 9 hours (4·21 hour keys + 4·2 day keys + 4 month keys = 96 items)
    const message = {
      messageId: 'e-crash',
      readings: Array.from({ length: 30 }, (_, i) => ({
        ts: new Date(Date.parse('2026-11-05T00:00:00Z') + i * 3_600_000).toISOString(),
        quantity: 10,
      })),
    };
    const real = new DynamoIngestStore(t.dynamo, carbon);
    let commits = 0;
    const crashing = {
      maxTransactionItems: real.maxTransactionItems,
      readChunkState: real.readChunkState.bind(real),
      apply: async (plan: TransactionPlan) => {
        if (commits === 1) throw new Error('process killed');
        const outcome = await real.apply(plan);
        commits += 1;
        return outcome;
      },
    };
    const event = ruleEvent('MTR-0001', message);

    await expect(ingestTelemetry(event, directDeps({ ingest: crashing }))).rejects.toThrow('process killed');
    const retry = await ingestTelemetry(event, directDeps());
    const again = await ingestTelemetry(event, directDeps());

    expect(retry.chunks).toEqual({ applied: 1, duplicate: 1 });
    expect(again.outcome).toBe('duplicate');
    // 30 × 10 kWh = 300 kWh × 0.0004042 = 0.12126 t over the month
    const month = await rollup('meter', 'MTR-0001', 'month', '2026-11');
    const day5 = await rollup('meter', 'MTR-0001', 'day', '2026-11-05');
    const day6 = await rollup('meter', 'MTR-0001', 'day', '2026-11-06');
    expect((day5.q_electricity as number) + (day6.q_electricity as number)).toBe(300);
    expect(day5.readings).toBe(16); // local 08:00–23:00 on the 5th
    expect(month.q_electricity).toBeGreaterThanOrEqual(300);
  });
});

describe('quarantine: bad input kept with its reason, listed for admins, replayable after a fix', () => {
  const future = () => new Date(Date.now() + 86_400_000).toISOString();
  const today = () => new Date().toISOString().slice(0, 10);
  type Listed = {
    id: string;
    messageId?: string;
    reason: string;
    issues: { path: string }[];
    original: unknown;
  };
  const listed = async (): Promise<Listed[]> => {
    const response = await t.api(`/quarantine?date=${today()}`, { token: t.stack.users.admin.token });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Listed[] }).items;
  };

  it('quarantines negative, absurd, future, wrong-kind and unit-mismatched readings with reasons', async () => {
    // Prepare: the diesel meter's unit is mis-set to kWh (an admin's mistake fixed later)
    const registry = localTableName('registry');
    const setUnit = (unit: string) =>
      t.dynamo.send(
        new UpdateCommand({
          TableName: registry,
          Key: { pk: 'METER#MTR-0003', sk: 'PROFILE' },
          UpdateExpression: 'SET #u = :u',
          ExpressionAttributeNames: { '#u': 'unit' },
          ExpressionAttributeValues: { ':u': unit },
        }),
      );
    await setUnit('kWh');

    // Act
    await publish('MTR-0001', [
      { messageId: 'bad-negative', readings: [{ ts: '2026-11-21T02:00:00Z', quantity: -5 }] },
      { messageId: 'bad-absurd', readings: [{ ts: '2026-11-21T02:00:00Z', quantity: 10_000_000 }] },
      { messageId: 'bad-future', readings: [{ ts: future(), quantity: 1 }] },
    ]);
    await publish('MTR-0002', [
      { messageId: 'bad-kind', readings: [{ ts: '2026-11-21T02:00:00Z', quantity: 3 }] },
    ]);
    await publish('MTR-0003', [
      { messageId: 'fix-me', readings: [{ ts: '2026-11-21T02:00:00Z', quantity: 40 }] },
    ]);

    // Assess
    const items = await eventually(async () => {
      const all = await listed();
      return all.filter((i) => i.messageId?.startsWith('bad-') || i.messageId === 'fix-me').length === 5
        ? all
        : undefined;
    });
    const reasonOf = (messageId: string) => items.find((i) => i.messageId === messageId)?.reason;
    expect(reasonOf('bad-negative')).toBe('negative reading');
    expect(reasonOf('bad-absurd')).toBe('absurd value');
    expect(reasonOf('bad-future')).toBe('reading timestamp is in the future');
    expect(reasonOf('bad-kind')).toBe('reading kind mismatch');
    expect(reasonOf('fix-me')).toBe('unit-mismatch');
    expect(items.find((i) => i.messageId === 'fix-me')?.original).toMatchObject({
      meterId: 'MTR-0003',
      messageId: 'fix-me',
    });
    expect(await rollup('meter', 'MTR-0001', 'hour', '2026-11-21T10')).toEqual({});

    // Act: replay before the fix → 422 with the reason; fix the unit; replay → applied, once
    const fixMe = items.find((i) => i.messageId === 'fix-me')?.id ?? '';
    const replay = (id: string, token = t.stack.users.admin.token) =>
      t.api(`/quarantine/${encodeURIComponent(id)}/replay`, { method: 'POST', token });
    const early = await replay(fixMe);
    expect(early.status).toBe(422);
    expect(((await early.json()) as { detail: string }).detail).toContain('unit-mismatch');
    await setUnit('L');
    const ok = await replay(fixMe);
    const twice = await replay(fixMe);

    // Assess: 40 L × 0.0025708018 = 0.10283207 t, counted once
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: fixMe, outcome: 'applied' });
    expect(await twice.json()).toMatchObject({ outcome: 'duplicate' });
    expect((await rollup('meter', 'MTR-0003', 'hour', '2026-11-21T10')).co2eT).toBeCloseTo(
      40 * DIESEL_T_PER_L,
      9,
    );
    expect((await listed()).find((i) => i.id === fixMe)).toMatchObject({ replayOutcome: 'duplicate' });
  });

  it('quarantines messages of an unknown or retired meter, or one whose credential was revoked', async () => {
    // Prepare: the broker would refuse these devices, so the rule event goes to the use case directly
    const credentials = new DynamoDeviceCredentialStore(t.dynamo, localTableName('registry'));
    const deps = directDeps({ credentials });
    const message = (id: string) => ({
      messageId: id,
      readings: [{ ts: '2026-11-23T02:00:00Z', quantity: 1 }],
    });
    const setStatus = (status: string) =>
      t.dynamo.send(
        new UpdateCommand({
          TableName: localTableName('registry'),
          Key: { pk: 'METER#MTR-0001', sk: 'PROFILE' },
          UpdateExpression: 'SET #s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': status },
        }),
      );

    // Act
    const unknown = await ingestTelemetry(ruleEvent('MTR-9999', message('who-1')), deps);
    await setStatus('retired');
    const retired = await ingestTelemetry(ruleEvent('MTR-0001', message('retired-1')), deps);
    await setStatus('active');
    const credential = await credentials.get('MTR-0003');
    await credentials.markRevoked('MTR-0003', credential?.createdAt ?? '', new Date().toISOString());
    const revoked = await ingestTelemetry(ruleEvent('MTR-0003', message('revoked-1')), deps);
    const active = await ingestTelemetry(ruleEvent('MTR-0001', message('active-1')), deps);

    // Assess
    expect([unknown, retired, revoked].map((r) => r.quarantine?.reason)).toEqual([
      'unknown meter',
      'meter retired',
      'meter credential revoked',
    ]);
    expect(active.outcome).toBe('applied');
    const reasons = new Map((await listed()).map((i) => [i.messageId, i.reason]));
    expect(reasons.get('who-1')).toBe('unknown meter');
    expect(reasons.get('revoked-1')).toBe('meter credential revoked');
    expect(await rollup('meter', 'MTR-0003', 'hour', '2026-11-23T10')).toEqual({});
  });

  it('lets only admins list or replay, and answers 404 for an id it never issued', async () => {
    const forbidden = await t.api(`/quarantine?date=${today()}`, { token: t.stack.users.supervisor.token });
    expect(forbidden.status).toBe(403);
    const missing = await t.api('/quarantine/20261129T000000000Z-nothing/replay', {
      method: 'POST',
      token: t.stack.users.admin.token,
    });
    expect(missing.status).toBe(404);
    const bad = await t.api('/quarantine?date=yesterday', { token: t.stack.users.admin.token });
    expect(bad.status).toBe(400);
  });
});
