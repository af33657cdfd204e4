/**
 * Unit prices for docs/cost.md and `npm run bench -- cost`, each with where it was read.
 *
 * `read`: the figure was read on 2026-12-07 in AWS's own published text (aws.amazon.com,
 * docs.aws.amazon.com, amazonaws.cn), through the stored copies of those pages the team's search
 * tool holds — not the live page; the address is given. `unverified`: AWS's own text with the
 * figure was not found (the global pricing pages render their tables from scripts, so the stored
 * copies hold template tokens, not numbers); the figure comes from the third-party page named, and
 * must be checked on the pricing page before it is quoted. A price left out was not found at all:
 * the lines that need it are printed as "not found", never filled in.
 */
export type PriceKey =
  | 'iotMessage'
  | 'iotRule'
  | 'iotAction'
  | 'iotConnectionMinute'
  | 'sqsRequest'
  | 'lambdaRequest'
  | 'lambdaGbSecond'
  | 'writeUnit'
  | 'readUnit'
  | 'dynamoGbMonth'
  | 'provisionedWcuHour'
  | 'provisionedRcuHour'
  | 's3GbMonth'
  | 's3Put'
  | 'apiRequest';

export interface Price {
  /** The published figure, for `per` units of `unit`. */
  amount: number;
  per: number;
  unit: string;
  status: 'read' | 'unverified';
  source: string;
  note?: string;
}

export interface PriceBook {
  region: string;
  name: string;
  currency: 'USD' | 'CNY';
  symbol: string;
  /** The date the prices were looked up. */
  lookedUp: string;
  prices: Partial<Record<PriceKey, Price>>;
}

const LAMBDA_CN_PAGE = 'https://aws.amazon.com/cn/lambda/pricing/';
const IOT_EXAMPLE =
  'third-party transcriptions of the worked example on https://aws.amazon.com/iot-core/pricing/ (Europe (Ireland)): gist brianfoody/2c62cecc, api-evangelist amazon-iot-core (read 2026-09-20)';

/** US East (N. Virginia), USD. Free tiers are left out everywhere. */
export const US_EAST_1: PriceBook = {
  region: 'us-east-1',
  name: 'US East (N. Virginia)',
  currency: 'USD',
  symbol: '$',
  lookedUp: '2026-12-07',
  prices: {
    iotMessage: {
      amount: 1.0,
      per: 1e6,
      unit: 'messages (≤ 5 KB)',
      status: 'unverified',
      source: IOT_EXAMPLE,
    },
    iotRule: {
      amount: 0.15,
      per: 1e6,
      unit: 'rules triggered',
      status: 'unverified',
      source:
        "not found in any page here; kept from the team's earlier estimate (docs/cost.md, 2026-11), origin not known",
    },
    iotAction: {
      amount: 0.15,
      per: 1e6,
      unit: 'actions executed',
      status: 'unverified',
      source:
        "not found in any page here; kept from the team's earlier estimate (docs/cost.md, 2026-11), origin not known",
    },
    iotConnectionMinute: {
      amount: 0.08,
      per: 1e6,
      unit: 'connection minutes',
      status: 'unverified',
      source: IOT_EXAMPLE,
    },
    sqsRequest: {
      amount: 0.4,
      per: 1e6,
      unit: 'standard-queue requests (64 KB chunks)',
      status: 'unverified',
      source:
        'third-party: https://cloudburn.io/blog/amazon-sqs-pricing (2026-03-14), https://www.factualminds.com/blog/amazon-sqs-pricing-64kb-rule-fifo-vs-standard/ (2026-06)',
    },
    lambdaRequest: {
      amount: 0.2,
      per: 1e6,
      unit: 'requests',
      status: 'read',
      source:
        'https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html ("$0.20 per 1 million requests thereafter")',
      note: 'the whitepaper names no region',
    },
    lambdaGbSecond: {
      amount: 0.0000133334,
      per: 1,
      unit: 'GB-seconds, Arm (the functions are ARM_64)',
      status: 'unverified',
      source:
        'third-party: https://cloudchipr.com/blog/aws-lambda-pricing (2024, first 7.5 B GB-s, N. Virginia)',
      note: `the x86 rate, $0.0000166667 per GB-s, was read in AWS's worked example for US East (N. Virginia) on ${LAMBDA_CN_PAGE}; Arm is billed below x86, so the x86 rate bounds this line (+25 %)`,
    },
    writeUnit: {
      amount: 0.625,
      per: 1e6,
      unit: 'write request units (on-demand)',
      status: 'unverified',
      source:
        'third-party: https://airbyte.com/data-engineering-resources/dynamodb-pricing (2025-07, "after the 50 % reduction" of 2024-11)',
    },
    readUnit: {
      amount: 0.125,
      per: 1e6,
      unit: 'read request units (on-demand)',
      status: 'unverified',
      source:
        'third-party: https://airbyte.com/data-engineering-resources/dynamodb-pricing (2025-07); another page gives $0.25',
    },
    dynamoGbMonth: {
      amount: 0.25,
      per: 1,
      unit: 'GB-month (Standard table class, past the first 25 GB)',
      status: 'read',
      source:
        'https://aws.amazon.com/vi/dynamodb/pricing/ ("prices start at 0.25 USD per GB" after the first 25 GB a month)',
      note: 'an older localized copy of the page; names no region ("start at")',
    },
    s3GbMonth: {
      amount: 0.023,
      per: 1,
      unit: 'GB-month, S3 Standard, first 50 TB',
      status: 'unverified',
      source:
        'third-party: https://devnotes.tech/understanding-aws-s3-pricing-a-complete-cost-breakdown-with-examples ("US East")',
    },
    s3Put: {
      amount: 0.005,
      per: 1000,
      unit: 'PUT, COPY, POST, LIST requests',
      status: 'unverified',
      source:
        'third-party: https://devnotes.tech/understanding-aws-s3-pricing-a-complete-cost-breakdown-with-examples',
    },
    apiRequest: {
      amount: 1.0,
      per: 1e6,
      unit: 'HTTP API requests (first 300 M)',
      status: 'unverified',
      source:
        'third-party: https://www.learnaws.org/2021/01/10/api-gateway-pricing/ (2021), https://www.apigatewaycost.com/aws',
    },
  },
};

const DYNAMODB_CN_PAGE = 'https://www.amazonaws.cn/en/dynamodb/pricing/';

/**
 * China (Ningxia), CNY: the same page covers Beijing and Ningxia. Only DynamoDB's prices could be
 * read; IoT Core, SQS, Lambda, S3 and API Gateway in CNY were not found (their stored pages start
 * with metering rules, not prices), so those lines stay empty.
 */
export const CN_NORTHWEST_1: PriceBook = {
  region: 'cn-northwest-1',
  name: 'China (Ningxia)',
  currency: 'CNY',
  symbol: '¥',
  lookedUp: '2026-12-07',
  prices: {
    writeUnit: {
      amount: 11.1538,
      per: 1e6,
      unit: 'write request units (on-demand)',
      status: 'read',
      source: `${DYNAMODB_CN_PAGE} ("Write requests: ¥ 11.1538 for e…", On-Demand Capacity, China (Beijing) and China (Ningxia) Regions)`,
      note: 'the stored text is cut after "for e": "every million write request units" is the page\'s usual wording, not read',
    },
    provisionedWcuHour: {
      amount: 0.058,
      per: 10,
      unit: 'WCU-hours (provisioned, Standard table class)',
      status: 'read',
      source: `${DYNAMODB_CN_PAGE} ("Write throughput: ¥ 0.058 for every 10 units of write capacity", an hourly rate)`,
    },
    provisionedRcuHour: {
      amount: 0.058,
      per: 50,
      unit: 'RCU-hours (provisioned, Standard table class)',
      status: 'read',
      source: `${DYNAMODB_CN_PAGE} ("Read throughput: ¥ 0.058 for every 50 units of read capacity", an hourly rate)`,
    },
  },
};

export const PRICE_BOOKS: readonly PriceBook[] = [US_EAST_1, CN_NORTHWEST_1];
