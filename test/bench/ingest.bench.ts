/**
 * Telemetry ingest on the local stack (issue 4):
 *  - end-to-end throughput, MQTT publish (QoS 1) → rule → ingest Lambda → rollups written, against the
 *    raw BatchWriteItem throughput of the same DynamoDB Local measured in the same run with copies of
 *    real rollup items (the floor the ingest cannot beat: it too writes rollup items);
 *  - DynamoDB requests and item writes per reading at 1, 12 and 60 readings per message, from the
 *    ingest store's counters and from a counter on the SDK client every handler shares;
 *  - latency from publish to the reading being visible through `GET /emissions`;
 *  - the cost of fixed point (issue 13): the summing stage with raw doubles and with fixed point,
 *    readings/s of each in the same run (fixed-point.bench.ts).
 * Broker, rule engine, Lambdas, gateway and this bench share one Node process (DynamoDB Local is a
 * Java process beside it) on a shared machine: read the ratios, not the absolute figures.
 */
import { spawn } from 'node:child_process';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import mqtt, { type MqttClient } from 'mqtt';
import { LOCAL_STAGE, localTableName } from '../../infra/local/environment.ts';
import { FUNCTIONS } from '../../infra/manifest.ts';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { rollupItemKey, rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import {
  ingestWriteMetrics,
  resetIngestWriteMetrics,
} from '../../shared/adapters/dynamodb/carbon/ingest-write-metrics.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import { CITY_ID, localPeriodsOf, rollupKeysFor } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { measureFixedPointCost, printFixedPointCost } from './fixed-point.bench.ts';
import { loadNow, median, printTable, quantile } from './format.ts';

const READINGS = Number(process.env.BENCH_INGEST_READINGS ?? 4032);
const PER_MESSAGE = 12;
const LATENCY_MESSAGES = Number(process.env.BENCH_INGEST_LATENCY_MESSAGES ?? 50);
const RAW_ITEMS = Number(process.env.BENCH_RAW_ITEMS ?? 4800);
const TIME_ZONE = 'Asia/Shanghai';
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** Seeded meters: MTR-0001 electricity and MTR-0003 diesel are interval meters, MTR-0002 a gas register. */
const INTERVAL_METERS = ['MTR-0001', 'MTR-0003'] as const;
const CUMULATIVE_METER = 'MTR-0002';
/** The demo registry's interval meters (infra/local/demo-registry.ts), at ENT-0001..0004. */
const FLEET = [
  'MTR-0001',
  'MTR-0003',
  'MTR-0005',
  'MTR-0006',
  'MTR-0007',
  'MTR-0008',
  'MTR-0009',
  'MTR-0011',
  'MTR-0012',
];
/** Each part of the bench writes into its own month (UTC instants on local-hour boundaries: UTC+8). */
const WARM_UP_AT = Date.parse('2026-05-01T00:00:00Z');
const JVM_WARM_UP_AT = Date.parse('2026-04-01T00:00:00Z');
const THROUGHPUT_AT = Date.parse('2026-06-01T00:00:00Z');
const FLEET_AT = Date.parse('2026-03-01T00:00:00Z');
const COUNTS_AT = Date.parse('2026-07-01T00:00:00Z');
const LATENCY_AT = Date.parse('2026-08-01T00:00:00Z');

const carbon = localTableName('carbon');
const run = `bench-${Date.now().toString(36)}`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

interface Reading {
  ts: string;
  quantity?: number;
  register?: number;
}
interface Message {
  messageId: string;
  readings: Reading[];
}

/** `count` readings from `start`, `stepMs` apart: interval quantities, or a register rising from `register`. */
const readingsFrom = (start: number, count: number, stepMs: number, register?: number): Reading[] =>
  Array.from({ length: count }, (_, i) => {
    const ts = new Date(start + i * stepMs).toISOString();
    return register === undefined ? { ts, quantity: 10 + (i % 5) } : { ts, register: register + 7 * i };
  });

/**
 * Counts every DynamoDB command the handlers send: in the local runtime they run in this process and
 * share the module-scope client of shared/adapters/aws-clients.ts, as the invocations of one Lambda do.
 */
const countRequests = () => {
  const byCommand = new Map<string, number>();
  const traffic = { writesInFlight: 0, peakWritesInFlight: 0 };
  getDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      byCommand.set(name, (byCommand.get(name) ?? 0) + 1);
      const write = name === 'TransactWriteItems';
      if (write) {
        traffic.writesInFlight += 1;
        traffic.peakWritesInFlight = Math.max(traffic.peakWritesInFlight, traffic.writesInFlight);
      }
      try {
        return await next(args);
      } finally {
        if (write) traffic.writesInFlight -= 1;
      }
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
  return {
    traffic,
    reset: () => {
      byCommand.clear();
      traffic.peakWritesInFlight = 0;
    },
    total: () => [...byCommand.values()].reduce((a, b) => a + b, 0),
    summary: () =>
      [...byCommand.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([name, n]) => `${name} ${n}`)
        .join(', '),
  };
};
type RequestCounter = ReturnType<typeof countRequests>;

/** One MQTT session per meter, with the credentials the local provisioner seeded. */
const sessions = (t: TestStack) => {
  const clients = new Map<string, Promise<MqttClient>>();
  const client = (meterId: string): Promise<MqttClient> => {
    const open = clients.get(meterId);
    if (open !== undefined) return open;
    const device = t.stack.devices.find((d) => d.meterId === meterId);
    if (device === undefined) throw new Error(`no seeded device for ${meterId}`);
    const session = mqtt.connectAsync(t.stack.urls.mqtt, {
      clientId: meterId,
      username: meterId,
      password: device.secret,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    clients.set(meterId, session);
    return session;
  };
  return {
    client,
    /** Resolves on the broker's PUBACK (QoS 1). */
    publish: async (meterId: string, message: Message) => {
      const session = await client(meterId);
      await session.publishAsync(telemetryTopic(LOCAL_STAGE, meterId), JSON.stringify(message), { qos: 1 });
    },
    close: async () => {
      for (const session of clients.values()) await (await session).endAsync();
    },
  };
};
type Sessions = ReturnType<typeof sessions>;

const getItem = async (t: TestStack, pk: string, sk: string) =>
  (await t.dynamo.send(new GetCommand({ TableName: carbon, Key: { pk, sk } }))).Item;

/** The 12 rollup items (4 levels × hour, day, month) a message of the meter at `at` wrote. */
const rollupItemsOf = async (t: TestStack, meterId: string, at: number) => {
  const meter = await new DynamoRegistryStore(t.dynamo, localTableName('registry')).getMeter(meterId);
  if (meter === undefined) throw new Error(`${meterId} is not seeded`);
  const keys = rollupKeysFor(meter, localPeriodsOf(new Date(at), TIME_ZONE));
  const items = await Promise.all(keys.map(rollupItemKey).map((key) => getItem(t, key.pk, key.sk)));
  return items.filter((item): item is Record<string, unknown> => item !== undefined);
};

/** One message per interval meter, so handlers are loaded (cold starts excluded) and items exist to copy. */
const warmUp = async (t: TestStack, mqttSessions: Sessions, requests: RequestCounter) => {
  resetIngestWriteMetrics();
  requests.reset();
  for (const meterId of INTERVAL_METERS) {
    await mqttSessions.publish(meterId, {
      messageId: `${run}-warm-${meterId}`,
      readings: readingsFrom(WARM_UP_AT, PER_MESSAGE, 5 * MINUTE_MS),
    });
  }
  await t.stack.ruleEngine.idle();
  // The counters are module state: they only move here if the handlers run in this process.
  if (ingestWriteMetrics.committed !== INTERVAL_METERS.length || requests.total() === 0)
    throw new Error(
      `ingest counters not visible from the bench (committed ${ingestWriteMetrics.committed}, ` +
        `requests ${requests.total()}): the handlers do not run in this process`,
    );
  const templates = await rollupItemsOf(t, 'MTR-0001', WARM_UP_AT);
  if (templates.length !== 12) throw new Error(`expected 12 warm-up rollup items, found ${templates.length}`);
  return templates;
};

interface Throughput {
  fleet: string;
  readings: number;
  messages: number;
  seconds: number;
  publishSeconds: number;
  reached: number;
  cancelled: number;
  itemWrites: number;
  transactions: number;
  /** Message chunks in committed transactions: ÷ transactions = messages merged per transaction. */
  chunks: number;
  peakWritesInFlight: number;
  /** CPU seconds of this process (broker, rule engine, handlers, SDK) per wall second. */
  nodeCpuShare: number;
}

/** All messages published at once (one session per meter), timed until the city month counts them all. */
const ingestThroughput = async (
  t: TestStack,
  mqttSessions: Sessions,
  requests: RequestCounter,
  at: number,
  readings: number,
  meters: readonly string[],
): Promise<Throughput> => {
  const messages = Math.ceil(readings / PER_MESSAGE);
  const plan = Array.from({ length: messages }, (_, k) => {
    const meterId = meters[k % meters.length] ?? 'MTR-0001';
    const count = Math.min(PER_MESSAGE, readings - k * PER_MESSAGE);
    // Each message of a meter in its own hour, 5 minutes apart.
    const start = at + Math.floor(k / meters.length) * HOUR_MS;
    return {
      meterId,
      message: { messageId: `${run}-tp-${at}-${k}`, readings: readingsFrom(start, count, 5 * MINUTE_MS) },
    };
  });
  const cityMonth = localPeriodsOf(new Date(at), TIME_ZONE).month;
  for (const meterId of meters) await mqttSessions.client(meterId);
  resetIngestWriteMetrics();
  requests.reset();

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let publishSeconds = Number.NaN;
  const published = Promise.all(
    plan.map(({ meterId, message }) => mqttSessions.publish(meterId, message)),
  ).then(() => {
    publishSeconds = (performance.now() - started) / 1000;
  });
  let reached = 0;
  const deadline = Date.now() + 120_000;
  while (reached < readings && Date.now() < deadline) {
    await sleep(25);
    reached = Number((await getItem(t, rollupPk('city', CITY_ID, 'month'), cityMonth))?.readings ?? 0);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await published;
  await t.stack.ruleEngine.idle();
  return {
    fleet: `${meters.length} interval meters`,
    readings,
    messages,
    seconds,
    publishSeconds,
    reached,
    cancelled: ingestWriteMetrics.cancelled,
    itemWrites: ingestWriteMetrics.itemWrites,
    transactions: ingestWriteMetrics.committed,
    chunks: ingestWriteMetrics.chunksCommitted,
    peakWritesInFlight: requests.traffic.peakWritesInFlight,
    nodeCpuShare: (cpu.user + cpu.system) / 1e6 / seconds,
  };
};

/** The SDK's default HTTP agent keeps at most 50 sockets per endpoint: more calls than that only queue. */
const SDK_MAX_SOCKETS = 50;

/** The queue settings of the ingest's rule, from the manifest. */
const ingestQueue = () => {
  const trigger = FUNCTIONS.find((fn) => fn.id === 'ingestTelemetry')?.trigger;
  if (trigger?.kind !== 'iotRule') throw new Error('no ingestTelemetry iotRule in the manifest');
  return trigger.queue;
};

interface RawRun {
  kind: string;
  concurrency: number;
  itemsPerSecond: number;
}

/** `calls` calls of `write(i)` (each returns the items it wrote) shared by `concurrency` callers → items/s. */
const itemsPerSecond = async (
  concurrency: number,
  calls: number,
  write: (i: number) => Promise<number>,
): Promise<number> => {
  let next = 0;
  let written = 0;
  const caller = async () => {
    for (let i = next++; i < calls; i = next++) {
      // Not `written += await …`: that reads `written` before awaiting and loses the others' counts.
      const items = await write(i);
      written += items;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, caller));
  return written / ((performance.now() - started) / 1000);
};

/** The floor: BatchWriteItem (25 Puts a call) of copies of real rollup items under scratch keys. */
const rawBatchWrites = (t: TestStack, templates: readonly Record<string, unknown>[], concurrency: number) =>
  itemsPerSecond(concurrency, Math.ceil(RAW_ITEMS / 25), async (b) => {
    let pending = Array.from({ length: Math.min(25, RAW_ITEMS - b * 25) }, (_, i) => ({
      PutRequest: {
        Item: {
          ...templates[(b * 25 + i) % templates.length],
          pk: `BENCH#${run}#${rawPass.count}#batch#c${concurrency}#${b}`,
          sk: String(i),
        },
      },
    }));
    let written = 0;
    while (pending.length > 0) {
      const result = await t.dynamo.send(new BatchWriteCommand({ RequestItems: { [carbon]: pending } }));
      const unprocessed = (result.UnprocessedItems?.[carbon] ?? []) as typeof pending;
      written += pending.length - unprocessed.length;
      pending = unprocessed;
    }
    return written;
  });

/**
 * Where the gap comes from: TransactWriteItems of the 12 items a message writes, as Puts under fresh
 * keys (the cost of a transaction), or as ADDs of the figures onto the same 12 keys every time (a
 * transaction on hot items, as every message hits the city, industry and enterprise day and month).
 */
const rawTransactions = (
  t: TestStack,
  templates: readonly Record<string, unknown>[],
  concurrency: number,
  hot: boolean,
) =>
  itemsPerSecond(concurrency, Math.ceil(RAW_ITEMS / 2 / templates.length), async (n) => {
    const items = templates.map((template, i) => {
      const scratch = `BENCH#${run}#${rawPass.count}#txn`;
      const key = { pk: `${scratch}#${hot ? 'hot' : `c${concurrency}#${n}`}`, sk: String(i) };
      if (!hot) return { Put: { TableName: carbon, Item: { ...template, ...key } } };
      const figures = Object.entries(template).filter(([, value]) => typeof value === 'number');
      return {
        Update: {
          TableName: carbon,
          Key: key,
          UpdateExpression: `ADD ${figures.map((_, f) => `#f${f} :f${f}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(figures.map(([name], f) => [`#f${f}`, name])),
          ExpressionAttributeValues: Object.fromEntries(figures.map(([, value], f) => [`:f${f}`, value])),
        },
      };
    });
    for (let attempt = 0; ; attempt += 1) {
      try {
        await t.dynamo.send(new TransactWriteCommand({ TransactItems: items }));
        return items.length;
      } catch (error) {
        // Conflicting transactions are cancelled; retry like the ingest does (its retries count too).
        if (!(error instanceof TransactionCanceledException) || attempt > 20) throw error;
        transactionRetries.count += 1;
        await sleep(5 * (1 + Math.random()));
      }
    }
  });

const transactionRetries = { count: 0 };
/** Each pass of the raw writes uses fresh scratch keys. */
const rawPass = { count: 0 };

const rawWrites = async (
  t: TestStack,
  templates: readonly Record<string, unknown>[],
  matched: number,
): Promise<RawRun[]> => {
  rawPass.count += 1;
  const runs: RawRun[] = [];
  for (const concurrency of [...new Set([1, matched, 16, SDK_MAX_SOCKETS])].sort((a, b) => a - b)) {
    runs.push({
      kind: `raw BatchWriteItem ×25 Put (pass ${rawPass.count})`,
      concurrency,
      itemsPerSecond: await rawBatchWrites(t, templates, concurrency),
    });
  }
  for (const hot of [false, true]) {
    transactionRetries.count = 0;
    const rate = await rawTransactions(t, templates, matched, hot);
    runs.push({
      kind: `raw TransactWriteItems ×12 ${hot ? 'ADD, same 12 keys' : 'Put, fresh keys'} (pass ${rawPass.count}, ${transactionRetries.count} retried)`,
      concurrency: matched,
      itemsPerSecond: rate,
    });
  }
  return runs;
};

interface WriteCount {
  scenario: string;
  perMessage: number;
  messages: number;
  readings: number;
  writeRequests: number;
  itemWrites: number;
  ingestReads: number;
  allRequests: number;
  cancelled: number;
  commands: string;
}

/**
 * One after another, each message handled before the next is published (every batch holds one
 * message: the most a message can cost), or as a burst (published at once: the queue batches them).
 */
const writeCounts = async (
  t: TestStack,
  mqttSessions: Sessions,
  requests: RequestCounter,
  scenario: string,
  meterId: string,
  messages: readonly Message[],
  burst: boolean,
): Promise<WriteCount> => {
  resetIngestWriteMetrics();
  requests.reset();
  if (burst) await Promise.all(messages.map((message) => mqttSessions.publish(meterId, message)));
  else
    for (const message of messages) {
      await mqttSessions.publish(meterId, message);
      await t.stack.ruleEngine.idle();
    }
  await t.stack.ruleEngine.idle();
  return {
    scenario: `${scenario}, ${burst ? 'burst' : 'one by one'}`,
    perMessage: messages[0]?.readings.length ?? 0,
    messages: messages.length,
    readings: messages.reduce((sum, m) => sum + m.readings.length, 0),
    writeRequests: ingestWriteMetrics.writeRequests,
    itemWrites: ingestWriteMetrics.itemWrites,
    ingestReads: ingestWriteMetrics.readRequests,
    allRequests: requests.total(),
    cancelled: ingestWriteMetrics.cancelled,
    commands: requests.summary(),
  };
};

const writeCountScenarios = async (t: TestStack, mqttSessions: Sessions, requests: RequestCounter) => {
  const day = (n: number) => COUNTS_AT + n * 24 * HOUR_MS;
  // 1 a message: 12 messages, 5 minutes apart in one hour.
  const single = Array.from({ length: 12 }, (_, i) => ({
    messageId: `${run}-w1-${i}`,
    readings: readingsFrom(day(0) + i * 5 * MINUTE_MS, 1, 0),
  }));
  // 12 a message: 5 hours, 12 readings 5 minutes apart each.
  const twelve = Array.from({ length: 5 }, (_, h) => ({
    messageId: `${run}-w12-${h}`,
    readings: readingsFrom(day(1) + h * HOUR_MS, 12, 5 * MINUTE_MS),
  }));
  // 60 a message: 3 whole hours, aligned to the hour, a reading every minute.
  const sixty = Array.from({ length: 3 }, (_, h) => ({
    messageId: `${run}-w60-${h}`,
    readings: readingsFrom(day(2) + h * HOUR_MS, 60, MINUTE_MS),
  }));
  // Cumulative register, 12 a message over 5 consecutive hours (the first message opens the register).
  const register = Array.from({ length: 5 }, (_, h) => ({
    messageId: `${run}-c12-${h}`,
    readings: readingsFrom(day(3) + h * HOUR_MS, 12, 5 * MINUTE_MS, 1_000 + h * 12 * 7),
  }));
  // The same shapes again a week later, published as bursts.
  const later = (messages: Message[]) =>
    messages.map((m) => ({
      messageId: `${m.messageId}-burst`,
      // Registers carry on from where the first week left them (a fall would read as a rollover).
      readings: m.readings.map((r) => ({
        ...r,
        ts: new Date(Date.parse(r.ts) + 7 * 24 * HOUR_MS).toISOString(),
        ...(r.register === undefined ? {} : { register: r.register + 10_000 }),
      })),
    }));
  const rows: WriteCount[] = [];
  for (const burst of [false, true]) {
    const shape = (messages: Message[]) => (burst ? later(messages) : messages);
    rows.push(
      await writeCounts(t, mqttSessions, requests, 'interval', 'MTR-0001', shape(single), burst),
      await writeCounts(t, mqttSessions, requests, 'interval', 'MTR-0001', shape(twelve), burst),
      await writeCounts(t, mqttSessions, requests, 'interval', 'MTR-0001', shape(sixty), burst),
      await writeCounts(t, mqttSessions, requests, 'cumulative', CUMULATIVE_METER, shape(register), burst),
    );
  }
  return rows;
};

/** Publish one reading, then poll `GET /emissions` (meter, hour) every 20 ms until it counts it. */
const visibilityLatencies = async (t: TestStack, mqttSessions: Sessions) => {
  const token = t.stack.users.admin.token;
  const latencies: number[] = [];
  let timeouts = 0;
  await mqttSessions.client('MTR-0001');
  for (let i = 0; i < LATENCY_MESSAGES; i += 1) {
    const at = LATENCY_AT + i * HOUR_MS;
    const hour = localPeriodsOf(new Date(at), TIME_ZONE).hour;
    const path = `/emissions?level=meter&id=MTR-0001&granularity=hour&from=${hour}&to=${hour}`;
    const started = performance.now();
    await mqttSessions.publish('MTR-0001', {
      messageId: `${run}-lat-${i}`,
      readings: readingsFrom(at, 1, 0),
    });
    let seen = false;
    while (!seen && performance.now() - started < 10_000) {
      const response = await t.api(path, { token });
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { series?: { readings: number }[] };
      seen = (body.series?.[0]?.readings ?? 0) >= 1;
      if (!seen) await sleep(20);
    }
    if (seen) latencies.push(performance.now() - started);
    else timeouts += 1;
    await t.stack.ruleEngine.idle();
    await sleep(30);
  }
  return { latencies, timeouts };
};

const printThroughput = (runs: readonly Throughput[], matched: number, raw: readonly RawRun[]) => {
  const batchRuns = raw.filter((r) => r.kind.includes('BatchWriteItem'));
  const best = Math.max(...batchRuns.map((r) => r.itemsPerSecond));
  const atMatched = Math.max(
    ...batchRuns.filter((r) => r.concurrency === matched).map((r) => r.itemsPerSecond),
  );
  console.log(
    `\n### Throughput: messages of ${PER_MESSAGE} readings over MQTT (QoS 1), all published at once; the ` +
      `rule's queue hands the ingest batches of up to ${ingestQueue().batchSize}, ` +
      `${ingestQueue().maxConcurrency} at a time. Raw writes measured before and after the ingest runs.\n`,
  );
  printTable(
    ['path', 'concurrency', 'rate', 'ingest ÷ best raw', 'ingest ÷ raw at same concurrency'],
    [
      ...runs.map((tp) => {
        const rate = tp.reached / tp.seconds;
        return [
          `ingest, ${tp.fleet}: publish → city month counts all (${tp.reached}/${tp.readings} in ${fixed(tp.seconds)} s)`,
          String(matched),
          `${fixed(rate, 0)} readings/s`,
          fixed(rate / best),
          fixed(rate / atMatched),
        ];
      }),
      ...raw.map((r) => [r.kind, String(r.concurrency), `${fixed(r.itemsPerSecond, 0)} items/s`, '', '']),
    ],
  );
  console.log(`\nTarget: ingest ÷ best raw batch writes ≥ 0.50. Load average now ${loadNow()}.`);
  for (const tp of runs)
    console.log(
      `  ${tp.fleet}: ${tp.messages} messages; ${tp.itemWrites} rollup item writes ` +
        `(${fixed(tp.itemWrites / tp.readings)} a reading) in ${tp.transactions} transactions ` +
        `(${fixed(tp.chunks / tp.transactions, 1)} messages each), at most ${tp.peakWritesInFlight} pending at once; ` +
        `${tp.cancelled} cancelled (contention or a condition) and retried; publishing took ` +
        `${fixed(tp.publishSeconds)} s; the Node process (broker, rule engine, handlers) used ` +
        `${fixed(tp.nodeCpuShare)} CPU-seconds per second.`,
    );
};

const printWriteCounts = (rows: readonly WriteCount[]) => {
  console.log('\n### DynamoDB requests per reading (messages sent one after another)\n');
  const per = (n: number, r: WriteCount) => fixed(n / r.readings, 3);
  printTable(
    [
      'meter',
      'readings/msg',
      'msgs',
      'write req/reading',
      'item writes/reading',
      'ingest reads/reading',
      'all requests/reading',
      'cancelled',
    ],
    rows.map((r) => [
      r.scenario,
      String(r.perMessage),
      String(r.messages),
      per(r.writeRequests, r),
      per(r.itemWrites, r),
      per(r.ingestReads, r),
      per(r.allRequests, r),
      String(r.cancelled),
    ]),
  );
  console.log(
    '\nwrite req = TransactWriteItems calls; item writes = items in committed transactions (target ≤ 1 per ' +
      'reading at 12 a message); all requests = every DynamoDB call of the handlers, meter and credential ' +
      'look-ups and budget checks included:',
  );
  for (const r of rows) console.log(`  ${r.scenario} ${r.perMessage}/msg: ${r.commands}`);
};

const printLatency = (result: { latencies: number[]; timeouts: number }) => {
  console.log(`\n### Publish → visible through GET /emissions (meter, hour; polled every 20 ms)\n`);
  printTable(
    ['messages', 'p50', 'p99', 'max', 'not visible in 10 s'],
    [
      [
        String(result.latencies.length + result.timeouts),
        `${fixed(median(result.latencies), 1)} ms`,
        `${fixed(quantile(result.latencies, 0.99), 1)} ms`,
        `${fixed(Math.max(...result.latencies), 1)} ms`,
        String(result.timeouts),
      ],
    ],
  );
};

const CHILD_FLAG = 'QS_INGEST_BENCH_CHILD';

/**
 * Runs in a child process: the handlers' SDK client is a module-scope singleton bound to the first
 * stack's DynamoDB endpoint, so a bench that ran earlier in the same process would leave it stale.
 */
export const runIngestBench = async (): Promise<void> => {
  const child = spawn(process.execPath, [...process.execArgv, import.meta.filename], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD_FLAG]: '1' },
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`ingest bench exited with ${code}`);
};

const benchIngest = async (): Promise<void> => {
  console.log('\n## Telemetry ingest: MQTT → rule → Lambda → rollups (local stack, one Node process)');
  const t = await startTestStack();
  const mqttSessions = sessions(t);
  try {
    const requests = countRequests();
    const templates = await warmUp(t, mqttSessions, requests);
    // The ingest consumes its queue with at most `maxConcurrency` invocations at once, each sending
    // its transactions one after another: the raw writes are measured at that concurrency too (and
    // at 1, 16 and 50, the SDK's socket limit; the ratio is taken against the best of them).
    const matched = ingestQueue().maxConcurrency;
    // DynamoDB Local's JVM runs ~2× faster once warm: both paths run once untimed before either is timed.
    await rawWrites(t, templates, matched);
    await ingestThroughput(t, mqttSessions, requests, JVM_WARM_UP_AT, Math.floor(READINGS / 2), FLEET);
    const rawBefore = await rawWrites(t, templates, matched);
    const runs = [
      // Two meters of one enterprise: every message shares its enterprise, industry and city items.
      await ingestThroughput(t, mqttSessions, requests, THROUGHPUT_AT, READINGS, INTERVAL_METERS),
      // Every interval meter of the demo registry, at four enterprises in four industries.
      await ingestThroughput(t, mqttSessions, requests, FLEET_AT, READINGS, FLEET),
    ];
    const rawAfter = await rawWrites(t, templates, matched);
    printThroughput(runs, matched, [...rawBefore, ...rawAfter]);
    printFixedPointCost(measureFixedPointCost(), Math.max(...runs.map((tp) => tp.reached / tp.seconds)));
    printWriteCounts(await writeCountScenarios(t, mqttSessions, requests));
    printLatency(await visibilityLatencies(t, mqttSessions));
  } finally {
    await mqttSessions.close();
    await t.close();
  }
};

if (process.env[CHILD_FLAG] === '1' && process.argv[1] === import.meta.filename) await benchIngest();
