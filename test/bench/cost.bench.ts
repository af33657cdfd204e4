/**
 * `npm run bench -- cost` (issue 21, docs/cost.md): what the ingest and the cases cost in AWS, on
 * paper — the request counts the scale and cases benches measured (cost-measured.ts), priced in
 * us-east-1 (USD) and China (Ningxia) (CNY) with the prices of cost-prices.ts. Nothing is measured
 * here: it prints the arithmetic of cost-model.ts, with the status of every price beside it.
 */

import { CASE_LIFE, CASES_RUN, INGEST_DESIGNS, INGEST_RUN, PROVISIONED_HEADROOM } from './cost-measured.ts';
import {
  addUsage,
  type Cost,
  casesUsage,
  costOf,
  DISTRICT,
  districtMonthUsage,
  districtReadings,
  type IngestDesign,
  ingestUsage,
  provisionedUsage,
  type Usage,
} from './cost-model.ts';
import { CN_NORTHWEST_1, PRICE_BOOKS, type PriceBook, type PriceKey, US_EAST_1 } from './cost-prices.ts';
import { printTable } from './format.ts';

const money = (book: PriceBook, amount: number | undefined) =>
  amount === undefined
    ? 'not found'
    : `${book.symbol}${amount < 0.01 && amount > 0 ? amount.toFixed(4) : amount.toFixed(2)}`;

const number = (n: number) =>
  n >= 1000 ? Math.round(n).toLocaleString('en-US') : Number.isInteger(n) ? String(n) : n.toPrecision(3);

/** `$1.74 (83 % on unverified prices)`, or `¥3.10 + lines not found` when prices are missing. */
const total = (book: PriceBook, cost: Cost) =>
  `${money(book, cost.total)}${cost.complete ? '' : ' + lines not found'}${
    cost.unverifiedShare > 0 ? ` (${Math.round(cost.unverifiedShare * 100)} % on unverified prices)` : ''
  }`;

const printPrices = () => {
  const keys = [...new Set(PRICE_BOOKS.flatMap((book) => Object.keys(book.prices)))] as PriceKey[];
  printTable(
    ['item', ...PRICE_BOOKS.map((book) => `${book.name} (${book.currency})`)],
    keys.map((key) => [
      key,
      ...PRICE_BOOKS.map((book) => {
        const price = book.prices[key];
        if (price === undefined) return 'not found';
        const per = price.per === 1 ? '' : ` per ${number(price.per)}`;
        return `${book.symbol}${price.amount}${per} ${price.unit} [${price.status}]`;
      }),
    ]),
  );
  console.log("\nSources (read = AWS's own text, 2026-12-07; unverified = check before quoting):");
  for (const book of PRICE_BOOKS)
    for (const [key, price] of Object.entries(book.prices))
      console.log(`- ${book.region} ${key}: ${price.source}${price.note ? ` — ${price.note}` : ''}`);
};

/** One row per usage line: quantity, then its cost in each book. */
const printUsage = (usage: Usage) => {
  const costs = PRICE_BOOKS.map((book) => costOf(usage, book));
  printTable(
    ['line', 'quantity', ...PRICE_BOOKS.map((book) => book.region)],
    [
      ...(costs[0]?.lines ?? []).map((line, i) => [
        line.key,
        number(line.quantity),
        ...PRICE_BOOKS.map((book, b) => money(book, costs[b]?.lines[i]?.cost)),
      ]),
      ['total', '', ...PRICE_BOOKS.map((book, b) => total(book, costs[b] as Cost))],
    ],
  );
};

const printDesigns = (title: string, usageOf: (design: IngestDesign) => Usage) => {
  console.log(`\n## ${title}\n`);
  for (const design of INGEST_DESIGNS) {
    console.log(`\n### ${design.name}\n`);
    printUsage(usageOf(design));
  }
};

/** One line a design: the per-million and district-month totals in both regions. */
const printSummary = () => {
  console.log('\n## Summary (the totals above)\n');
  printTable(
    ['design', 'per million readings', 'CNY', 'district month', 'CNY'],
    INGEST_DESIGNS.map((design) => {
      const perMillion = ingestUsage(design, 1e6);
      const month = districtMonthUsage(design, DISTRICT);
      return [
        design.name,
        total(US_EAST_1, costOf(perMillion, US_EAST_1)),
        total(CN_NORTHWEST_1, costOf(perMillion, CN_NORTHWEST_1)),
        total(US_EAST_1, costOf(month, US_EAST_1)),
        total(CN_NORTHWEST_1, costOf(month, CN_NORTHWEST_1)),
      ];
    }),
  );
};

export const runCostBench = async (): Promise<void> => {
  console.log('\n## What it costs in AWS, on paper (issue 21; docs/cost.md)\n');
  printPrices();
  console.log(`\nIngest counts: ${INGEST_RUN}\nCase counts: ${CASES_RUN}`);
  for (const design of INGEST_DESIGNS)
    console.log(
      `- ${design.name}: ${design.readingsPerMessage} reading(s) a message, ${design.messagesPerInvocation} message(s) an invocation, ${design.writeUnitsPerReading} WRU and ${design.readUnitsPerReading} RRU a reading; assumed ${design.secondsPerInvocation} s at ${design.memoryGb * 1024} MB an invocation`,
    );
  printDesigns('Per million readings', (design) => ingestUsage(design, 1e6));
  printDesigns(
    `A month of the district (${DISTRICT.meters} meters × ${DISTRICT.readingsPerMeterDay} readings × ${DISTRICT.days} days = ${number(districtReadings(DISTRICT))} readings)`,
    (design) => districtMonthUsage(design, DISTRICT),
  );
  console.log(
    `\n### The same months' DynamoDB on provisioned capacity instead (mean rate × ${PROVISIONED_HEADROOM} headroom), China (Ningxia)\n`,
  );
  printTable(
    ['design', 'WCU / RCU held', 'provisioned', 'on-demand writes'],
    INGEST_DESIGNS.map((design) => {
      const month = districtMonthUsage(design, DISTRICT);
      const held = provisionedUsage(month, DISTRICT, PROVISIONED_HEADROOM);
      const hours = DISTRICT.days * 24;
      return [
        design.name,
        `${(held.provisionedWcuHour ?? 0) / hours} / ${(held.provisionedRcuHour ?? 0) / hours}`,
        total(CN_NORTHWEST_1, costOf(held, CN_NORTHWEST_1)),
        total(CN_NORTHWEST_1, costOf({ writeUnit: month.writeUnit ?? 0 }, CN_NORTHWEST_1)),
      ];
    }),
  );
  console.log('\n## 1,000 cases a month, with their media (storage priced for the month they are added)\n');
  printUsage(casesUsage(CASE_LIFE, 1_000));
  const hourly = INGEST_DESIGNS[1];
  if (hourly === undefined) return;
  const both = addUsage(casesUsage(CASE_LIFE, 1_000), districtMonthUsage(hourly, DISTRICT));
  console.log(
    `\nDistrict month (hourly messages) + 1,000 cases: ${total(US_EAST_1, costOf(both, US_EAST_1))}`,
  );
  printSummary();
};
