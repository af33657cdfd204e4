/**
 * The district of the scale bench (issue 21): 10 industries, 5 enterprises in each, 10 interval
 * electricity meters at each enterprise (500 meters reading every 15 minutes), written through the
 * registry store as an admin's registrations would be, and the IoT rule's SQS bodies of their messages.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { makeHandle } from '../../shared/domain/identifiers/handle.ts';
import { computeUsccCheckCharacter } from '../../shared/domain/registry/uscc.ts';

/** GB/T 4754-2017 classes of ten industries a district has. */
export const INDUSTRIES = [
  'C3311',
  'C1713',
  'C3011',
  'G5431',
  'C2614',
  'C3120',
  'C2211',
  'C1810',
  'C3130',
  'C2511',
];
export const ENTERPRISES_PER_INDUSTRY = 5;
export const METERS_PER_ENTERPRISE = 10;
export const READING_INTERVAL_MS = 15 * 60_000;

export const meterIds = (): string[] =>
  Array.from(
    { length: INDUSTRIES.length * ENTERPRISES_PER_INDUSTRY * METERS_PER_ENTERPRISE },
    (_, i) => `SCL-${String(i + 1).padStart(4, '0')}`,
  );

export const registerFleet = async (
  client: DynamoDBDocumentClient,
  table: string,
  prefix: string,
): Promise<void> => {
  const store = new DynamoRegistryStore(client, table);
  const now = new Date().toISOString();
  const versioned = { version: 1, createdAt: now, updatedAt: now };
  const ids = meterIds();
  let meter = 0;
  for (const [industry, industryCode] of INDUSTRIES.entries()) {
    for (let e = 0; e < ENTERPRISES_PER_INDUSTRY; e++) {
      const n = industry * ENTERPRISES_PER_INDUSTRY + e + 1;
      const id = `SCE-${String(n).padStart(4, '0')}`;
      const body = `9144030000000${String(n).padStart(4, '0')}`;
      await store.putEnterprise({
        id,
        handle: makeHandle(prefix, 'enterprise', id),
        name: `规模测试企业 ${n}`,
        uscc: body + computeUsccCheckCharacter(body),
        industryCode,
        address: `青山区测试路 ${n} 号`,
        status: 'active',
        ...versioned,
      });
      const facilityId = `SCF-${String(n).padStart(4, '0')}`;
      await store.putFacility({ id: facilityId, enterpriseId: id, name: `厂区 ${n}`, ...versioned });
      await Promise.all(
        Array.from({ length: METERS_PER_ENTERPRISE }, () => ids[meter++] ?? '').map((meterId) =>
          store.putMeter({
            id: meterId,
            handle: makeHandle(prefix, 'meter', meterId),
            enterpriseId: id,
            facilityId,
            industryCode,
            name: `电表 ${meterId}`,
            energyType: 'electricity',
            unit: 'kWh',
            readingKind: 'interval',
            scope: 2,
            gridRegion: 'CN-SOUTH',
            greenPower: false,
            maxPerHour: 100_000,
            expectedIntervalSeconds: 900,
            status: 'active',
            ...versioned,
          }),
        ),
      );
    }
  }
};

/** A working-hours load shape, so the figures are not all alike (kWh per 15 minutes). */
const quantityAt = (meterIndex: number, at: number): number => {
  const hour = new Date(at + 8 * 3_600_000).getUTCHours();
  const base = 20 + (meterIndex % 17);
  return Math.round((hour >= 8 && hour < 18 ? base * 2.5 : base) * 100) / 100;
};

/** The SQS body the topic rule makes of one message (`SELECT *, topic(4) AS meterId, clientid() …`). */
export const ruleBody = (
  meterId: string,
  meterIndex: number,
  start: number,
  readings: number,
  receivedAt: number,
) =>
  JSON.stringify({
    messageId: `${meterId}-${start}-${readings}`,
    readings: Array.from({ length: readings }, (_, r) => {
      const at = start + r * READING_INTERVAL_MS;
      return { ts: new Date(at).toISOString(), quantity: quantityAt(meterIndex, at) };
    }),
    meterId,
    clientId: meterId,
    receivedAt,
  });
