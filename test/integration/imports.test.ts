import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { feedMonthPk, rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { DynamoCarbonReadStore } from '../../shared/adapters/dynamodb/carbon/carbon-read-store.ts';
import { DynamoMeterActivityStore } from '../../shared/adapters/dynamodb/carbon/meter-activity-store.ts';
import { DynamoRecalculationStore } from '../../shared/adapters/dynamodb/carbon/recalculation-store.ts';
import { DynamoJobRunStore } from '../../shared/adapters/dynamodb/job-run-store.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { sweepPending } from '../../shared/application/carbon/fold-pending.ts';
import { runRecalculation } from '../../shared/application/carbon/recalculation-run.ts';
import { bookTogether } from '../../shared/application/imports/book-together.ts';
import { applyMonth, feedContext } from '../../shared/application/imports/chunk-apply.ts';
import { applyChange, finishPending } from '../../shared/application/imports/slot-apply.ts';
import { scanOfflineMeters } from '../../shared/domain/carbon/anomalies/meter-offline.ts';
import { newRecalculation } from '../../shared/domain/carbon/rollups/recalculation-requests.ts';
import type { RollupLevel } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import {
  decideRow,
  emptySlot,
  type SlotChange,
  type SlotValue,
  slotMessageId,
} from '../../shared/domain/imports/slot.ts';
import { defaultAccounting } from '../support/accounting.ts';
import { southCorrected } from '../support/corrected-library.ts';
import { importDriver, utilityCsv } from '../support/imports.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { publishAs } from '../support/telemetry-client.ts';
import { makeXlsx } from '../support/xlsx.ts';

/**
 * Imports of batch activity data (issue 22, docs/imports.md) on the local stack: a utility account's
 * monthly kWh uploaded through the presigned POST, judged row by row, spread over the days into the
 * same rollups as meter readings, traced to file and row, exactly once, corrected and withdrawn.
 */
let t: TestStack;
const TZ = 'Asia/Shanghai';
let drive: ReturnType<typeof importDriver>;

const item = async (pk: string, sk: string) =>
  (await t.dynamo.send(new GetCommand({ TableName: localTableName('carbon'), Key: { pk, sk } }))).Item ?? {};
const reader = () =>
  new DynamoCarbonReadStore(
    t.dynamo,
    localTableName('carbon'),
    new DynamoRegistryStore(t.dynamo, localTableName('registry')),
  );
/** A rollup as every reader sees it: a day with the feed months' share derived (feed-days.ts). */
const rollup = async (
  level: 'meter' | 'enterprise' | 'city',
  id: string,
  gran: 'day' | 'month',
  period: string,
) => (await reader().readPeriod(level, [id], gran, period)).get(id) ?? {};
/** Electricity in kWh on a rollup (stored in millionths of a kWh). */
const kwh = async (
  level: 'meter' | 'enterprise' | 'city',
  id: string,
  gran: 'day' | 'month',
  period: string,
) => Number((await rollup(level, id, gran, period)).qc_electricity ?? 0) / 1e6;

const SUMMED = /(_mg|^qc_.+|^readings)$/;
/** The summed figures of items, added exactly (BigInt), by name; zeros left out. */
const figures = (...items: Record<string, unknown>[]) => {
  const out: Record<string, bigint> = {};
  for (const item of items)
    for (const [name, value] of Object.entries(item))
      if (SUMMED.test(name)) out[name] = (out[name] ?? 0n) + BigInt(Number(value));
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0n));
};
/** The figures of the month and feed month items of `targets` from `first` to `last` (zero items left out). */
const monthFigures = async (targets: [RollupLevel, string][], first: string, last: string) => {
  const out: Record<string, Record<string, bigint>> = {};
  for (const pk of targets.flatMap(([level, id]) => [rollupPk(level, id, 'month'), feedMonthPk(level, id)])) {
    const { Items = [] } = await t.dynamo.send(
      new QueryCommand({
        TableName: localTableName('carbon'),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        ExpressionAttributeValues: { ':pk': pk, ':first': first, ':last': last },
      }),
    );
    for (const stored of Items) {
      const summed = figures(stored);
      if (Object.keys(summed).length > 0) out[`${pk} ${stored.sk}`] = summed;
    }
  }
  return out;
};

const accountMeter = (id: string, enterpriseId: string) => ({
  id,
  enterpriseId,
  facilityId: enterpriseId.replace('ENT', 'FAC'),
  name: `供电账户 ${id}`,
  energyType: 'electricity',
  unit: 'kWh',
  readingKind: 'interval',
  gridRegion: 'CN-SOUTH',
  expectedIntervalSeconds: 604_800,
});

beforeAll(async () => {
  t = await startTestStack();
  // Every test runs the imports job itself (drive.runJob, runLeased). The stack's once-a-minute tick
  // could take an import between a test's request and its own run — the budget tests then find the
  // import already finished — so this file's stack runs no scheduled job.
  await t.stack.scheduler.stop();
  drive = importDriver(t, t.stack.users.admin.token);
  // ENT-0004 (logistics) has no electricity meter online: its utility account counts.
  expect((await drive.json('/meters', 'POST', accountMeter('MTR-A004', 'ENT-0004'))).status).toBe(201);
  const mapped = await drive.json<{ counts: string }>('/import-accounts/GD-POWER-0004', 'PUT', {
    kind: 'utility-monthly',
    meters: { electricity: 'MTR-A004' },
  });
  expect(mapped).toMatchObject({ status: 200, body: { counts: 'feed' } });
  const accounts = await drive.json<{ items: unknown[] }>('/import-accounts');
  expect(accounts.body.items).toContainEqual(
    expect.objectContaining({ accountId: 'GD-POWER-0004', enterpriseId: 'ENT-0004', counts: 'feed' }),
  );
});
afterAll(async () => {
  await t?.close();
});

const FIRST = [
  'GD-POWER-0004,2026-06,30000,kWh',
  'GD-POWER-0004,2026-07,31000,kWh',
  'GD-POWER-0004,2026-08,29000,kWh',
  'GD-POWER-0004,2026-09,900000,kWh',
  'NO-SUCH-ACCOUNT,2026-09,100,kWh',
  'GD-POWER-0004,2026-09,31,Nm3',
  'GD-POWER-0004,2026/09,100,kWh',
  'GD-POWER-0004,2026-10,31.000,MWh',
  'GD-POWER-0004,2026-10,31000,kWh',
];
let first: string;

describe('a utility account’s monthly file, end to end', () => {
  it('accepts the good rows, refuses each bad one with its reason, and offers them as a CSV', async () => {
    const report = await drive.importFile(utilityCsv(FIRST), { fileName: '2026年供电月报.csv' });
    first = report.id;

    expect(report).toMatchObject({
      status: 'succeeded',
      progress: { rowsDone: 9, totalRows: 9 },
      counts: { rows: 9, accepted: 4, refused: 5, new: 4, corrections: 0, notCounted: 0 },
    });
    expect(report.counts.byReason).toEqual({
      implausible: 1,
      'unknown-account': 1,
      'unit-not-allowed': 1,
      'period-malformed': 1,
      duplicate: 1,
    });
    expect(report.refused.map((r) => [r.row, r.reason, r.field])).toEqual([
      [5, 'implausible', 'quantity'],
      [6, 'unknown-account', 'accountId'],
      [7, 'unit-not-allowed', 'unit'],
      [8, 'period-malformed', 'period'],
      [10, 'duplicate', 'period'],
    ]);
    for (const r of report.refused) expect(r.message).toMatch(/^\p{Script=Han}/u);
    // The feed by its Chinese name, not its id.
    expect(report.refused[1]?.message).toMatch(/^账户 NO-SUCH-ACCOUNT 未登记为「供电\/供气月度用量」账户/);

    const bytes = new Uint8Array(await (await fetch(report.links.refusedCsv ?? '')).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe(
      '账户编号 accountId,期间 period,用量 quantity,单位 unit,原行号 line,拒绝原因 reason,说明 message',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 6).join(','))).toEqual([
      'GD-POWER-0004,2026-09,900000,kWh,5,implausible',
      'NO-SUCH-ACCOUNT,2026-09,100,kWh,6,unknown-account',
      'GD-POWER-0004,2026-09,31,Nm3,7,unit-not-allowed',
      'GD-POWER-0004,2026/09,100,kWh,8,period-malformed',
      'GD-POWER-0004,2026-10,31000,kWh,10,duplicate',
    ]);
  });

  it('spreads each month exactly over its days into every level, with tce, as a meter would', async () => {
    // 31.000 MWh in October: 1 000 kWh on each of 31 days; September had nothing accepted.
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-10')).toBe(31_000);
    expect(await kwh('enterprise', 'ENT-0004', 'day', '2026-10-17')).toBe(1_000);
    expect(await kwh('city', 'city', 'month', '2026-09')).toBe(0);
    // 29 000 kWh over 31 days: 935.483871 kWh, the first 17 days one millionth more; exact sum.
    expect(await kwh('meter', 'MTR-A004', 'day', '2026-08-01')).toBe(935.483871);
    expect(await kwh('meter', 'MTR-A004', 'day', '2026-08-31')).toBe(935.48387);
    expect(await kwh('meter', 'MTR-A004', 'month', '2026-08')).toBe(29_000);
    const month = await item(rollupPk('enterprise', 'ENT-0004', 'month'), '2026-10');
    // GB/T 2589: 0.1229 kgce/kWh (calorific equivalent) → 31 000 kWh = 3.8099 tce.
    expect(Number(month.tce_mg) / 1e9).toBeCloseTo(3.8099, 6);
    expect(Number(month.co2e_mg)).toBeGreaterThan(0);
    expect(month.readings).toBe(31);

    const series = await drive.json<{ series: { period: string; co2eT: number; tce: number }[] }>(
      '/emissions?level=enterprise&id=ENT-0004&from=2026-10-01&to=2026-10-31&granularity=month',
    );
    expect(series.status).toBe(200);
    expect(series.body.series[0]).toMatchObject({ period: '2026-10', tce: 3.8099 });
    expect(series.body.series[0]?.co2eT).toBeCloseTo(Number(month.co2e_mg) / 1e9, 9);
  });

  it('books the month once and derives the days on read: they sum to the month exactly, every figure', async () => {
    // No day or hour item is written for a feed (docs/imports.md, "The items").
    expect(await item(rollupPk('meter', 'MTR-A004', 'day'), '2026-10-17')).toEqual({});
    expect(await item(rollupPk('meter', 'MTR-A004', 'hour'), '2026-10-17T12')).toEqual({});
    const days = await reader().readSeries('enterprise', 'ENT-0004', 'day', '2026-10-01', '2026-10-31');
    expect(days.size).toBe(31);
    const month = await item(rollupPk('enterprise', 'ENT-0004', 'month'), '2026-10');
    for (const figure of ['co2e_mg', 'tce_mg', 'qc_electricity', 'g_CO2_mg', 'readings']) {
      const sum = [...days.values()].reduce((s, d) => s + BigInt(Number(d[figure] ?? 0)), 0n);
      expect([figure, sum]).toEqual([figure, BigInt(Number(month[figure] ?? 0))]);
    }
    // The API's day series reads the same derived days.
    const api = await drive.json<{ series: { period: string; tce: number }[] }>(
      '/emissions?level=enterprise&id=ENT-0004&from=2026-10-01&to=2026-10-31&granularity=day',
    );
    expect(api.body.series).toHaveLength(31);
    expect(api.body.series.reduce((s, d) => s + d.tce, 0)).toBeCloseTo(3.8099, 6);
    // A day ranking reads the same derived day.
    const ranking = await drive.json<{ items: { id: string; tce: number }[] }>(
      '/emissions/rankings?level=enterprise&granularity=day&period=2026-10-17',
    );
    const day = api.body.series.find((d) => d.period === '2026-10-17')?.tce;
    expect(day).toBeGreaterThan(0);
    expect(ranking.body.items.find((r) => r.id === 'ENT-0004')?.tce).toBe(day);
  });

  it('traces the figure to the file, line, uploader and time', async () => {
    const trace = await drive.json<{ batches: { meterId: string; source?: Record<string, unknown> }[] }>(
      '/emissions/trace?level=enterprise&id=ENT-0004&period=2026-10',
    );
    expect(trace.status).toBe(200);
    const imported = trace.body.batches.filter((b) => b.meterId === 'MTR-A004');
    expect(imported.length).toBeGreaterThan(0);
    expect(imported[0]?.source).toMatchObject({
      kind: 'import',
      importId: first,
      fileName: '2026年供电月报.csv',
      row: 9,
      uploadedBy: expect.any(String),
      uploadedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      change: 'new',
      value: 31_000,
    });
  });

  it('resolves an imported batch’s handle to its slot message: 31 day parts, the month, the meter', async () => {
    const trace = await drive.json<{ batches: { meterId: string; handle?: string }[] }>(
      '/emissions/trace?level=enterprise&id=ENT-0004&period=2026-10',
    );
    const handle = trace.body.batches.find((b) => b.meterId === 'MTR-A004')?.handle ?? '';
    const resolved = await drive.json<{ type: string; elements: { type: string; value: string }[] }>(
      `/identifiers/${handle}`,
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.type).toBe('batch');
    expect(resolved.body.elements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'MESSAGE_ID',
          value: expect.stringMatching(/^feed:GD-POWER-0004:MTR-A004:2026-10:v\d+$/),
        }),
        expect.objectContaining({ type: 'READING_COUNT', value: '31' }),
        expect.objectContaining({ type: 'HOURS', value: '2026-10' }),
      ]),
    );
  });

  it('knows the account meter as a feed, and calls it offline only when a month’s file is late', async () => {
    const meter = await drive.json<{ source?: string }>('/meters/MTR-A004');
    expect(meter.body.source).toBe('feed');
    const store = new DynamoMeterActivityStore(
      t.dynamo,
      localTableName('carbon'),
      new DynamoRegistryStore(t.dynamo, localTableName('registry')),
    );
    // The real registry and rollups; the alerts are only collected, not written.
    const scan = async (now: string) =>
      (
        await scanOfflineMeters(
          {
            activeMeters: () => store.activeMeters(),
            lastReadingAt: (id) => store.lastReadingAt(id),
            raiseAlert: async () => true,
          },
          new Date(now),
          3,
          TZ,
        )
      ).raised.filter((a) => a.targetId === 'MTR-A004');
    // October booked up to the 31st: four weeks on, November's file is not due yet.
    expect(await scan('2026-11-30T12:00:00+08:00')).toEqual([]);
    expect(await scan('2026-12-31T23:00:00+08:00')).toEqual([]);
    // December over and still no November: late.
    const [late] = await scan('2027-01-01T01:00:00+08:00');
    expect(late).toMatchObject({ kind: 'meterOffline', period: '2026-10-31T04:00:00.000Z' });
    expect(late?.message).toMatch(/^账户计量点 MTR-A004/);
  });
});

describe('recalculation and resumption', () => {
  it('recalculates a month holding imported activity to the same figures', async () => {
    const asked = await drive.json<{ id: string }>('/recalculations', 'POST', {
      level: 'enterprise',
      id: 'ENT-0004',
      period: '2026-10',
      reason: 'imports: replayable',
    });
    expect(asked.status).toBe(202);
    const module = (await import('../../functions/carbon/jobs/recalculate.ts')) as {
      handler: (event: unknown, context: unknown) => Promise<unknown>;
    };
    await module.handler(
      { job: 'recalculate', scheduledTime: new Date().toISOString() },
      { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 },
    );
    const view = await drive.json<{
      status: string;
      problems: string[];
      difference: { co2eT: number; tce: number };
    }>(`/recalculations/${asked.body.id}`);
    expect(view.body).toMatchObject({ status: 'succeeded', problems: [], difference: { co2eT: 0, tce: 0 } });
  });

  it('resumes an import stopped part way, applying no row twice', async () => {
    const { importRunDeps } = await import('../../functions/jobs/process-imports.ts');
    const { runImport } = await import('../../shared/application/imports/run-import.ts');
    const rows = [
      'GD-POWER-0004,2026-03,28000,kWh',
      'GD-POWER-0004,2026-04,30000,kWh',
      'GD-POWER-0004,2026-05,31000,kWh',
    ];
    const uploadId = await drive.upload(utilityCsv(rows), 'csv', 'resume.csv');
    const created = await drive.json<{ id: string }>('/imports', 'POST', {
      uploadId,
      format: 'csv',
      fileName: 'resume.csv',
      kind: 'utility-monthly',
    });
    const deps = importRunDeps();
    const record = await deps.store.get(created.body.id);
    if (record === undefined) throw new Error('no import record');
    // A worker dies after two rows, before any checkpoint: its lease lapses, the job takes it up again.
    await runImport(deps, record, { stopAfterRows: 2 });
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-04')).toBe(30_000);
    await drive.runJob();

    const report = await drive.settled(created.body.id, ['succeeded']);
    expect(report).toMatchObject({
      status: 'succeeded',
      counts: { rows: 3, accepted: 3, new: 3, refused: 0 },
    });
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-03')).toBe(28_000);
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-05')).toBe(31_000);
    expect((await item(rollupPk('enterprise', 'ENT-0004', 'month'), '2026-04')).readings).toBe(30);
    await drive.withdraw(created.body.id);
  });

  it('stops a long file at a checkpoint when the run’s time is spent; the next run books the rest', async () => {
    const { importRunDeps, runLeased } = await import('../../functions/jobs/process-imports.ts');
    // 10 accounts × 24 months (2021-01 … 2022-12, months no other test reads): 240 rows, one
    // checkpoint (200) and a rest.
    const months = Array.from(
      { length: 24 },
      (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const accounts = Array.from({ length: 10 }, (_, i) => i + 1);
    const rows: string[] = [];
    for (const a of accounts) {
      const meterId = `MTR-A04L${a}`;
      expect((await drive.json('/meters', 'POST', accountMeter(meterId, 'ENT-0004'))).status).toBe(201);
      const mapped = await drive.json(`/import-accounts/GD-POWER-LONG-${a}`, 'PUT', {
        kind: 'utility-monthly',
        meters: { electricity: meterId },
      });
      expect(mapped.status).toBe(200);
    }
    for (const month of months)
      for (const a of accounts) rows.push(`GD-POWER-LONG-${a},${month},${1000 * a},kWh`);
    const uploadId = await drive.upload(utilityCsv(rows), 'csv', 'long.csv');
    const created = await drive.json<{ id: string }>('/imports', 'POST', {
      uploadId,
      format: 'csv',
      fileName: 'long.csv',
      kind: 'utility-monthly',
    });
    const deps = importRunDeps();
    const record = await deps.store.get(created.body.id);
    if (record === undefined) throw new Error('no import record');

    // A run whose budget is already spent stops at its first checkpoint and lets go of the lease.
    expect(await runLeased(deps, record, 'test', new Date(0))).toBe(true);
    const stopped = await deps.store.get(created.body.id);
    expect(stopped).toMatchObject({ status: 'running', rowsDone: 200 });
    expect(Date.parse(stopped?.leaseUntil ?? '')).toBeLessThanOrEqual(Date.now());

    await drive.runJob();
    const report = await drive.settled(created.body.id, ['succeeded']);
    expect(report).toMatchObject({
      progress: { rowsDone: 240, totalRows: 240 },
      counts: { rows: 240, accepted: 240, new: 240, refused: 0 },
    });
    expect(await kwh('meter', 'MTR-A04L3', 'month', '2021-01')).toBe(3000);
    expect(await kwh('meter', 'MTR-A04L10', 'month', '2022-12')).toBe(10_000);
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2022-12')).toBe(55_000);
  });

  it('stops a withdrawal at a checkpoint when the run’s time is spent; resumed, all is as before the import', async () => {
    const { importRunDeps, runLeased } = await import('../../functions/jobs/process-imports.ts');
    // The long file's 10 accounts (above), 2023-01 and 2023-02; two slots hold a value before.
    await drive.importFile(
      utilityCsv(['GD-POWER-LONG-1,2023-01,500,kWh', 'GD-POWER-LONG-2,2023-02,700,kWh']),
    );
    const targets: [RollupLevel, string][] = [
      ['enterprise', 'ENT-0004'],
      ['industry', 'G5431'],
      ['city', 'city'],
      ...Array.from({ length: 10 }, (_, i): [RollupLevel, string] => ['meter', `MTR-A04L${i + 1}`]),
    ];
    const before = await monthFigures(targets, '2023-01', '2023-02');
    // 10 slots; 190 repeats of the first row (refused as duplicates: nothing to withdraw, cheap to walk
    // to the checkpoint at row 200); 10 slots after it.
    const slots = ['2023-01', '2023-02'].flatMap((m) =>
      targets.slice(3).map((_, i) => `GD-POWER-LONG-${i + 1},${m}`),
    );
    const rows = slots.map((slot, i) => `${slot},${1000 + i},kWh`);
    const file = [...rows.slice(0, 10), ...Array(190).fill(rows[0]), ...rows.slice(10)];
    const imported = await drive.importFile(utilityCsv(file));
    expect(imported.counts).toMatchObject({ rows: 210, new: 18, corrections: 2, refused: 190 });

    expect((await drive.json(`/imports/${imported.id}/withdraw`, 'POST')).status).toBe(202);
    const deps = importRunDeps();
    const record = await deps.store.get(imported.id);
    if (record === undefined) throw new Error('no import record');
    // Spent at once: it stops at its first checkpoint, still withdrawing, and lets go of the lease.
    expect(await runLeased(deps, record, 'test', new Date(0))).toBe(true);
    const stopped = await deps.store.get(imported.id);
    expect(stopped).toMatchObject({ status: 'withdrawing', withdrawal: { rowsDone: 200, changed: 10 } });
    expect(Date.parse(stopped?.leaseUntil ?? '')).toBeLessThanOrEqual(Date.now());

    await drive.runJob();
    const report = await drive.settled(imported.id, ['withdrawn']);
    expect(report).toMatchObject({ progress: { rowsDone: 210 }, withdrawal: { changed: 20 } });
    const values = await Promise.all(
      slots.map(async (slot) => {
        const [account = '', month = ''] = slot.split(',');
        return (await deps.store.getSlot(account, account.replace('GD-POWER-LONG-', 'MTR-A04L'), month))
          ?.current?.micro;
      }),
    );
    expect(values).toEqual(
      slots.map((s) => ({ 'GD-POWER-LONG-1,2023-01': 500e6, 'GD-POWER-LONG-2,2023-02': 700e6 })[s]),
    );
    // Each slot withdrawn once: every figure of the months it reached, at every level, as before it.
    expect(await monthFigures(targets, '2023-01', '2023-02')).toEqual(before);
  });

  it('folds the city share a crash left waiting after a booked transaction, once', async () => {
    const { importRunDeps } = await import('../../functions/jobs/process-imports.ts');
    const deps = importRunDeps();
    const pending = deps.pending;
    if (pending === undefined) throw new Error('the job defers city and industry deltas');
    const slot = emptySlot('GD-POWER-0004', 'MTR-A004', '2025-10', true);
    const at = new Date().toISOString();
    const decision = decideRow(
      slot,
      {
        micro: 31_000e6,
        unit: 'kWh',
        measured: [],
        importId: 'imp-fold',
        fileName: 'fold.csv',
        row: 2,
        uploadedBy: 'admin',
        uploadedAt: at,
      },
      at,
    );
    if (decision.kind !== 'change') throw new Error(decision.kind);
    // The worker dies after its transactions, before folding their city and industry deltas.
    const dying = { ...pending, fold: () => Promise.reject(new Error('worker died')) };
    await expect(
      bookTogether({ ...deps, pending: dying }, [{ slot, change: decision.change }]),
    ).rejects.toThrow('worker died');
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2025-10')).toBe(31_000);
    expect(await kwh('city', 'city', 'month', '2025-10')).toBe(0);
    expect((await deps.store.getSlot('GD-POWER-0004', 'MTR-A004', '2025-10'))?.version).toBe(1);

    const later = new Date(Date.now() + 5 * 60_000);
    await sweepPending(pending, later);
    await sweepPending(pending, later);
    expect(await kwh('city', 'city', 'month', '2025-10')).toBe(31_000);
    expect((await item(rollupPk('city', 'city', 'month'), '2025-10')).readings).toBe(31);
  });

  it('finishes a slot message a crash left booked but not settled: the month once', async () => {
    const { importRunDeps } = await import('../../functions/jobs/process-imports.ts');
    const deps = importRunDeps();
    const slot = emptySlot('GD-POWER-0004', 'MTR-A004', '2025-12', true);
    const at = new Date().toISOString();
    const change: SlotChange = {
      messageId: slotMessageId(slot, 1),
      version: 1,
      kind: 'new',
      to: {
        micro: 31_000e6,
        unit: 'kWh',
        measured: [],
        importId: 'imp-crash',
        fileName: 'crash.csv',
        row: 2,
        uploadedBy: 'admin',
        uploadedAt: at,
      },
      by: 'imp-crash',
      at,
    };
    expect(await deps.store.beginChange(slot, change)).toBe(true);
    const pending = { ...slot, pending: change };
    // A worker booked the month, then died before settling the slot.
    await applyMonth(deps, await feedContext(deps, pending, change), change);

    await finishPending(deps, pending);
    await finishPending(deps, pending);

    expect(await kwh('enterprise', 'ENT-0004', 'month', '2025-12')).toBe(31_000);
    expect(await kwh('meter', 'MTR-A004', 'day', '2025-12-12')).toBe(1_000);
    expect(await kwh('city', 'city', 'day', '2025-12-31')).toBe(1_000);
    expect((await item(rollupPk('enterprise', 'ENT-0004', 'month'), '2025-12')).readings).toBe(31);
    expect((await rollup('enterprise', 'ENT-0004', 'day', '2025-12-31')).readings).toBe(1);
    expect((await deps.store.getSlot('GD-POWER-0004', 'MTR-A004', '2025-12'))?.current?.micro).toBe(31_000e6);
  });
});

describe('exactly once, corrected, withdrawn', () => {
  let overlap: string;

  it('changes nothing on a re-import of the same file: every good row is a duplicate', async () => {
    const again = await drive.importFile(utilityCsv(FIRST));
    expect(again.counts).toMatchObject({ rows: 9, accepted: 0, refused: 9 });
    expect(again.counts.byReason.duplicate).toBe(5);
    const listed = await drive.json<{
      items: { id: string; status: string; progress: { rowsDone: number } }[];
    }>('/imports?limit=2');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i) => i.id)[0]).toBe(again.id);
    expect(listed.body.items[0]).toMatchObject({ status: 'succeeded', progress: { rowsDone: 9 } });
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-10')).toBe(31_000);
    expect(await kwh('meter', 'MTR-A004', 'month', '2026-06')).toBe(30_000);
  });

  it('applies an overlapping file’s new month once, and a corrected month as the difference', async () => {
    const report = await drive.importFile(
      utilityCsv([
        'GD-POWER-0004,2026-10,31000,kWh',
        'GD-POWER-0004,2026-11,30000,kWh',
        'GD-POWER-0004,2026-08,29500,kWh',
      ]),
    );
    overlap = report.id;
    expect(report.counts).toMatchObject({ accepted: 2, refused: 1, new: 1, corrections: 1 });
    expect(report.refused[0]).toMatchObject({ row: 2, reason: 'duplicate' });
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-08')).toBe(29_500);
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-11')).toBe(30_000);
    expect((await item(rollupPk('enterprise', 'ENT-0004', 'month'), '2026-08')).readings).toBe(31);

    const trace = await drive.json<{
      batches: { source?: { change: string; previousValue?: number; value?: number } }[];
    }>('/emissions/trace?level=meter&id=MTR-A004&period=2026-08');
    const changes = trace.body.batches.map((b) => b.source).filter((s) => s !== undefined);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: 'new', value: 29_000 }),
        expect.objectContaining({ change: 'correction', previousValue: 29_000, value: 29_500 }),
      ]),
    );
  });

  it('withdraws an import as a whole: its months go back to the value before it', async () => {
    const withdrawn = await drive.withdraw(overlap);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawal: { changed: 2 } });
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-08')).toBe(29_000);
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-11')).toBe(0);
    expect((await item(rollupPk('enterprise', 'ENT-0004', 'month'), '2026-11')).readings).toBe(0);
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-10')).toBe(31_000);

    await drive.withdraw(first);
    for (const month of ['2026-06', '2026-07', '2026-08', '2026-10'])
      expect(await kwh('city', 'city', 'month', month), month).toBe(0);
  });
});

describe('corrections without a limit', () => {
  it('applies 100 corrections of one account month: the trace names every value, the month is the last', async () => {
    const { importRunDeps } = await import('../../functions/jobs/process-imports.ts');
    const deps = importRunDeps();
    const at = new Date().toISOString();
    const slotValue = (i: number): SlotValue => ({
      micro: (20_000 + i) * 1e6,
      unit: 'kWh',
      measured: [],
      importId: `imp-many-${i}`,
      fileName: `many-${i}.csv`,
      row: 2,
      uploadedBy: 'admin',
      uploadedAt: at,
    });
    // The value and 98 corrections through the use case the job runs (lean), the last two as files;
    // main's code stopped at the 101st change (the feed month item's 100 batch-log entries).
    for (let i = 0; i <= 98; i += 1) {
      const slot =
        (await deps.store.getSlot('GD-POWER-0004', 'MTR-A004', '2024-06')) ??
        emptySlot('GD-POWER-0004', 'MTR-A004', '2024-06', true);
      const decision = decideRow(slot, slotValue(i), at);
      if (decision.kind !== 'change') throw new Error(`row ${i}: ${decision.kind}`);
      // The careful way (pending, booked, settled) for the first, a run's booking for the others.
      if (i === 0) expect(await applyChange(deps, slot, decision.change)).toBe(true);
      else expect(await bookTogether(deps, [{ slot, change: decision.change }])).toEqual([]);
    }
    for (const value of [20_099, 20_100]) {
      const report = await drive.importFile(utilityCsv([`GD-POWER-0004,2024-06,${value},kWh`]));
      expect(report.counts).toMatchObject({ accepted: 1, corrections: 1 });
    }
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2024-06')).toBe(20_100);
    expect(await kwh('city', 'city', 'month', '2024-06')).toBe(20_100);
    expect((await item(rollupPk('enterprise', 'ENT-0004', 'month'), '2024-06')).readings).toBe(30);

    const trace = await drive.json<{
      batches: {
        source?: { period: string; change: string; value?: number; fileName: string; row: number };
      }[];
    }>('/emissions/trace?level=meter&id=MTR-A004&period=2024-06');
    const sources = trace.body.batches.flatMap((b) => (b.source?.period === '2024-06' ? [b.source] : []));
    expect(sources.map((s) => s.value).sort()).toEqual(Array.from({ length: 101 }, (_, i) => 20_000 + i));
    expect(sources.filter((s) => s.change === 'correction')).toHaveLength(100);
    expect(sources).toContainEqual(
      expect.objectContaining({ value: 20_030, fileName: 'many-30.csv', row: 2 }),
    );
  });
});

describe('a meter and a feed for one enterprise', () => {
  it('counts the meter and records the feed, never both', async () => {
    // ENT-0001 has its own electricity meter online (MTR-0001): its utility account defaults to `meter`.
    expect((await drive.json('/meters', 'POST', accountMeter('MTR-A001', 'ENT-0001'))).status).toBe(201);
    const mapped = await drive.json<{ counts: string }>('/import-accounts/GD-POWER-0001', 'PUT', {
      kind: 'utility-monthly',
      meters: { electricity: 'MTR-A001' },
    });
    expect(mapped.body.counts).toBe('meter');
    await publishAs(t, 'MTR-0001', [
      { messageId: 'imports-overlap-1', readings: [{ ts: '2026-10-05T02:00:00Z', quantity: 100 }] },
    ]);

    const report = await drive.importFile(utilityCsv(['GD-POWER-0001,2026-10,3100,kWh']));

    expect(report.counts).toMatchObject({ accepted: 1, notCounted: 1 });
    expect(await kwh('meter', 'MTR-A001', 'month', '2026-10')).toBe(3_100);
    expect(await kwh('meter', 'MTR-0001', 'month', '2026-10')).toBe(100);
    expect(await kwh('enterprise', 'ENT-0001', 'month', '2026-10')).toBe(100);
    expect(await kwh('city', 'city', 'month', '2026-10')).toBe(100);
  });

  it('counts the feed and records the meter once the admin says the feed counts', async () => {
    const mapped = await drive.json<{ counts: string }>('/import-accounts/GD-POWER-0001', 'PUT', {
      kind: 'utility-monthly',
      meters: { electricity: 'MTR-A001' },
      counts: 'feed',
    });
    expect(mapped.body.counts).toBe('feed');
    await publishAs(t, 'MTR-0001', [
      { messageId: 'imports-overlap-2', readings: [{ ts: '2026-11-05T02:00:00Z', quantity: 100 }] },
    ]);

    const report = await drive.importFile(utilityCsv(['GD-POWER-0001,2026-11,3000,kWh']));

    expect(report.counts).toMatchObject({ accepted: 1, notCounted: 0 });
    expect(await kwh('meter', 'MTR-0001', 'month', '2026-11')).toBe(100);
    expect(await kwh('meter', 'MTR-A001', 'month', '2026-11')).toBe(3_000);
    expect(await kwh('enterprise', 'ENT-0001', 'month', '2026-11')).toBe(3_000);
  });

  it('recalculates each source where it was booked: a factor correction moves the enterprise by the counting source only', async () => {
    const co2e = async (level: 'meter' | 'enterprise', id: string, month: string) =>
      BigInt((await item(rollupPk(level, id, 'month'), month)).co2e_mg ?? 0);
    const recalculate = async (month: string) => {
      const before = {
        feed: await co2e('meter', 'MTR-A001', month),
        meter: await co2e('meter', 'MTR-0001', month),
        enterprise: await co2e('enterprise', 'ENT-0001', month),
      };
      const record = newRecalculation(
        {
          scope: { level: 'enterprise', id: 'ENT-0001' },
          period: month,
          reason: 'SOUTH 2023 corrected',
          accounting: 'as-logged',
          requestedBy: 'test',
        },
        `recalc-imports-${month}`,
        new Date(),
        TZ,
      );
      const store = new DynamoRecalculationStore(t.dynamo, localTableName('carbon'));
      await store.create(record);
      await runRecalculation(
        {
          store,
          registry: new DynamoRegistryStore(t.dynamo, localTableName('registry')),
          runs: new DynamoJobRunStore(t.dynamo, localTableName('jobs')),
          library: southCorrected(),
          accounting: defaultAccounting(),
          timeZone: TZ,
          now: () => new Date(),
        },
        record,
      );
      return {
        feed: (await co2e('meter', 'MTR-A001', month)) - before.feed,
        meter: (await co2e('meter', 'MTR-0001', month)) - before.meter,
        enterprise: (await co2e('enterprise', 'ENT-0001', month)) - before.enterprise,
      };
    };
    // October: the meter counted, the feed recorded only; November: the feed counted, the meter recorded.
    const october = await recalculate('2026-10');
    const november = await recalculate('2026-11');
    for (const moved of [october, november]) {
      expect(moved.feed).toBeGreaterThan(0n);
      expect(moved.meter).toBeGreaterThan(0n);
    }
    expect(october.enterprise).toBe(october.meter);
    expect(november.enterprise).toBe(november.feed);
  });
});

describe('an enterprise account importing its own data', () => {
  it('imports only rows of its own accounts, and sees and withdraws only its own imports', async () => {
    const token = await t.stack.issueToken({
      sub: 'imports-enterprise-4',
      username: 'logistics-energy',
      groups: [],
      enterprise: 'ENT-0004',
    });
    const own = importDriver(t, token);

    // GD-POWER-0001 is ENT-0001's account: to ENT-0004's account it is as unknown as none.
    const report = await own.importFile(
      utilityCsv(['GD-POWER-0004,2026-02,28000,kWh', 'GD-POWER-0001,2026-02,2800,kWh']),
    );

    expect(report).toMatchObject({
      status: 'succeeded',
      enterpriseId: 'ENT-0004',
      counts: { accepted: 1, refused: 1, byReason: { 'unknown-account': 1 } },
    });
    expect(report.refused[0]).toMatchObject({ row: 3, reason: 'unknown-account', field: 'accountId' });
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-02')).toBe(28_000);
    expect(await kwh('meter', 'MTR-A001', 'month', '2026-02')).toBe(0);

    const listed = await own.json<{ items: { id: string; enterpriseId?: string }[] }>('/imports?limit=100');
    expect(listed.body.items.map((i) => i.id)).toEqual([report.id]);
    const adminsImport = first;
    expect((await own.json(`/imports/${adminsImport}`)).status).toBe(404);
    expect((await own.json(`/imports/${adminsImport}/withdraw`, 'POST')).status).toBe(404);
    expect((await drive.json(`/imports/${report.id}`)).status).toBe(200);
    const mapping = await own.json('/import-accounts/GD-POWER-0004', 'PUT', {
      kind: 'utility-monthly',
      meters: { electricity: 'MTR-A004' },
    });
    expect(mapping.status).toBe(403);

    const withdrawn = await own.withdraw(report.id);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawal: { changed: 1 } });
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-02')).toBe(0);
  });
});

describe('a month the factor library does not cover', () => {
  it('refuses that row with its reason and books the file’s other rows', async () => {
    // A fresh account meter of ENT-0004 (months no other test reads): grid factors start in 2021, so
    // its 2018-05 cannot be accounted.
    expect((await drive.json('/meters', 'POST', accountMeter('MTR-A0NF', 'ENT-0004'))).status).toBe(201);
    const mapped = await drive.json('/import-accounts/GD-POWER-NOFACTOR', 'PUT', {
      kind: 'utility-monthly',
      meters: { electricity: 'MTR-A0NF' },
    });
    expect(mapped.status).toBe(200);

    const report = await drive.importFile(
      utilityCsv([
        'GD-POWER-NOFACTOR,2024-01,12000,kWh',
        'GD-POWER-NOFACTOR,2018-05,11000,kWh',
        'GD-POWER-NOFACTOR,2024-02,13000,kWh',
      ]),
    );

    expect(report).toMatchObject({
      status: 'succeeded',
      counts: { rows: 3, accepted: 2, refused: 1, byReason: { 'no-factor': 1 } },
    });
    expect(report.refused).toEqual([
      expect.objectContaining({ row: 3, reason: 'no-factor', field: 'period' }),
    ]);
    // Chinese first, naming the energy type and the month.
    expect(report.refused[0]?.message).toMatch(/^该月份无适用的排放因子：电力 electricity，2018-05 /);
    expect(await kwh('meter', 'MTR-A0NF', 'month', '2024-01')).toBe(12_000);
    expect(await kwh('meter', 'MTR-A0NF', 'month', '2024-02')).toBe(13_000);
    expect(await kwh('meter', 'MTR-A0NF', 'month', '2018-05')).toBe(0);
  });
});

describe('Excel files', () => {
  it('imports the same template from an .xlsx, the period typed as a date by Excel', async () => {
    const report = await drive.importFile(
      makeXlsx([
        ['账户编号', '期间', '用量', '单位'],
        ['GD-POWER-0004', 46023, 24800, 'kWh'],
        ['GD-POWER-0004', '2026-02', 'abc', 'kWh'],
      ]),
      { format: 'xlsx', fileName: '一月.xlsx' },
    );
    expect(report.counts).toMatchObject({
      rows: 2,
      accepted: 1,
      refused: 1,
      byReason: { 'value-malformed': 1 },
    });
    expect(await kwh('enterprise', 'ENT-0004', 'month', '2026-01')).toBe(24_800);
    expect(await kwh('enterprise', 'ENT-0004', 'day', '2026-01-31')).toBe(800);
  });
});

describe('fuel deliveries and energy reports', () => {
  it('accounts a delivery with its measured NCV, and a report’s energy types by their meters', async () => {
    for (const meter of [
      { ...accountMeter('MTR-F004', 'ENT-0004'), energyType: 'diesel', unit: 't', gridRegion: undefined },
      {
        ...accountMeter('MTR-G004', 'ENT-0004'),
        energyType: 'natural-gas',
        unit: 'Nm3',
        gridRegion: undefined,
      },
    ])
      expect((await drive.json('/meters', 'POST', meter)).status).toBe(201);
    await drive.json('/import-accounts/SINOPEC-0004', 'PUT', {
      kind: 'fuel-delivery',
      meters: { diesel: 'MTR-F004' },
    });
    await drive.json('/import-accounts/ENT4-REPORT', 'PUT', {
      kind: 'energy-report',
      meters: { 'natural-gas': 'MTR-G004' },
    });

    const fuel = await drive.importFile(
      '账户编号,期间,用量,单位,低位发热量,低位发热量单位\nSINOPEC-0004,2026-10,12.4,t,43.1,GJ/t\nSINOPEC-0004,2026-09,12.4,t,-1,GJ/t\n',
      { kind: 'fuel-delivery' },
    );
    const report = await drive.importFile(
      'accountId,period,energyType,quantity,unit\nENT4-REPORT,2026-10,natural-gas,1.2,10^4Nm3\nENT4-REPORT,2026-10,coke,5,t\n',
      { kind: 'energy-report' },
    );

    expect(fuel.counts).toMatchObject({ accepted: 1, refused: 1, byReason: { 'measured-invalid': 1 } });
    expect(report.counts).toMatchObject({ accepted: 1, refused: 1, byReason: { 'unknown-account': 1 } });
    expect(report.refused[0]).toMatchObject({ row: 3, field: 'energyType' });
    expect(fuel.counts.notCounted).toBe(1);
    const delivered = await item(rollupPk('meter', 'MTR-F004', 'month'), '2026-10');
    expect(Number(delivered.qc_diesel) / 1e6).toBe(12.4);
    // GB/T 32150: 12.4 t × 43.1 GJ/t (measured) × 20.2 tC/TJ × 98 % × 44/12 = 38.79 tCO2.
    expect(Number(delivered.co2e_mg) / 1e9).toBeCloseTo((12.4 * 43.1 * 20.2e-3 * 0.98 * 44) / 12, 2);
    const enterprise = await item(rollupPk('enterprise', 'ENT-0004', 'month'), '2026-10');
    expect(enterprise.qc_diesel).toBeUndefined();
    expect(Number(enterprise['qc_natural-gas']) / 1e6).toBe(12_000);
    const trace = await drive.json<{
      batches: { meterId: string; measuredParameters?: { parameter: string; value: number }[] }[];
    }>('/emissions/trace?level=meter&id=MTR-F004&period=2026-10-01&granularity=day');
    expect(trace.body.batches[0]?.measuredParameters).toEqual([
      expect.objectContaining({ parameter: 'ncv', value: 43.1, unit: 'GJ/t' }),
    ]);
  });
});

describe('feeds read exactly at every level: days, hours, and the device meters’ look-up', () => {
  const X = ['MTR-X401', 'MTR-X402', 'MTR-X403'];

  it('makes every level’s feed day the exact sum of its meters’ days (awkward values, three levels)', async () => {
    // Three utility accounts of ENT-0004 (G5431) and a gasoline reading of its own meter MTR-0011.
    for (const [i, id] of X.entries()) {
      expect((await drive.json('/meters', 'POST', accountMeter(id, 'ENT-0004'))).status).toBe(201);
      const account = `GD-POWER-X40${i + 1}`;
      const put = { kind: 'utility-monthly', meters: { electricity: id } };
      expect((await drive.json(`/import-accounts/${account}`, 'PUT', put)).body).toMatchObject({
        counts: 'feed',
      });
    }
    await publishAs(t, 'MTR-0011', [
      { messageId: 'feed-reads-1', readings: [{ ts: '2025-11-17T03:30:00Z', quantity: 20 }] },
    ]);
    // A millionth each (on main both landed on day 1 of the meters but days 1 and 2 of the levels).
    const rows = ['GD-POWER-X401,2025-11,0.000001,kWh', 'GD-POWER-X402,2025-11,0.000001,kWh'];
    const report = await drive.importFile(utilityCsv([...rows, 'GD-POWER-X403,2025-11,12345.678901,kWh']));
    expect(report.counts).toMatchObject({ accepted: 3, notCounted: 0 });

    const series = (level: 'meter' | 'enterprise' | 'industry' | 'city', id: string) =>
      reader().readSeries(level, id, 'day', '2025-11-01', '2025-11-30');
    const meters = await Promise.all([...X, 'MTR-0011'].map((id) => series('meter', id)));
    const levels = await Promise.all([
      series('enterprise', 'ENT-0004'),
      series('industry', 'G5431'),
      series('city', 'city'),
    ]);
    for (let d = 1; d <= 30; d += 1) {
      const day = `2025-11-${String(d).padStart(2, '0')}`;
      const expected = figures(...meters.map((m) => m.get(day) ?? {}));
      expect(expected.qc_electricity).toBeGreaterThan(0n);
      for (const level of levels) expect([day, figures(level.get(day) ?? {})]).toEqual([day, expected]);
    }
  });

  it('spreads each feed day over its hours: an enterprise’s hours and its daily report add up to the day', async () => {
    const hours = await reader().readSeries(
      'enterprise',
      'ENT-0004',
      'hour',
      '2025-11-17T00',
      '2025-11-17T23',
    );
    const day = (await reader().readSeries('enterprise', 'ENT-0004', 'day', '2025-11-17', '2025-11-17')).get(
      '2025-11-17',
    );
    expect(hours.size).toBe(24);
    expect(figures(...([...hours.values()] as Record<string, unknown>[]))).toEqual(figures(day ?? {}));
    // 11:30 local holds the gasoline reading besides its share of the feeds.
    expect(figures(hours.get('2025-11-17T11') ?? {}).qc_gasoline).toBeGreaterThan(0n);
    // An hour's trace names the feeds behind its share (X401 and X402 have none at 05:00).
    const trace = await drive.json<{ batches: { meterId: string; source?: { kind: string } }[] }>(
      '/emissions/trace?level=enterprise&id=ENT-0004&period=2025-11-17T05&granularity=hour',
    );
    const traced = trace.body.batches.filter((b) => b.source?.kind === 'import').map((b) => b.meterId);
    expect(traced).toEqual(['MTR-X403']);

    const { runCarbonReports } = await import('../../shared/application/reports/carbon-report-job.ts');
    const context = await import('../../functions/reports/report-context.ts');
    const { DynamoBudgetStore } = await import('../../shared/adapters/dynamodb/carbon/budget-store.ts');
    const { DynamoJobRunStore } = await import('../../shared/adapters/dynamodb/job-run-store.ts');
    const files = context.reportFiles();
    await runCarbonReports(
      {
        registry: new DynamoRegistryStore(t.dynamo, localTableName('registry')),
        rollups: reader(),
        budgets: new DynamoBudgetStore(t.dynamo, localTableName('carbon')),
        quarantine: { countByMeter: async () => new Map<string, number>() },
        index: context.reportIndex(),
        files,
        runs: new DynamoJobRunStore(t.dynamo, localTableName('jobs')),
        now: () => new Date('2025-11-18T01:00:00Z'),
      },
      { job: 'carbonDailyReportFeeds', granularity: 'day', period: '2025-11-17', utcDays: [], timeZone: TZ },
    );
    const json = JSON.parse(
      (await files.read('reports/carbon-daily/2025-11-17/enterprise-ENT-0004.json')) ?? '{}',
    ) as { totals: { co2eT: number }; series: { value: number | null }[] };
    const mg = (tonnes: number | null) => BigInt(Math.round((tonnes ?? 0) * 1e9));
    expect(json.series.filter((h) => h.value !== null)).toHaveLength(24);
    expect(json.series.reduce((s, h) => s + mg(h.value), 0n)).toBe(mg(json.totals.co2eT));
  });

  it('leaves account meters out of the hourly anomaly scan: a spread month is no measurement', async () => {
    // October small, November 120 × more: spread over hours that would be a spike at every hour.
    const report = await drive.importFile(utilityCsv(['GD-POWER-X403,2025-10,100,kWh']));
    expect(report.counts).toMatchObject({ accepted: 1 });
    const scan = (await import('../../functions/carbon/jobs/anomaly-scan.ts')) as {
      handler: (event: unknown, context: unknown) => Promise<unknown>;
    };
    await scan.handler(
      { job: 'anomalyScan', scheduledTime: '2025-11-03T15:10:00+08:00', period: '2025-11-03T05' },
      { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 },
    );
    const alerts = await drive.json<{ items: { targetId: string }[] }>('/alerts?kind=anomaly&limit=100');
    expect(alerts.status).toBe(200);
    expect(alerts.body.items.filter((a) => X.includes(a.targetId))).toEqual([]);
  });

  it('looks up a device meter’s plausible limit with one Query, an account meter’s with its feed months too', async () => {
    const { meterHistory } = await import('../../functions/carbon/ingest/ingest-context.ts');
    const registry = new DynamoRegistryStore(t.dynamo, localTableName('registry'));
    const sent: string[] = [];
    const counting = {
      send: (command: { constructor: { name: string } }) => {
        sent.push(command.constructor.name);
        return t.dynamo.send(command as never);
      },
    } as unknown as typeof t.dynamo;
    const history = meterHistory(new DynamoCarbonReadStore(counting, localTableName('carbon'), registry));
    const device = await registry.getMeter('MTR-0011');
    const account = await registry.getMeter('MTR-X403');
    if (device === undefined || account === undefined) throw new Error('meters missing');

    expect(await history.dailyUse(device, '2025-11-01', '2025-11-30')).toHaveLength(1);
    expect(sent).toEqual(['QueryCommand']);
    sent.length = 0;
    expect(await history.dailyUse(account, '2025-11-01', '2025-11-30')).toHaveLength(30);
    expect(sent).toEqual(['QueryCommand', 'QueryCommand']);
  });
});
