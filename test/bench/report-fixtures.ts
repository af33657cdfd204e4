/**
 * Data for the report benchmark (reports.bench.ts): bench enterprises and meters in the registry, their
 * rollups for a month, and raw batch-log items, written straight into DynamoDB Local.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEMO_METER_PROFILES } from '../../infra/local/demo-registry.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import type { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { MASS_SCALE, toFixed } from '../../shared/domain/carbon/rollups/fixed-point.ts';

export const METERS = Number(process.env.BENCH_REPORT_METERS ?? 4);
export const DAYS = 31;
export const INDUSTRIES = ['C2511', 'C3011', 'C1713', 'C3311', 'D4411'];
/** 1×: one reading per meter-hour, 12 per message → 62 batch-log items per meter for October. */
export const READINGS_PER_MESSAGE = 12;
export const BASE_MESSAGES_PER_METER = (DAYS * 24) / READINGS_PER_MESSAGE;

export type Item = Record<string, unknown>;

export const writeAll = async (client: DynamoDBDocumentClient, table: string, items: readonly Item[]) => {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  // A few writers at once: DynamoDB Local serialises them anyway, this only hides round trips.
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < chunks.length; i = next++) {
      let pending = (chunks[i] ?? []).map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, writer));
};

const enterpriseId = (e: number) => `ENT-B${String(e).padStart(4, '0')}`;
const meterId = (e: number, m: number) => `MTR-B${String(e).padStart(4, '0')}-${m}`;
const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;

/**
 * The figures of a rollup item that is all location-based electricity (CO2 only), stored as the
 * ingest stores them: integer milligrams (shared/domain/carbon/rollups/fixed-point.ts).
 */
export const electricityFigures = (co2eT: number, readings: number) => {
  const mg = toFixed(co2eT, MASS_SCALE);
  return {
    co2e_mg: mg,
    co2eMarket_mg: mg,
    scope2Location_mg: mg,
    scope2Market_mg: mg,
    e_electricity_mg: mg,
    g_CO2_mg: mg,
    readings,
  };
};

/** Rollups of enterprises [from, to): meter months, enterprise month and days. `scale` multiplies readings. */
export const rollupsFor = (month: string, from: number, to: number, scale: number): Item[] =>
  Array.from({ length: to - from }, (_, k) => from + k).flatMap((e) => [
    ...Array.from({ length: METERS }, (_, m) => ({
      pk: rollupPk('meter', meterId(e, m), 'month'),
      sk: month,
      ...electricityFigures(DAYS, DAYS * 24 * scale),
    })),
    {
      pk: rollupPk('enterprise', enterpriseId(e), 'month'),
      sk: month,
      ...electricityFigures(METERS * DAYS, METERS * DAYS * 24 * scale),
    },
    ...Array.from({ length: DAYS }, (_, d) => ({
      pk: rollupPk('enterprise', enterpriseId(e), 'day'),
      sk: day(month, d + 1),
      ...electricityFigures(METERS, METERS * 24 * scale),
    })),
  ]);

/** City and industry month and day rollups for `count` enterprises (scaled readings). */
export const upperRollups = (month: string, count: number, scale: number): Item[] => {
  const targets: ['city' | 'industry', string, number][] = [
    ['city', 'city', count],
    ...INDUSTRIES.map(
      (code, i) =>
        ['industry', code, Math.ceil((count - i) / INDUSTRIES.length)] as ['industry', string, number],
    ),
  ];
  return targets.flatMap(([level, id, firms]) => [
    {
      pk: rollupPk(level, id, 'month'),
      sk: month,
      ...electricityFigures(firms * METERS * DAYS, firms * METERS * DAYS * 24 * scale),
    },
    ...Array.from({ length: DAYS }, (_, d) => ({
      pk: rollupPk(level, id, 'day'),
      sk: day(month, d + 1),
      ...electricityFigures(firms * METERS, firms * METERS * 24 * scale),
    })),
  ]);
};

/** Raw batch-log items, messages [first, last) of each meter of enterprises [0, count). */
export const batchLogItems = (month: string, count: number, first: number, last: number): Item[] =>
  Array.from({ length: count }, (_, e) => e).flatMap((e) =>
    Array.from({ length: METERS }, (_, m) =>
      Array.from({ length: last - first }, (_, k) => {
        const n = first + k;
        const hour = `${day(month, (n % DAYS) + 1)}T${String(Math.floor(n / DAYS) % 24).padStart(2, '0')}`;
        return {
          pk: `BATCHLOG#meter#${meterId(e, m)}`,
          sk: `${hour}#msg-${n}`,
          meterId: meterId(e, m),
          hour,
          messageId: `msg-${n}`,
          readingCount: READINGS_PER_MESSAGE,
          co2eT: 1 / READINGS_PER_MESSAGE,
          readings: Array.from({ length: READINGS_PER_MESSAGE }, (_, r) => ({
            at: `${day(month, (n % DAYS) + 1)}T00:${String(r * 5).padStart(2, '0')}:00+08:00`,
            quantity: 2.5,
          })),
        };
      }),
    ).flat(),
  );

export const registerEnterprises = async (registry: DynamoRegistryStore, from: number, to: number) => {
  const now = new Date().toISOString();
  const versioned = { version: 1, createdAt: now, updatedAt: now };
  const profile = DEMO_METER_PROFILES[0];
  if (profile === undefined) throw new Error('no demo meter profile');
  for (let e = from; e < to; e += 1) {
    const industryCode = INDUSTRIES[e % INDUSTRIES.length] ?? 'C2511';
    await registry.putEnterprise({
      id: enterpriseId(e),
      handle: `88.100.1/bench-${e}`,
      name: `压测企业 ${e}`,
      uscc: `91440300BENCH${String(e).padStart(5, '0')}`,
      industryCode,
      address: '青山区',
      status: 'active',
      ...versioned,
    });
    for (let m = 0; m < METERS; m += 1) {
      await registry.putMeter({
        ...profile,
        ...versioned,
        id: meterId(e, m),
        handle: `88.100.1/bench-${e}-${m}`,
        enterpriseId: enterpriseId(e),
        facilityId: `FAC-B${e}`,
        industryCode,
        greenPower: false,
        status: 'active',
      });
    }
  }
};
