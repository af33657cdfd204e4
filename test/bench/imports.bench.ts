/**
 * `npm run bench -- imports`: the import job (functions/jobs/process-imports.ts) over a utility file
 * of BENCH_IMPORT_ROWS rows (default 100 000: 2 000 accounts × 50 months), against raw
 * BatchWriteItem of the same number of items into the same DynamoDB Local in the same run (copies of
 * a real rollup item under scratch keys, 16 callers): the floor of any writer of that many items.
 * Item writes are counted where the job makes them (its ingest transactions and its own items). One
 * process on a shared machine: read the ratio, not the absolute times. Booked as months (≈ 5 item
 * writes a row, docs/imports.md), BENCH_IMPORT_ROWS=2000 takes a minute or two on a shared 2-core box.
 */
import { loadavg } from 'node:os';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { localBucketName, localTableName } from '../../infra/local/environment.ts';
import { DynamoImportAccountStore } from '../../shared/adapters/dynamodb/import-account-store.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { runImport } from '../../shared/application/imports/run-import.ts';
import { transactionItemKeys } from '../../shared/domain/carbon/ingest/transaction-plan.ts';
import { newImport } from '../../shared/domain/imports/import-record.ts';
import { PROGRESS_ENV, progressSink } from '../../shared/observability/progress.ts';
import type { ImportStore } from '../../shared/ports/import-store.ts';
import type { IngestStore } from '../../shared/ports/ingest-store.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { printTable } from './format.ts';
import { probeRequests } from './request-probe.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
/**
 * At most 50 months back (from 2026-11: the factor library's grid factors start in 2021), so
 * 100 000 rows take 2 000 accounts; 2 000 rows, 1 000 accounts × 2 months.
 */
const MAX_MONTHS = 50;
const ACCOUNTS = Math.min(
  ROWS,
  Number(process.env.BENCH_IMPORT_ACCOUNTS ?? Math.max(1000, Math.ceil(ROWS / MAX_MONTHS))),
);
const ENTERPRISES = 10;
const RAW_CALLERS = 16;

const accountId = (a: number) => `BENCH-ACC-${String(a).padStart(6, '0')}`;
const meterIdOf = (a: number) => `MTR-BI${String(a).padStart(6, '0')}`;

/** Months back from 2026-11, oldest first. */
const monthsBack = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => {
    const index = 2026 * 12 + 10 - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });

const registerAccounts = async (t: TestStack) => {
  const registry = new DynamoRegistryStore(t.dynamo, localTableName('registry'));
  const accounts = new DynamoImportAccountStore(t.dynamo, localTableName('registry'));
  const now = new Date().toISOString();
  const versioned = { version: 1, createdAt: now, updatedAt: now };
  for (let e = 0; e < ENTERPRISES; e += 1)
    await registry.putEnterprise({
      id: `ENT-BI${e}`,
      handle: `88.100.1/bench-imports-${e}`,
      name: `导入压测企业 ${e}`,
      uscc: `91440300BENCHI${String(e).padStart(4, '0')}`,
      industryCode: 'C2511',
      address: '青山区',
      status: 'active',
      ...versioned,
    });
  for (let a = 0; a < ACCOUNTS; a += 1) {
    const enterpriseId = `ENT-BI${a % ENTERPRISES}`;
    await registry.putMeter({
      ...versioned,
      id: meterIdOf(a),
      handle: `88.100.1/bench-imports-meter-${a}`,
      enterpriseId,
      facilityId: `FAC-BI${a % ENTERPRISES}`,
      industryCode: 'C2511',
      name: `供电账户 ${a}`,
      energyType: 'electricity',
      unit: 'kWh',
      readingKind: 'interval',
      scope: 2,
      gridRegion: 'CN-SOUTH',
      greenPower: false,
      expectedIntervalSeconds: 604_800,
      status: 'active',
    });
    await accounts.putAccount({
      accountId: accountId(a),
      kind: 'utility-monthly',
      meters: { electricity: meterIdOf(a) },
      enterpriseId,
      counts: 'feed',
      updatedAt: now,
      updatedBy: 'bench',
    });
  }
};

const fileOf = (): string => {
  const months = monthsBack(Math.ceil(ROWS / ACCOUNTS));
  const lines = ['账户编号 accountId,期间 period,用量 quantity,单位 unit'];
  for (const month of months)
    for (let a = 0; a < ACCOUNTS && lines.length <= ROWS; a += 1)
      lines.push(`${accountId(a)},${month},${20_000 + ((a * 7919) % 5000)}.5,kWh`);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};

/** The job's writers, counting the items each call writes. */
const counting = (ingest: IngestStore, store: ImportStore, counter: { items: number; calls: number }) => {
  const count = (items: number) => {
    counter.items += items;
    counter.calls += 1;
  };
  const countedIngest: IngestStore = {
    maxTransactionItems: ingest.maxTransactionItems,
    readChunkState: (m, h, n) => ingest.readChunkState(m, h, n),
    apply: (plan) => {
      count(transactionItemKeys(plan).length);
      return ingest.apply(plan);
    },
  };
  // Every call forwarded; the writes of the job's own items counted.
  const countedStore: ImportStore = {
    create: (r) => store.create(r),
    get: (id) => store.get(id),
    list: (limit, cursor) => store.list(limit, cursor),
    claim: (id, now, until) => store.claim(id, now, until),
    listRefused: (id) => store.listRefused(id),
    getSlot: (a, m, p) => store.getSlot(a, m, p),
    holdsMessage: (m, p, id) => store.holdsMessage(m, p, id),
    slotHistory: (a, m, p, l) => store.slotHistory(a, m, p, l),
    listSlots: (a, m) => store.listSlots(a, m),
    bookSlots: (plan, bookings) => {
      count(transactionItemKeys(plan).length + bookings.length);
      return store.bookSlots(plan, bookings);
    },
    update: (id, fields, whileStatus) => {
      count(1);
      return store.update(id, fields, whileStatus);
    },
    putRefused: (id, rows) => {
      count(rows.length);
      return store.putRefused(id, rows);
    },
    beginChange: (slot, change) => {
      count(1);
      return store.beginChange(slot, change);
    },
    settle: (slot, id) => {
      count(1);
      return store.settle(slot, id);
    },
    putHistory: (slot) => {
      count(1);
      return store.putHistory(slot);
    },
  };
  return { countedIngest, countedStore };
};

/** The floor: BatchWriteItem (25 Puts a call) of `items` copies of a rollup item under scratch keys. */
const rawBatchWrites = async (t: TestStack, items: number, template: Record<string, unknown>) => {
  const table = localTableName('carbon');
  let next = 0;
  const started = performance.now();
  const caller = async () => {
    for (;;) {
      const from = next;
      next += 25;
      if (from >= items) return;
      let pending: Record<string, unknown>[] | undefined = Array.from(
        { length: Math.min(25, items - from) },
        (_, i) => ({
          PutRequest: { Item: { ...template, pk: `BENCH#RAW#${(from + i) % 997}`, sk: String(from + i) } },
        }),
      );
      while (pending && pending.length > 0) {
        const result = await t.dynamo.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = result.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: RAW_CALLERS }, caller));
  return (items / (performance.now() - started)) * 1000;
};

export const runImportBench = async (): Promise<void> => {
  const t = await startTestStack();
  const progressBefore = process.env[PROGRESS_ENV];
  process.env[PROGRESS_ENV] = 'bar';
  try {
    const registering = performance.now();
    await registerAccounts(t);
    console.log(
      `registered ${ACCOUNTS} account meters in ${((performance.now() - registering) / 1000).toFixed(1)} s`,
    );
    const body = fileOf();
    const key = 'uploads/bench/bench.csv';
    await t.s3.send(
      new PutObjectCommand({
        Bucket: localBucketName('imports'),
        Key: key,
        Body: body,
        ContentType: 'text/csv',
      }),
    );
    const { importRunDeps } = await import('../../functions/jobs/process-imports.ts');
    const base = importRunDeps();
    const counter = { items: 0, calls: 0 };
    const { countedIngest, countedStore } = counting(base.ingest, base.store, counter);
    const record = newImport({
      id: `imp-bench-${Date.now()}`,
      kind: 'utility-monthly',
      templateVersion: 1,
      format: 'csv',
      fileName: 'bench.csv',
      fileKey: key,
      uploadedBy: 'bench',
      at: new Date(),
    });
    await base.store.create(record);
    // Held as the job holds it, so the local scheduler's own tick leaves it to the bench: for a day,
    // since 100 000 rows on a loaded box can take longer than an hour (an hour's lease lapsed under
    // the bench, and the scheduler's job would have taken the import up beside it).
    const now = new Date();
    const claimed = await base.store.claim(
      record.id,
      now.toISOString(),
      new Date(now.getTime() + 86_400_000).toISOString(),
    );
    if (claimed === undefined) throw new Error('the bench could not take the import');
    const probe = probeRequests();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const done = await runImport(
      { ...base, ingest: countedIngest, store: countedStore, progress: progressSink('import bench') },
      claimed,
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const profile = probe.summary(done.counts.rows);
    process.stderr.write('\n');
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const template = (
      await t.dynamo.send(
        new GetCommand({
          TableName: localTableName('carbon'),
          // A feed writes no day item (docs/imports.md): the month item is the one a row writes.
          Key: { pk: 'ROLLUP#meter#MTR-BI000000#month', sk: monthsBack(1)[0] },
        }),
      )
    ).Item ?? { figure: 1 };
    const rawItemsPerSecond = await rawBatchWrites(t, counter.items, template);
    const importItemsPerSecond = counter.items / seconds;
    console.log(
      `\nImports (${done.counts.rows} rows, ${ACCOUNTS} accounts, accepted ${done.counts.accepted}, refused ${done.counts.refused}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
    );
    // The profile (docs/imports.md, "Throughput"): DynamoDB requests a row by kind, their mean time in
    // flight, and how much of the run this process spent on its own CPU (planning, marshalling).
    console.log(`requests a row: ${profile}`);
    console.log(
      `node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of ${seconds.toFixed(1)} s wall (${(((cpu.user + cpu.system) / 1e6 / seconds) * 100).toFixed(0)}%)`,
    );
    printTable(
      ['writer', 'items', 'seconds', 'rows/s', 'items/s', 'items/row', 'ratio'],
      [
        [
          'import job (8 lanes)',
          String(counter.items),
          seconds.toFixed(1),
          (done.counts.rows / seconds).toFixed(1),
          importItemsPerSecond.toFixed(0),
          (counter.items / done.counts.rows).toFixed(1),
          (importItemsPerSecond / rawItemsPerSecond).toFixed(2),
        ],
        [
          `raw BatchWriteItem ×25 (${RAW_CALLERS} callers)`,
          String(counter.items),
          (counter.items / rawItemsPerSecond).toFixed(1),
          (done.counts.rows / (counter.items / rawItemsPerSecond)).toFixed(1),
          rawItemsPerSecond.toFixed(0),
          '',
          '1.00',
        ],
      ],
    );
  } finally {
    if (progressBefore === undefined) delete process.env[PROGRESS_ENV];
    else process.env[PROGRESS_ENV] = progressBefore;
    await t.close();
  }
};
