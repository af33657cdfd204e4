import { describe, expect, it } from 'vitest';
import {
  addUsage,
  casesUsage,
  costOf,
  DISTRICT,
  districtMonthUsage,
  districtReadings,
  type IngestDesign,
  ingestUsage,
  provisionedUsage,
} from '../../bench/cost-model.ts';
import { PRICE_BOOKS, type PriceBook } from '../../bench/cost-prices.ts';

/** Round prices, so every expected figure below can be checked by hand. */
const book: PriceBook = {
  region: 'test-1',
  name: 'Test',
  currency: 'USD',
  symbol: '$',
  lookedUp: '2026-12-07',
  prices: {
    iotMessage: { amount: 1, per: 1e6, unit: 'messages', status: 'read', source: 'https://example.test/a' },
    sqsRequest: { amount: 0.5, per: 1e6, unit: 'requests', status: 'unverified', source: 'third-party' },
    writeUnit: { amount: 2, per: 1e6, unit: 'WRU', status: 'read', source: 'https://example.test/b' },
    lambdaGbSecond: {
      amount: 0.00001,
      per: 1,
      unit: 'GB-s',
      status: 'read',
      source: 'https://example.test/c',
    },
  },
};

const hourly: IngestDesign = {
  name: 'hourly',
  readingsPerMessage: 4,
  messagesPerInvocation: 100,
  writeUnitsPerReading: 2,
  readUnitsPerReading: 0.5,
  secondsPerInvocation: 1,
  memoryGb: 0.5,
  viaQueue: true,
};

describe('cost model (docs/cost.md)', () => {
  it('prices each line from its own unit and leaves lines without a price out of the total', () => {
    const cost = costOf({ iotMessage: 3e6, sqsRequest: 2e6, readUnit: 5e6 }, book);
    expect(cost.lines.map((line) => [line.key, line.cost, line.status])).toEqual([
      ['iotMessage', 3, 'read'],
      ['sqsRequest', 1, 'unverified'],
      ['readUnit', undefined, 'not found'],
    ]);
    expect(cost.total).toBe(4);
    expect(cost.complete).toBe(false);
    expect(cost.unverifiedShare).toBeCloseTo(0.25);
  });

  it('counts the ingest of batched messages: a message of 4 readings, receives and deletes of 10', () => {
    const usage = ingestUsage(hourly, 1e6);
    expect(usage.iotMessage).toBe(250_000);
    expect(usage.iotAction).toBe(250_000);
    expect(usage.sqsRequest).toBeCloseTo(250_000 * 1.2);
    expect(usage.lambdaRequest).toBe(2_500);
    expect(usage.lambdaGbSecond).toBe(1_250);
    expect(usage.writeUnit).toBe(2e6);
    expect(usage.readUnit).toBe(5e5);
  });

  it('counts the naive design as one invocation and one write a reading, with no queue', () => {
    const naive = { ...hourly, readingsPerMessage: 1, messagesPerInvocation: 1, writeUnitsPerReading: 1 };
    const usage = ingestUsage(
      { ...naive, readUnitsPerReading: 0, secondsPerInvocation: 0.1, viaQueue: false },
      1e6,
    );
    expect(usage.lambdaRequest).toBe(1e6);
    expect(usage.lambdaGbSecond).toBeCloseTo(50_000);
    expect(usage.sqsRequest).toBe(0);
    expect(costOf(usage, book).total).toBeCloseTo(1 + 2 + 0.5);
  });

  it('a live message alone in its batch costs 3 queue requests', () => {
    expect(ingestUsage({ ...hourly, readingsPerMessage: 1, messagesPerInvocation: 1 }, 10).sqsRequest).toBe(
      30,
    );
  });

  it('a month of the district is 1.44 M readings with every meter connected all month', () => {
    expect(districtReadings(DISTRICT)).toBe(1_440_000);
    const usage = districtMonthUsage(hourly, DISTRICT);
    expect(usage.iotMessage).toBe(360_000);
    expect(usage.iotConnectionMinute).toBe(500 * 43_200);
    expect(usage.dynamoGbMonth).toBe(DISTRICT.storageGbAddedPerMonth);
  });

  it('provisions the mean rate times the headroom, every hour of the month', () => {
    const month = 30 * 24 * 3600;
    expect(provisionedUsage({ writeUnit: month, readUnit: month / 4 }, DISTRICT, 2)).toEqual({
      provisionedWcuHour: 2 * 720,
      provisionedRcuHour: 1 * 720,
    });
  });

  it('adds usages key by key and scales the cases by their count', () => {
    expect(addUsage({ writeUnit: 1 }, { writeUnit: 2, readUnit: 3 })).toEqual({ writeUnit: 3, readUnit: 3 });
    const life = { apiRequests: 30, writeUnits: 84, readUnits: 30, mediaGb: 0.008, s3Puts: 4 };
    const usage = casesUsage({ ...life, secondsPerInvocation: 0.1, memoryGb: 0.25 }, 1_000);
    expect(usage).toMatchObject({ apiRequest: 30_000, writeUnit: 84_000, s3GbMonth: 8, s3Put: 4_000 });
    expect(usage.lambdaGbSecond).toBeCloseTo(750);
  });

  it('every price names its source, and a read price names the address it was read at', () => {
    for (const priceBook of PRICE_BOOKS)
      for (const price of Object.values(priceBook.prices)) {
        expect(price.amount).toBeGreaterThan(0);
        expect(price.per).toBeGreaterThan(0);
        expect(price.source.length).toBeGreaterThan(0);
        if (price.status === 'read')
          expect(price.source).toMatch(
            /https:\/\/(aws\.amazon\.com|docs\.aws\.amazon\.com|www\.amazonaws\.cn)\//,
          );
      }
  });
});
