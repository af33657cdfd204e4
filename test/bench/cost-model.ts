/**
 * What the application costs in AWS, on paper (issue 21, docs/cost.md): usage from the request counts
 * the benches measured (cost-measured.ts) priced with the unit prices of cost-prices.ts. Pure
 * arithmetic, so test/unit/bench/cost-model.test.ts can check it; `npm run bench -- cost` prints it.
 */
import type { PriceBook, PriceKey } from './cost-prices.ts';

/** Quantities in each price's own unit: messages, requests, GB-seconds, request units, GB-months. */
export type Usage = Partial<Record<PriceKey, number>>;

export interface CostLine {
  key: PriceKey;
  quantity: number;
  /** Undefined where the price book has no price for it (not found: never filled in). */
  cost?: number;
  status: 'read' | 'unverified' | 'not found';
}

export interface Cost {
  lines: CostLine[];
  /** The sum of the priced lines only. */
  total: number;
  /** False when some line has no price: the total is then a part of the bill, not all of it. */
  complete: boolean;
  /** The part of the total that rests on unverified prices (0 to 1). */
  unverifiedShare: number;
}

export const costOf = (usage: Usage, book: PriceBook): Cost => {
  const lines: CostLine[] = [];
  for (const [key, quantity] of Object.entries(usage) as [PriceKey, number][]) {
    if (quantity === 0) continue;
    const price = book.prices[key];
    lines.push(
      price === undefined
        ? { key, quantity, status: 'not found' }
        : { key, quantity, cost: (quantity / price.per) * price.amount, status: price.status },
    );
  }
  const total = lines.reduce((sum, line) => sum + (line.cost ?? 0), 0);
  const unverified = lines.reduce(
    (sum, line) => sum + (line.status === 'unverified' ? (line.cost ?? 0) : 0),
    0,
  );
  return {
    lines,
    total,
    complete: lines.every((line) => line.cost !== undefined),
    unverifiedShare: total === 0 ? 0 : unverified / total,
  };
};

export const addUsage = (...usages: Usage[]): Usage => {
  const sum: Usage = {};
  for (const usage of usages)
    for (const [key, quantity] of Object.entries(usage) as [PriceKey, number][])
      sum[key] = (sum[key] ?? 0) + quantity;
  return sum;
};

/** How one design of the ingest handles readings: measured counts and the assumptions beside them. */
export interface IngestDesign {
  name: string;
  readingsPerMessage: number;
  /** Messages one Lambda invocation handles (the queue's batch; 1 when the rule invokes Lambda). */
  messagesPerInvocation: number;
  writeUnitsPerReading: number;
  readUnitsPerReading: number;
  /** Assumed, not measured in AWS: the handler's billed seconds per invocation. */
  secondsPerInvocation: number;
  memoryGb: number;
  /** An SQS queue between the rule and the function (the rule's action sends, Lambda receives). */
  viaQueue: boolean;
}

/** SQS returns at most 10 messages a ReceiveMessage, and Lambda deletes them in batches of 10. */
const SQS_BATCH_MAX = 10;

export const ingestUsage = (design: IngestDesign, readings: number): Usage => {
  const messages = readings / design.readingsPerMessage;
  const invocations = messages / design.messagesPerInvocation;
  const perReceive = Math.min(SQS_BATCH_MAX, design.messagesPerInvocation);
  return {
    iotMessage: messages,
    iotRule: messages,
    iotAction: messages,
    // Send (the rule's action), then receive and delete a batch of up to 10.
    sqsRequest: design.viaQueue ? messages * (1 + 2 / perReceive) : 0,
    lambdaRequest: invocations,
    lambdaGbSecond: invocations * design.secondsPerInvocation * design.memoryGb,
    writeUnit: readings * design.writeUnitsPerReading,
    readUnit: readings * design.readUnitsPerReading,
  };
};

export interface District {
  meters: number;
  readingsPerMeterDay: number;
  days: number;
  /** Assumed upper bound of the DynamoDB storage a month adds (rollup items and the message log). */
  storageGbAddedPerMonth: number;
}

/** The district: 500 interval meters, one reading every 15 minutes, a 30-day month. */
export const DISTRICT: District = {
  meters: 500,
  readingsPerMeterDay: 96,
  days: 30,
  storageGbAddedPerMonth: 1,
};

export const districtReadings = (district: District): number =>
  district.meters * district.readingsPerMeterDay * district.days;

/** A month: the readings, every meter connected all month, and the storage that month adds. */
export const districtMonthUsage = (design: IngestDesign, district: District): Usage =>
  addUsage(ingestUsage(design, districtReadings(district)), {
    iotConnectionMinute: district.meters * district.days * 24 * 60,
    dynamoGbMonth: district.storageGbAddedPerMonth,
  });

/**
 * The same month's writes and reads on provisioned capacity instead: the mean rate times a
 * headroom for bursts, held every hour of the month (no auto scaling).
 */
export const provisionedUsage = (usage: Usage, district: District, headroom: number): Usage => {
  const hours = district.days * 24;
  const perSecond = (units = 0) => Math.ceil((units / (hours * 3600)) * headroom);
  return {
    provisionedWcuHour: perSecond(usage.writeUnit) * hours,
    provisionedRcuHour: perSecond(usage.readUnit) * hours,
  };
};

/** One case's life: measured POST /cases plus estimated steps, reads and media. */
export interface CaseLife {
  apiRequests: number;
  writeUnits: number;
  readUnits: number;
  /** Photos, original and public copy, GB. Storage accumulates: priced here for one month. */
  mediaGb: number;
  s3Puts: number;
  secondsPerInvocation: number;
  memoryGb: number;
}

export const casesUsage = (life: CaseLife, cases: number): Usage => ({
  apiRequest: cases * life.apiRequests,
  lambdaRequest: cases * life.apiRequests,
  lambdaGbSecond: cases * life.apiRequests * life.secondsPerInvocation * life.memoryGb,
  writeUnit: cases * life.writeUnits,
  readUnit: cases * life.readUnits,
  s3GbMonth: cases * life.mediaGb,
  s3Put: cases * life.s3Puts,
});
