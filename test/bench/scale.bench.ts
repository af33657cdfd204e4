/**
 * `npm run bench -- scale [--soak <seconds>]` (issue 21): the ingest at district scale — 500 meters at
 * 50 enterprises in 10 industries (scale-fleet.ts), 15-minute readings.
 *  - one week backfilled as fast as possible: readings/s against the best raw BatchWriteItem items/s
 *    of the same DynamoDB Local (copies of real rollup items), measured before and after in this run;
 *    transactions cancelled by contention (TransactionConflict) per transaction sent;
 *  - hot items: one day each at maxConcurrency 4, 8 and 16, cancellations per transaction;
 *  - a live soak at the fleet's real rate (each meter one reading every 15 minutes, i.e. 0.56
 *    messages/s), heap used at start and end (after a full GC).
 * Path: the real ingest handler fed by the local SQS event source (infra/local/sqs-event-source.ts)
 * with the rule's message bodies and the manifest's batch size — the broker and rule journal are left
 * out (500 MQTT sessions in this process would measure the broker; `bench -- ingest` covers MQTT).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { localTableName } from '../../infra/local/environment.ts';
import { createLocalFunction } from '../../infra/local/local-function.ts';
import { startSqsEventSource } from '../../infra/local/sqs-event-source.ts';
import { FUNCTIONS, type IotRuleQueue } from '../../infra/manifest.ts';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import {
  ingestWriteMetrics,
  resetIngestWriteMetrics,
} from '../../shared/adapters/dynamodb/carbon/ingest-write-metrics.ts';
import { CITY_ID, localPeriodsOf } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { loadNow, printTable } from './format.ts';
import { probeRequests } from './request-probe.ts';
import { meterIds, READING_INTERVAL_MS, registerFleet, ruleBody } from './scale-fleet.ts';
import { heapAfterGcAvailable, startProgress, traceHeap } from './scale-progress.ts';
import {
  clearWrittenItems,
  rollupItemSizes,
  tallyWrittenItems,
  transactedWriteUnits,
} from './transacted-units.ts';

const DAYS = Number(process.env.BENCH_SCALE_DAYS ?? 7);
const HOT_DAYS = Number(process.env.BENCH_SCALE_HOT_DAYS ?? 1);
const SOAK_SECONDS = Number(process.env.BENCH_SCALE_SOAK_SECONDS ?? 600);
const RAW_ITEMS = Number(process.env.BENCH_RAW_ITEMS ?? 6000);
/**
 * Item sizes after the backfill: a Scan of the whole carbon table and a read of every written item.
 * Off by default past one day: after the week the Scan had not returned in 12 minutes (2026-12-07).
 */
const SIZES = (process.env.BENCH_SCALE_SIZES ?? (DAYS <= 1 ? '1' : '0')) === '1';
/** The backfill's maxConcurrency (default the manifest's): `BENCH_SCALE_CONCURRENCY=8` measures 8. */
const CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 0);
/** Readings per backfilled message: one hour of a meter (the simulator's and a data logger's habit). */
const PER_MESSAGE = 4;
const HOUR_MS = 3_600_000;
const carbon = localTableName('carbon');
const CHILD_FLAG = 'QS_SCALE_BENCH_CHILD';

/** Local midnights (UTC+8) in months of their own, so each part counts on its own city month item. */
const BACKFILL_AT = Date.parse('2026-02-01T16:00:00Z');
const HOT_AT = [
  Date.parse('2026-03-01T16:00:00Z'),
  Date.parse('2026-04-01T16:00:00Z'),
  Date.parse('2026-05-01T16:00:00Z'),
];

export const runScaleBench = async (): Promise<void> => {
  const child = spawn(process.execPath, ['--expose-gc', ...process.execArgv, import.meta.filename], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD_FLAG]: '1' },
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`scale bench exited with ${code}`);
};

/**
 * Every DynamoDB request the handlers send (they share this process's module-scope client, as the
 * invocations of one Lambda container do), and the TransactWriteItems cancelled because another
 * writer held an item (TransactionConflict) or for another reason (a condition: a duplicate).
 */
const transactions = { sent: 0, contended: 0, otherCancelled: 0, itemWrites: 0, outside: 0 };
/**
 * Set inside the ingest's invocations: the stack's scheduled jobs (offline scan, notifications,
 * imports…) share the SDK client and would otherwise be counted as the ingest's requests.
 */
const inIngest = new AsyncLocalStorage<true>();
const isIngest = () => inIngest.getStore() === true;
const countCancellation = (error: unknown) => {
  if (!(error instanceof TransactionCanceledException)) return;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
  if (codes.includes('TransactionConflict')) transactions.contended += 1;
  else transactions.otherCancelled += 1;
};
const countTransactions = () => {
  getDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      if (!isIngest()) {
        transactions.outside += 1;
        return next(args);
      }
      transactions.sent += 1;
      transactions.itemWrites += (args.input as { TransactItems?: unknown[] }).TransactItems?.length ?? 0;
      tallyWrittenItems(args.input);
      try {
        return await next(args);
      } catch (error) {
        countCancellation(error);
        throw error;
      }
    },
    { step: 'initialize', name: 'scaleBenchTransactions' },
  );
};
const resetTransactions = () => {
  Object.assign(transactions, { sent: 0, contended: 0, otherCancelled: 0, itemWrites: 0, outside: 0 });
  clearWrittenItems();
  probe.reset();
  resetIngestWriteMetrics();
};
const requestSummary = (readings: number) => {
  const { committed, folds, foldsCancelled, foldedPending } = ingestWriteMetrics;
  return `${probe.summary(readings)} (per reading); ${committed} group transactions, ${folds} folds of ${foldedPending} pending items (${foldsCancelled} cancelled)`;
};

const ingestSpec = () => {
  const spec = FUNCTIONS.find((fn) => fn.id === 'ingestTelemetry');
  if (spec?.trigger.kind !== 'iotRule') throw new Error('no ingestTelemetry iotRule in the manifest');
  return { spec, queue: spec.trigger.queue };
};

/** A queue with the manifest's settings (maxConcurrency overridden), draining into the real handler. */
const ingestQueue = (maxConcurrency: number) => {
  const { spec, queue } = ingestSpec();
  const fn = createLocalFunction(spec, process.cwd());
  const failures = { deadLettered: 0, delivered: 0 };
  const settings: IotRuleQueue = { ...queue, maxConcurrency };
  const source = startSqsEventSource<null>({
    queueName: 'scale-bench',
    settings,
    invoke: (event) => inIngest.run(true, () => fn.invoke(event)),
    delivered: () => {
      failures.delivered += 1;
    },
    deadLetter: async () => {
      failures.deadLettered += 1;
    },
  });
  let n = 0;
  const send = (body: string) =>
    source.send({ id: `scale-${n++}`, body, sentTimestamp: Date.now(), origin: null });
  return { send, idle: () => source.idle(), halt: () => source.halt(), failures };
};

const cityMonthReadings = async (t: TestStack, at: number) => {
  const month = localPeriodsOf(new Date(at), 'Asia/Shanghai').month;
  const item = await t.dynamo.send(
    new GetCommand({ TableName: carbon, Key: { pk: rollupPk('city', CITY_ID, 'month'), sk: month } }),
  );
  return Number(item.Item?.readings ?? 0);
};

interface Backfill {
  label: string;
  readings: number;
  messages: number;
  seconds: number;
  counted: number;
  sent: number;
  contended: number;
  otherCancelled: number;
  /** Transactions of the stack's scheduled jobs meanwhile (not counted above). */
  outside: number;
  itemWrites: number;
  deadLettered: number;
  requests: string;
  /** CPU seconds of this process per wall second (2 cores at most). */
  cpu: number;
  /** The box's 1-minute load average at the start and end (other engineers share it). */
  load: string;
}

/** `days` days of every meter from `at`, one message per meter-hour, all queued at once. */
const backfill = async (
  t: TestStack,
  label: string,
  at: number,
  days: number,
  maxConcurrency: number,
): Promise<Backfill> => {
  const meters = meterIds();
  const queue = ingestQueue(maxConcurrency);
  resetTransactions();
  const hours = Math.ceil(days * 24);
  console.log(`[${new Date().toISOString()}] ${label}: ${hours * meters.length} messages to queue`);
  const progress = startProgress(label, hours * meters.length * PER_MESSAGE, () => {
    return queue.failures.delivered * PER_MESSAGE;
  });
  const cpuBefore = process.cpuUsage();
  const loadBefore = loadNow();
  const started = performance.now();
  let messages = 0;
  // Hour by hour, all meters: the order a fleet's loggers catching up would arrive in.
  for (let hour = 0; hour < hours; hour++) {
    const start = at + hour * HOUR_MS;
    for (const [index, meterId] of meters.entries()) {
      queue.send(ruleBody(meterId, index, start, PER_MESSAGE, Date.now()));
      messages += 1;
    }
    // Yield now and then so the handlers run while the rest is queued.
    if (hour % 6 === 5) await new Promise((resolve) => setImmediate(resolve));
  }
  await queue.idle();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  progress.stop();
  queue.halt();
  return {
    label,
    requests: requestSummary(messages * PER_MESSAGE),
    cpu: (cpu.user + cpu.system) / 1e6 / seconds,
    load: `${loadBefore} → ${loadNow()}`,
    readings: messages * PER_MESSAGE,
    messages,
    seconds,
    counted: await cityMonthReadings(t, at),
    ...transactions,
    deadLettered: queue.failures.deadLettered,
  };
};

/** Raw BatchWriteItem (25 Puts a call) of copies of real rollup items under scratch keys → best items/s. */
const rawBatchWrite = async (t: TestStack, templates: Record<string, unknown>[], pass: string) => {
  const load = loadNow();
  let best = 0;
  for (const concurrency of [1, 4, 16, 50]) {
    const calls = Math.ceil(RAW_ITEMS / 25);
    let next = 0;
    const started = performance.now();
    const caller = async () => {
      for (let b = next++; b < calls; b = next++) {
        let pending = Array.from({ length: 25 }, (_, i) => ({
          PutRequest: {
            Item: {
              ...templates[(b * 25 + i) % templates.length],
              pk: `BENCH#scale#${pass}#${concurrency}#${b}`,
              sk: String(i),
            },
          },
        }));
        while (pending.length > 0) {
          const result = await t.dynamo.send(new BatchWriteCommand({ RequestItems: { [carbon]: pending } }));
          pending = (result.UnprocessedItems?.[carbon] ?? []) as typeof pending;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, caller));
    best = Math.max(best, (calls * 25) / ((performance.now() - started) / 1000));
  }
  console.log(`raw BatchWriteItem ${pass}: ${best.toFixed(0)} items/s (load avg ${load} → ${loadNow()})`);
  return best;
};

const rollupTemplates = async (t: TestStack, at: number) => {
  const periods = localPeriodsOf(new Date(at), 'Asia/Shanghai');
  const keys = [
    [rollupPk('meter', 'SCL-0001', 'hour'), periods.hour],
    [rollupPk('meter', 'SCL-0001', 'day'), periods.day],
    [rollupPk('city', CITY_ID, 'hour'), periods.hour],
    [rollupPk('city', CITY_ID, 'day'), periods.day],
    [rollupPk('city', CITY_ID, 'month'), periods.month],
  ] as const;
  const items = await Promise.all(
    keys.map(
      async ([pk, sk]) => (await t.dynamo.send(new GetCommand({ TableName: carbon, Key: { pk, sk } }))).Item,
    ),
  );
  const found = items.filter((item): item is Record<string, unknown> => item !== undefined);
  if (found.length === 0) throw new Error('no rollup items to copy for the raw baseline');
  return found;
};

interface Soak {
  seconds: number;
  messages: number;
  heapStart: number;
  heapEnd: number;
  heapPeak: number;
  /** `[seconds, MiB]`: the heap after GC on each progress line. */
  afterGc: [number, number][];
  deadLettered: number;
}

/** Every meter publishes one reading every 15 minutes, spread evenly: the fleet's real rate. */
const soak = async (seconds: number): Promise<Soak> => {
  const meters = meterIds();
  const queue = ingestQueue(ingestSpec().queue.maxConcurrency);
  const gapMs = READING_INTERVAL_MS / meters.length;
  const heap = traceHeap('live soak', () => queue.failures.delivered);
  const started = Date.now();
  let messages = 0;
  while (Date.now() - started < seconds * 1000) {
    const meterIndex = messages % meters.length;
    const now = Date.now();
    queue.send(ruleBody(meters[meterIndex] ?? '', meterIndex, now - (now % 1000), 1, now));
    messages += 1;
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  await queue.idle();
  queue.halt();
  const trace = heap.stop();
  return {
    seconds,
    messages,
    heapStart: trace.start,
    heapEnd: trace.end,
    heapPeak: trace.peak,
    afterGc: trace.afterGc,
    deadLettered: queue.failures.deadLettered,
  };
};

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(2)} %`);

const printBackfills = (runs: Backfill[], rawBest: number) => {
  printTable(
    [
      'run',
      'readings',
      'counted',
      'messages',
      's',
      'readings/s',
      '× raw batch',
      'txns',
      'contended',
      'other cancelled',
      'dead-lettered',
      'CPU',
      'load avg',
    ],
    runs.map((r) => [
      r.label,
      String(r.readings),
      String(r.counted),
      String(r.messages),
      r.seconds.toFixed(1),
      (r.readings / r.seconds).toFixed(0),
      (r.readings / r.seconds / rawBest).toFixed(2),
      String(r.sent),
      `${r.contended} (${pct(r.contended, r.sent)})`,
      String(r.otherCancelled),
      String(r.deadLettered),
      r.cpu.toFixed(2),
      r.load,
    ]),
  );
  for (const r of runs)
    console.log(
      `requests, ${r.label}: ${r.requests}; ${(r.itemWrites / r.readings).toFixed(3)} transactional item writes a reading`,
    );
};

let probe: ReturnType<typeof probeRequests>;

const benchScale = async (): Promise<void> => {
  const t = await startTestStack();
  probe = probeRequests(isIngest);
  try {
    countTransactions();
    await registerFleet(t.dynamo, localTableName('registry'), process.env.QS_IDENTIFIER_PREFIX || '88.118.8');
    const meters = meterIds().length;
    console.log(
      `\n## Ingest at district scale: ${meters} meters, 50 enterprises, 10 industries, 15-minute readings (Node ${process.version})\n`,
    );
    // Warm-up (module load, JIT, DynamoDB Local's JVM) on a day of its own month, untimed.
    await backfill(t, 'warm-up', Date.parse('2026-01-01T16:00:00Z'), 1 / 6, 4);
    const templates = await rollupTemplates(t, Date.parse('2026-01-01T16:00:00Z'));
    const rawBefore = await rawBatchWrite(t, templates, 'before');
    const { queue } = ingestSpec();
    const concurrency = CONCURRENCY > 0 ? CONCURRENCY : queue.maxConcurrency;
    const week = await backfill(
      t,
      `${DAYS} d backfill, maxConcurrency ${concurrency}`,
      BACKFILL_AT,
      DAYS,
      concurrency,
    );
    // Printed at once as well: on a loaded box the rest of the run may not finish.
    console.log(
      `${week.label}: ${week.readings} readings in ${week.seconds.toFixed(1)} s = ${(week.readings / week.seconds).toFixed(0)} readings/s = ${(week.readings / week.seconds / rawBefore).toFixed(2)} × raw before; counted ${week.counted} on the city month, ${week.deadLettered} dead-lettered; ${week.sent} transactions, ${week.contended} contended, ${week.otherCancelled} cancelled otherwise (${week.outside} transactions of scheduled jobs not counted); load avg ${week.load}; requests ${week.requests}`,
    );
    if (SIZES) {
      console.log(`rollup item sizes (DynamoDB's count): ${await rollupItemSizes(t.dynamo, carbon)}`);
      console.log(
        `transacted write units by the items' sizes (2 a KB, 1 a KB per index): ${((await transactedWriteUnits(t.dynamo)) / week.readings).toFixed(3)} a reading`,
      );
    } else console.log('item sizes not read (BENCH_SCALE_SIZES=1 reads them; slow past a day)');
    const rawAfter = await rawBatchWrite(t, templates, 'after');
    const rawBest = Math.max(rawBefore, rawAfter);
    const hot: Backfill[] = [];
    for (const [i, concurrency] of (HOT_DAYS > 0 ? [4, 8, 16] : []).entries()) {
      hot.push(
        await backfill(
          t,
          `${HOT_DAYS} d, maxConcurrency ${concurrency}`,
          HOT_AT[i] ?? 0,
          HOT_DAYS,
          concurrency,
        ),
      );
    }
    printBackfills([week, ...hot], rawBest);
    console.log(
      `\nraw BatchWriteItem best ${rawBest.toFixed(0)} items/s (before ${rawBefore.toFixed(0)}, after ${rawAfter.toFixed(0)}; 25 Puts a call at 1/4/16/50 callers). Targets: readings/s ≥ 1.0 × raw; contended ≤ 1 % of transactions.`,
    );
    console.log(
      `Path: the ingest handler fed by the local SQS event source (batch ${queue.batchSize}), broker left out. ${PER_MESSAGE} readings a message (a meter-hour).`,
    );
    resetTransactions();
    const soakLoad = loadNow();
    console.log(`\n[${new Date().toISOString()}] live soak of ${SOAK_SECONDS} s starts`);
    const live = await soak(SOAK_SECONDS);
    const soakCounted = await cityMonthReadings(t, Date.now());
    // One reading a message at the fleet's rate: the requests of the live design (docs/cost.md).
    const liveRequests = requestSummary(live.messages);
    const liveWrites = transactions.itemWrites / Math.max(live.messages, 1);
    const liveUnits = (await transactedWriteUnits(t.dynamo)) / Math.max(live.messages, 1);
    console.log(
      `\n## Live soak at the fleet's rate (${meters} meters × 1 reading / 15 min = ${(meters / 900).toFixed(2)} messages/s), ${live.seconds} s\n`,
    );
    printTable(
      [
        'messages',
        'counted',
        'dead-lettered',
        'txns',
        'contended',
        'heap start',
        'heap end',
        'heap peak',
        'end / start',
        'load avg',
      ],
      [
        [
          String(live.messages),
          String(soakCounted),
          String(live.deadLettered),
          String(transactions.sent),
          `${transactions.contended} (${pct(transactions.contended, transactions.sent)})`,
          `${live.heapStart.toFixed(1)} MiB`,
          `${live.heapEnd.toFixed(1)} MiB`,
          `${live.heapPeak.toFixed(1)} MiB`,
          (live.heapEnd / live.heapStart).toFixed(2),
          `${soakLoad} → ${loadNow()}`,
        ],
      ],
    );
    console.log(
      `\nheap after GC through the soak (s: MiB): ${live.afterGc.map(([at, mib]) => `${at}: ${mib.toFixed(1)}`).join(', ')}`,
    );
    console.log(
      `\nrequests, live soak (1 reading a message): ${liveRequests}; ${liveWrites.toFixed(3)} transactional item writes a reading, ${liveUnits.toFixed(3)} write units by the items' sizes`,
    );
    console.log(
      `\nHeap of the whole process (emulated gateway, broker, handlers, bench), start and end ${heapAfterGcAvailable ? 'after a full GC' : 'WITHOUT a forced GC (no --expose-gc)'}; peak from 1 s samples. Shared 2-core box (~5 engineers at once): figures are noisy, read the ratios.`,
    );
  } finally {
    await t.close();
  }
};

if (process.env[CHILD_FLAG] === '1' && process.argv[1] === import.meta.filename) await benchScale();
