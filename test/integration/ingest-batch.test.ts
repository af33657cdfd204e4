import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { DynamoPendingStore } from '../../shared/adapters/dynamodb/carbon/ingest-pending.ts';
import { DynamoIngestStore } from '../../shared/adapters/dynamodb/carbon/ingest-store.ts';
import { DynamoDeviceCredentialStore } from '../../shared/adapters/dynamodb/device-credential-store.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { ingestTelemetryBatch, type QueuedMessage } from '../../shared/application/carbon/ingest-batch.ts';
import type { IngestDependencies } from '../../shared/application/carbon/ingest-dependencies.ts';
import { ingestTelemetry } from '../../shared/application/carbon/ingest-message.ts';
import type { TransactionPlan } from '../../shared/domain/carbon/ingest/transaction-plan.ts';
import { directIngestDeps } from '../support/ingest-deps.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { readableRollup } from '../support/rollup-view.ts';

/**
 * The batch path of the ingest (the queue hands the function up to 100 messages at a time) on the
 * real DynamoDB Local: messages merged into shared transactions, and every exactly-once promise of
 * the single-message path kept — repeats, messages applied before, refusals and failures.
 */
let t: TestStack;
const carbon = localTableName('carbon');

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

// As in ingest.test.ts: electricity CN-SOUTH 0.4042 t/MWh, diesel 2.5618652 t per 1 000 L (GB/T, CO2 only).
const KWH_T = 0.4042 / 1000;
const DIESEL_T_PER_L = 2.561865224893334 / 1000; // GB/T 32150, CO2 only

/** Counts the transactions the use case sends; `failFor` throws for any that writes that meter. */
const countingStore = (failFor?: string) => {
  const real = new DynamoIngestStore(t.dynamo, carbon);
  const sent: TransactionPlan[] = [];
  return {
    sent,
    store: {
      maxTransactionItems: real.maxTransactionItems,
      readChunkState: real.readChunkState.bind(real),
      apply: async (plan: TransactionPlan) => {
        sent.push(plan);
        if (
          failFor &&
          plan.writes.some(
            (w) => w.key.level === 'meter' && w.key.id === failFor && w.key.granularity === 'hour',
          )
        )
          throw new Error('DynamoDB unavailable');
        return real.apply(plan);
      },
    },
  };
};

const deps = (over: Partial<IngestDependencies> = {}): IngestDependencies => directIngestDeps(t, over);

const record = (meterId: string, message: { messageId: string; readings: unknown[] }): QueuedMessage => ({
  id: randomUUID(),
  event: { ...message, meterId, clientId: meterId, receivedAt: Date.now() },
});

/** 12 readings 5 minutes apart from a UTC instant (local hour = UTC + 8). */
const twelve = (messageId: string, fromUtc: string, quantity: number) => ({
  messageId,
  readings: Array.from({ length: 12 }, (_, i) => ({
    ts: new Date(Date.parse(fromUtc) + i * 300_000).toISOString(),
    quantity,
  })),
});

const storedRollup = async (level: string, id: string, gran: string, period: string) =>
  (
    await t.dynamo.send(
      new GetCommand({ TableName: carbon, Key: { pk: `ROLLUP#${level}#${id}#${gran}`, sk: period } }),
    )
  ).Item;

const rollup = async (level: string, id: string, gran: string, period: string) =>
  readableRollup(await storedRollup(level, id, gran, period));

describe('a batch of messages merged into shared transactions', () => {
  it('applies four messages of three meters in one transaction, and the same batch again changes nothing', async () => {
    // Prepare: local hours 2026-10-03T10 and T11 (UTC 02 and 03); MTR-0001 and MTR-0003 are at
    // ENT-0001, MTR-0005 at ENT-0002.
    const batch = [
      record('MTR-0001', twelve('b1-e-10', '2026-10-03T02:00:00Z', 10)),
      record('MTR-0003', twelve('b1-d-10', '2026-10-03T02:00:00Z', 2)),
      record('MTR-0005', twelve('b1-g-10', '2026-10-03T02:00:00Z', 5)),
      record('MTR-0001', twelve('b1-e-11', '2026-10-03T03:00:00Z', 10)),
    ];
    const counted = countingStore();

    // Act
    const first = await ingestTelemetryBatch(batch, deps({ ingest: counted.store }));

    // Assess: one transaction, each shared item once with the sum
    expect(first.outcomes).toEqual({ applied: 4, duplicate: 0, quarantined: 0 });
    expect(first).toMatchObject({ failed: [], mergedTransactions: 1, mergedMessages: 4, fallbacks: 0 });
    expect(counted.sent).toHaveLength(1);
    // One group has nothing to run beside: the city is written in place, with no pending item to fold.
    expect(first.deferred).toMatchObject({ pending: 0, folded: 0 });
    const enterpriseDay = await rollup('enterprise', 'ENT-0001', 'day', '2026-10-03');
    expect(enterpriseDay.q_electricity).toBe(240);
    expect(enterpriseDay.q_diesel).toBe(0.01986); // 24 L × 0.8275 kg/L, in tonnes
    expect(enterpriseDay.readings).toBe(36);
    expect(enterpriseDay.co2eT).toBeCloseTo(240 * KWH_T + 24 * DIESEL_T_PER_L, 6);
    const cityHour = await rollup('city', 'city', 'hour', '2026-10-03T10');
    expect(cityHour.readings).toBe(36);
    expect(cityHour.batches).toBe(3);
    expect((await rollup('meter', 'MTR-0001', 'day', '2026-10-03')).readings).toBe(24);
    // Factor references stay with the items their readings reached: no diesel factor on an electricity meter.
    const dieselRefs = [
      ...((await rollup('meter', 'MTR-0003', 'month', '2026-10')).factorRefs as Set<string>),
    ];
    const electricityRefs = [
      ...((await rollup('meter', 'MTR-0001', 'month', '2026-10')).factorRefs as Set<string>),
    ];
    expect(dieselRefs.some((ref) => electricityRefs.includes(ref))).toBe(false);
    expect((await rollup('meter', 'MTR-0001', 'hour', '2026-10-03T11')).msgs).toEqual(new Set(['b1-e-11']));

    // Act: the queue delivers the whole batch again
    const again = await ingestTelemetryBatch(batch, deps());

    // Assess
    expect(again.outcomes).toEqual({ applied: 0, duplicate: 4, quarantined: 0 });
    expect(again.fallbacks).toBe(4);
    expect(await rollup('enterprise', 'ENT-0001', 'day', '2026-10-03')).toEqual(enterpriseDay);
  });

  it('a message applied before sends its batch one by one: the others count once, it not again', async () => {
    // Prepare
    const old = twelve('b2-e-10', '2026-10-04T02:00:00Z', 1);
    await ingestTelemetry(record('MTR-0001', old).event, deps());
    const batch = [
      record('MTR-0003', twelve('b2-d-10', '2026-10-04T02:00:00Z', 3)),
      record('MTR-0001', old),
      record('MTR-0001', twelve('b2-e-11', '2026-10-04T03:00:00Z', 1)),
    ];

    // Act
    const result = await ingestTelemetryBatch(batch, deps());

    // Assess
    expect(result.outcomes).toEqual({ applied: 2, duplicate: 1, quarantined: 0 });
    expect(result.fallbacks).toBe(3);
    const day = await rollup('enterprise', 'ENT-0001', 'day', '2026-10-04');
    expect(day.q_electricity).toBe(24);
    // 12 readings of 3 L: each 2.4825 kg, stored to the gram (1e-6 t) half-even as 2.482 kg
    expect(day.q_diesel).toBe(0.029784);
    expect(day.readings).toBe(36);
  });

  it('the same message twice in one batch counts once', async () => {
    const message = twelve('b3-e-10', '2026-10-05T02:00:00Z', 7);

    const result = await ingestTelemetryBatch(
      [record('MTR-0001', message), record('MTR-0001', message)],
      deps(),
    );

    expect(result.outcomes).toEqual({ applied: 1, duplicate: 1, quarantined: 0 });
    expect((await rollup('meter', 'MTR-0001', 'day', '2026-10-05')).q_electricity).toBe(84);
  });

  it('register meters: one message per meter per transaction, the next planned on what the first wrote', async () => {
    // Prepare: MTR-0002 (ENT-0002, rollover 99 999 999) three messages in one batch, out of order;
    // MTR-0004 (ENT-0001, rollover 999 999) rolls over between its two messages.
    const gas = (messageId: string, readings: [string, number][]) => ({
      messageId,
      readings: readings.map(([ts, register]) => ({ ts, register })),
    });
    const batch = [
      record(
        'MTR-0002',
        gas('b4-g-1', [
          ['2026-10-06T02:00:00Z', 1_000],
          ['2026-10-06T02:15:00Z', 1_100],
        ]),
      ),
      record(
        'MTR-0004',
        gas('b4-h-1', [
          ['2026-10-06T02:00:00Z', 999_900],
          ['2026-10-06T02:30:00Z', 999_950],
        ]),
      ),
      record('MTR-0002', gas('b4-g-3', [['2026-10-06T03:00:00Z', 1_500]])),
      record(
        'MTR-0002',
        gas('b4-g-2', [
          ['2026-10-06T02:30:00Z', 1_200],
          ['2026-10-06T02:45:00Z', 1_300],
        ]),
      ),
      record('MTR-0004', gas('b4-h-2', [['2026-10-06T03:00:00Z', 100]])),
    ];
    const counted = countingStore();

    // Act
    const result = await ingestTelemetryBatch(batch, deps({ ingest: counted.store }));

    // Assess: 1 000 is MTR-0002's origin, then 100 + 100 + 100 + 200 = 500 Nm3; MTR-0004 from
    // 999 900: 50 + (1 000 000 − 999 950 + 100) = 200 Nm3 (the register wraps one unit past its rollover value,
    // as register-deltas.ts defines). Three rounds, the first two merged.
    expect(result.outcomes).toEqual({ applied: 5, duplicate: 0, quarantined: 0 });
    expect(result.failed).toEqual([]);
    expect(result.mergedTransactions).toBeGreaterThanOrEqual(2);
    expect(counted.sent.length).toBeLessThan(5);
    expect((await rollup('meter', 'MTR-0002', 'day', '2026-10-06'))['q_natural-gas']).toBeCloseTo(500, 6);
    expect((await rollup('meter', 'MTR-0004', 'day', '2026-10-06'))['q_natural-gas']).toBeCloseTo(200, 6);
    expect((await rollup('city', 'city', 'day', '2026-10-06'))['q_natural-gas']).toBeCloseTo(700, 6);

    // The batch again: nothing moves.
    const again = await ingestTelemetryBatch(batch, deps());
    expect(again.outcomes).toEqual({ applied: 0, duplicate: 5, quarantined: 0 });
    expect((await rollup('city', 'city', 'day', '2026-10-06'))['q_natural-gas']).toBeCloseTo(700, 6);
  });

  it('quarantines the refused messages of a batch and applies the rest', async () => {
    const batch = [
      record('MTR-0001', twelve('b5-e-10', '2026-10-07T02:00:00Z', 2)),
      record('MTR-9999', twelve('b5-x-10', '2026-10-07T02:00:00Z', 2)),
      record('MTR-0003', twelve('b5-d-10', '2026-10-07T02:00:00Z', -1)),
      { id: randomUUID(), event: 'not json {' },
    ];

    const result = await ingestTelemetryBatch(batch, deps());

    expect(result.outcomes).toEqual({ applied: 1, duplicate: 0, quarantined: 3 });
    expect((await rollup('enterprise', 'ENT-0001', 'day', '2026-10-07')).q_electricity).toBe(24);
  });

  it('reports the record it could not write as failed, applies its batch-mates, and the redelivery finishes it', async () => {
    const batch = [
      record('MTR-0001', twelve('b6-e-10', '2026-10-08T02:00:00Z', 1)),
      record('MTR-0005', twelve('b6-g-10', '2026-10-08T02:00:00Z', 1)),
      record('MTR-0003', twelve('b6-d-10', '2026-10-08T02:00:00Z', 1)),
    ];
    const failing = countingStore('MTR-0005');

    const first = await ingestTelemetryBatch(batch, deps({ ingest: failing.store }));

    expect(first.failed.map((f) => f.id)).toEqual([batch[1]?.id]);
    expect(first.outcomes).toEqual({ applied: 2, duplicate: 0, quarantined: 0 });
    expect((await rollup('city', 'city', 'day', '2026-10-08')).readings).toBe(24);

    // The queue redelivers the whole batch (a partial response only names the failed record, but
    // a redelivery of all is what the exactly-once promise has to survive).
    const retry = await ingestTelemetryBatch(batch, deps());

    expect(retry.outcomes).toEqual({ applied: 1, duplicate: 2, quarantined: 0 });
    expect((await rollup('city', 'city', 'day', '2026-10-08')).readings).toBe(36);
  });

  it("reads a batch's meters and credentials once each, and refuses a credential revoked before the next batch", async () => {
    // Prepare: registry and credential ports that count their calls; MTR-0008 gets an active
    // credential (restored as it was at the end).
    const registry = new DynamoRegistryStore(t.dynamo, localTableName('registry'));
    const credentials = new DynamoDeviceCredentialStore(t.dynamo, localTableName('registry'));
    const calls: Record<string, number> = {};
    const counter =
      <A extends unknown[], R>(name: string, call: (...args: A) => R) =>
      (...args: A): R => {
        calls[name] = (calls[name] ?? 0) + 1;
        return call(...args);
      };
    const counted = deps({
      meters: {
        getMeter: counter('getMeter', (id: string) => registry.getMeter(id)),
        getMeters: counter('getMeters', (ids: readonly string[]) => registry.getMeters(ids)),
      },
      credentials: {
        get: counter('get', (id: string) => credentials.get(id)),
        getMany: counter('getMany', (ids: readonly string[]) => credentials.getMany(ids)),
      },
    });
    const before = await credentials.get('MTR-0008');
    const active = { meterId: 'MTR-0008', status: 'active' as const, createdAt: '2026-12-01T00:00:00.000Z' };
    await credentials.put({ ...active, secretHash: 'scrypt$AA==$AA==' });
    try {
      const batch = [
        record('MTR-0001', twelve('b7-e-10', '2026-10-09T02:00:00Z', 1)),
        record('MTR-0003', twelve('b7-d-10', '2026-10-09T02:00:00Z', 1)),
        record('MTR-0008', twelve('b7-p-10', '2026-10-09T02:00:00Z', 1)),
        record('MTR-0001', twelve('b7-e-11', '2026-10-09T03:00:00Z', 1)),
      ];

      // Act
      const first = await ingestTelemetryBatch(batch, counted);

      // Assess: one read of each kind for the whole batch, none per message
      expect(first.outcomes).toEqual({ applied: 4, duplicate: 0, quarantined: 0 });
      expect(calls).toEqual({ getMeters: 1, getMany: 1 });

      // Act: the credential is revoked; the next batch of the same meter is refused (nothing cached)
      await credentials.markRevoked('MTR-0008', active.createdAt, '2026-12-01T01:00:00.000Z');
      const next = await ingestTelemetryBatch(
        [record('MTR-0008', twelve('b7-p-11', '2026-10-09T03:00:00Z', 1))],
        counted,
      );

      // Assess
      expect(next.outcomes).toEqual({ applied: 0, duplicate: 0, quarantined: 1 });
      expect((await rollup('meter', 'MTR-0008', 'day', '2026-10-09')).readings).toBe(12);
    } finally {
      if (before) await credentials.put(before);
    }
  });
});

/** 30 messages of MTR-0001, one an hour from 2026-10-20T00Z (local 08): two groups of ≤ 100 items. */
const thirtyHours = (prefix: string) =>
  Array.from({ length: 30 }, (_, h) =>
    record(
      'MTR-0001',
      twelve(`${prefix}-${h}`, new Date(Date.parse('2026-10-20T00:00:00Z') + h * 3_600_000).toISOString(), 1),
    ),
  );

describe('deferred city and industry items', () => {
  it('a crash between a group and its fold: the sweep folds it once, however many batches sweep', async () => {
    // Prepare: the Lambda dies after the groups' transactions committed, before their fold
    const real = new DynamoPendingStore(t.dynamo, carbon);
    const crashing = {
      fold: () => Promise.reject(new Error('Lambda timed out')),
      maxTransactionItems: real.maxTransactionItems,
      stillPending: real.stillPending.bind(real),
      readPending: real.readPending.bind(real),
    };
    const batch = thirtyHours('c1');
    const cityDay = async (day: string) =>
      Number((await storedRollup('city', 'city', 'day', day))?.readings ?? 0);

    // Act
    const crashed = await ingestTelemetryBatch(batch, deps({ pending: crashing }));
    const redelivered = await ingestTelemetryBatch(batch, deps());

    // Assess: applied once at meter and enterprise level, the city still pending
    expect(crashed.outcomes).toEqual({ applied: 30, duplicate: 0, quarantined: 0 });
    expect(crashed.deferred).toMatchObject({ pending: 2, folded: 0 });
    expect(crashed.deferred.errors).toHaveLength(1);
    expect(redelivered.outcomes).toEqual({ applied: 0, duplicate: 30, quarantined: 0 });
    expect((await rollup('enterprise', 'ENT-0001', 'day', '2026-10-20')).readings).toBe(192);
    expect(await cityDay('2026-10-20')).toBe(0);

    // Act: two later batches (past the sweep's age) sweep at the same moment
    const later = () => new Date(Date.now() + 180_000);
    const sweeps = await Promise.all(
      [twelve('c1-x-1', '2026-10-25T04:00:00Z', 1), twelve('c1-x-2', '2026-10-25T05:00:00Z', 1)].map(
        (message) => ingestTelemetryBatch([record('MTR-0001', message)], deps({ clock: later })),
      ),
    );

    // Assess: the crashed groups' 360 readings reach the city once (local days 20th: 16 h, 21st: 14 h)
    expect(sweeps.reduce((n, s) => n + s.deferred.swept, 0)).toBe(2);
    expect(await cityDay('2026-10-20')).toBe(192);
    expect(await cityDay('2026-10-21')).toBe(168);
    expect(Number((await storedRollup('city', 'city', 'hour', '2026-10-20T10'))?.batches)).toBe(1);
    expect(await real.readPending(later().toISOString())).toEqual([]);
  });

  it('a container sweeps at most once a minute: leftovers are rare and wait two minutes anyway', async () => {
    // Prepare: one pending store, as a Lambda container holds one
    const real = new DynamoPendingStore(t.dynamo, carbon);
    let reads = 0;
    const counting = {
      fold: real.fold.bind(real),
      maxTransactionItems: real.maxTransactionItems,
      stillPending: real.stillPending.bind(real),
      readPending: (before: string) => {
        reads += 1;
        return real.readPending(before);
      },
    };

    // Act: three batches within a second
    for (const n of [1, 2, 3])
      await ingestTelemetryBatch(
        [record('MTR-0005', twelve(`c2-${n}`, '2026-10-26T02:00:00Z', 1))],
        deps({ pending: counting }),
      );

    // Assess
    expect(reads).toBe(1);
  });
});
