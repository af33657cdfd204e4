import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { localDateOf } from '../../shared/domain/calendar/local-date.ts';
import { electricityFigures } from '../bench/report-fixtures.ts';
import { PROJECT_ROOT, startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * The carbon report job against the local stack: rollups written by hand, the job run as the
 * scheduler would run it, the reports read back through GET /reports with real presigned links.
 */

let t: TestStack;
// biome-ignore lint/suspicious/noExplicitAny: answers are read as loose JSON, as in the other integration tests
type Json = Record<string, any>;
type Handler = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;
let runJob: (period: string) => Promise<Record<string, unknown>>;

const put = (table: string, item: Record<string, unknown>) =>
  t.dynamo.send(new PutCommand({ TableName: localTableName(table), Item: item }));

const rollup = (
  level: 'city' | 'industry' | 'enterprise' | 'meter',
  id: string,
  gran: 'hour' | 'day' | 'month',
  period: string,
  co2eT: number,
  readings = 4,
) =>
  put('carbon', {
    pk: rollupPk(level, id, gran),
    sk: period,
    ...electricityFigures(co2eT, readings),
  });

beforeAll(async () => {
  t = await startTestStack();
  // October 2026: MTR-0001 (ENT-0001, industry C3311) 30 t; MTR-0002 (ENT-0002, C1713) 10 t;
  // MTR-0003 (ENT-0001) reported nothing. September: city 32 t. Budget of ENT-0001: 40 t.
  await rollup('meter', 'MTR-0001', 'month', '2026-10', 30);
  await rollup('meter', 'MTR-0002', 'month', '2026-10', 10);
  await rollup('enterprise', 'ENT-0001', 'month', '2026-10', 30);
  await rollup('enterprise', 'ENT-0002', 'month', '2026-10', 10);
  await rollup('industry', 'C3311', 'month', '2026-10', 30);
  await rollup('industry', 'C1713', 'month', '2026-10', 10);
  await rollup('city', 'city', 'month', '2026-10', 40);
  await rollup('city', 'city', 'month', '2026-09', 32);
  await rollup('city', 'city', 'day', '2026-10-01', 1.5);
  await rollup('city', 'city', 'day', '2026-10-02', 2.5);
  await put('carbon', {
    pk: 'BUDGET#enterprise#ENT-0001',
    sk: '2026-10',
    level: 'enterprise',
    targetId: 'ENT-0001',
    period: '2026-10',
    limitTonnes: 40,
    warningRatio: 0.8,
    version: 1,
    updatedAt: '2026-09-01T00:00:00Z',
    updatedBy: 'admin',
  });
  const module = (await import('../../functions/carbon/jobs/carbon-reports.ts')) as { handler: Handler };
  runJob = (period) =>
    module.handler(
      { job: 'carbonMonthlyReport', scheduledTime: '2026-11-01T01:00:00+08:00', period },
      { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 },
    );
});
afterAll(async () => {
  await t?.close();
});

const token = (role: 'deputy' | 'supervisor' | 'head') => t.stack.users[role].token;
const getJson = async (path: string, role: 'deputy' | 'supervisor' | 'head' = 'supervisor') => {
  const response = await t.api(path, { token: token(role) });
  return { status: response.status, body: (await response.json()) as Json };
};

describe('monthly carbon report job', () => {
  it('writes one report per subject whose figures equal the rollups, with working download links', async () => {
    const outcome = await runJob('2026-10');
    expect(outcome).toMatchObject({ period: '2026-10', skipped: 0 });
    expect(outcome.ran).toBe(outcome.total);

    const city = await getJson('/reports/carbon-monthly~city~city~2026-10');
    expect(city.status).toBe(200);
    expect(city.body.headline).toMatchObject({ co2eT: 40, changeVsPrevious: 0.25 });
    const json = (await (await fetch(city.body.links.json)).json()) as Json;
    expect(json.totals.co2eT).toBe(40);
    expect(json.trend).toMatchObject({ previousCo2eT: 32, changeVsPrevious: 0.25, lastYearCo2eT: 0 });
    // The seeded rollups carry CO2e only, so no energy (tce figures: test/unit/reports/).
    expect(json.topEmitters.slice(0, 2)).toEqual([
      { id: 'ENT-0001', name: expect.any(String), co2eT: 30, tce: 0 },
      { id: 'ENT-0002', name: expect.any(String), co2eT: 10, tce: 0 },
    ]);
    expect(json.series.slice(0, 3)).toEqual([
      { label: '01', value: 1.5, tce: 0 },
      { label: '02', value: 2.5, tce: 0 },
      { label: '03', value: null, tce: null },
    ]);

    const html = await (await fetch(city.body.links.html)).text();
    expect(html).toContain('<svg');
    expect(html).toContain('全区 City 碳排放月报 2026-10');
    const csv = await (await fetch(city.body.links.csv)).text();
    expect(csv).toContain('total,co2e (location-based),40,tCO2e');

    const enterprise = await getJson('/reports/carbon-monthly~enterprise~ENT-0001~2026-10');
    const enterpriseJson = (await (await fetch(enterprise.body.links.json)).json()) as Json;
    expect(enterpriseJson.budget).toMatchObject({ limitTonnes: 40, usedTonnes: 30, use: 0.75 });
    // Every active meter of ENT-0001 in the registry counts; only MTR-0001 has October data.
    const registered = await getJson('/meters?enterpriseId=ENT-0001&limit=100');
    const meterIds = (registered.body.items as { id: string }[]).map((m) => m.id).sort();
    expect(meterIds).toContain('MTR-0003');
    expect(enterpriseJson.completeness).toMatchObject({
      meters: meterIds.length,
      metersReporting: 1,
      offlineMeters: meterIds.filter((id) => id !== 'MTR-0001'),
    });
  });

  it('replaces a period’s reports when run again instead of adding more', async () => {
    const before = await getJson('/reports?kind=carbon-monthly&period=2026-10&limit=100');
    await rollup('city', 'city', 'month', '2026-10', 44);
    const again = await runJob('2026-10');
    expect(again.ran).toBe(again.total);
    const after = await getJson('/reports?kind=carbon-monthly&period=2026-10&limit=100');
    expect(after.body.items).toHaveLength(before.body.items.length);
    const city = after.body.items.find(
      (item: { id: string }) => item.id === 'carbon-monthly~city~city~2026-10',
    );
    expect(city.headline.co2eT).toBe(44);
  });

  it('shows carbon reports to staff only', async () => {
    expect((await getJson('/reports?kind=carbon-monthly', 'deputy')).status).toBe(403);
    const head = await getJson('/reports?kind=carbon-monthly', 'head');
    expect(head.status).toBe(200);
    expect(head.body.items).toEqual([]);
    expect((await getJson('/reports/carbon-monthly~city~city~2026-10', 'head')).status).toBe(404);
  });
});

describe('a crashed report run', () => {
  it('resumes with the subjects it had not finished', async () => {
    const { runCarbonReports } = await import('../../shared/application/reports/carbon-report-job.ts');
    const context = await import('../../functions/reports/report-context.ts');
    const { DynamoRegistryStore } = await import('../../shared/adapters/dynamodb/registry-store.ts');
    const { DynamoCarbonReadStore } = await import(
      '../../shared/adapters/dynamodb/carbon/carbon-read-store.ts'
    );
    const { DynamoBudgetStore } = await import('../../shared/adapters/dynamodb/carbon/budget-store.ts');
    const { DynamoJobRunStore } = await import('../../shared/adapters/dynamodb/job-run-store.ts');
    const files = context.reportFiles();
    let writes = 0;
    const deps = {
      registry: new DynamoRegistryStore(t.dynamo, localTableName('registry')),
      rollups: new DynamoCarbonReadStore(
        t.dynamo,
        localTableName('carbon'),
        new DynamoRegistryStore(t.dynamo, localTableName('registry')),
      ),
      budgets: new DynamoBudgetStore(t.dynamo, localTableName('carbon')),
      quarantine: { countByMeter: async () => new Map<string, number>() },
      index: context.reportIndex(),
      runs: new DynamoJobRunStore(t.dynamo, localTableName('jobs')),
      now: () => new Date('2026-12-01T01:00:00Z'),
    };
    // The "crash": the file store fails on the 7th write, i.e. during the third subject.
    const failing = {
      ...files,
      read: files.read.bind(files),
      downloadLink: files.downloadLink.bind(files),
      write: async (key: string, body: string, format: 'json' | 'csv' | 'html') => {
        writes += 1;
        if (writes === 7) throw new Error('simulated crash');
        return files.write(key, body, format);
      },
    };
    const run = {
      job: 'carbonMonthlyReportResumeTest',
      granularity: 'month' as const,
      period: '2026-11',
      utcDays: [],
      timeZone: 'Asia/Shanghai',
    };
    await expect(runCarbonReports({ ...deps, files: failing }, run)).rejects.toThrow('simulated crash');
    const resumed = await runCarbonReports({ ...deps, files }, run);
    expect(resumed.skipped).toBe(2);
    expect(resumed.ran).toBe(resumed.total - 2);
    expect(resumed.attempt).toBe(2);
  });
});

describe('a report of a period that has not ended, or judged at a future instant', () => {
  const zone = 'Asia/Shanghai';
  const today = localDateOf(new Date(), zone);
  const thisMonth = today.slice(0, 7);
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const context = { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 };
  const carbon = async () =>
    ((await import('../../functions/carbon/jobs/carbon-reports.ts')) as { handler: Handler }).handler;
  const performance = async () =>
    ((await import('../../functions/jobs/performance-reports.ts')) as { handler: Handler }).handler;
  /** Every report id in the index of these kinds, and the report jobs' checkpoints. */
  const written = async () => {
    const kinds = ['carbon-monthly', 'carbon-daily', 'performance-weekly', 'performance-monthly'];
    const ids: string[] = [];
    for (const kind of kinds) {
      const listed = await getJson(`/reports?kind=${kind}&limit=100`);
      ids.push(...(listed.body.items as { id: string }[]).map((item) => item.id));
    }
    const jobs = ['carbonMonthlyReport', 'carbonDailyReport', 'performanceWeeklyReport'];
    for (const job of jobs) {
      const items = await t.dynamo.send(
        new QueryCommand({
          TableName: localTableName('jobs'),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `JOB#${job}` },
        }),
      );
      ids.push(...(items.Items ?? []).map((item) => `${job} ${String(item.sk)}`));
    }
    return ids.sort();
  };
  const runCli = (...args: string[]) =>
    promisify(execFile)(
      resolve(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      ['infra/local/run-job.ts', ...args, '--dynamodb', t.stack.urls.dynamodb, '--s3', t.stack.urls.s3],
      { cwd: PROJECT_ROOT, env: { ...process.env, QS_TIME_ZONE: zone } },
    ).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('is refused by the job itself, in Chinese naming when the period ends, and writes nothing', async () => {
    const before = await written();
    const job = await carbon();
    await expect(
      job(
        { job: 'carbonMonthlyReport', scheduledTime: new Date().toISOString(), period: thisMonth },
        context,
      ),
    ).rejects.toThrow(
      new RegExp(`^报告期 ${thisMonth} 尚未结束（\\d{4}年\\d{1,2}月1日 00:00（北京时间）结束）`),
    );
    await expect(
      (await performance())({ job: 'performanceWeeklyReport', scheduledTime: inDays(30) }, context),
    ).rejects.toThrow(/^不能按将来的时刻 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间） 生成报表/);
    expect(await written()).toEqual(before);
  });

  it('is a dry run when asked: built and shown, not written', async () => {
    const before = await written();
    const job = await carbon();
    const dry = await job(
      { job: 'carbonDailyReport', scheduledTime: new Date().toISOString(), period: today, dryRun: true },
      context,
    );
    expect(dry).toMatchObject({ dryRun: true, period: today });
    expect((dry.lines as string[])[0]).toMatch(
      new RegExp(`^演练：已生成报告期 ${today} 的 \\d+ 份报表预览，未写入任何记录`),
    );
    expect(dry.reports).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: `carbon-daily~city~city~${today}` })]),
    );
    expect(await written()).toEqual(before);
  });

  it('is a dry run through npm run job, and refused with --commit', async () => {
    const before = await written();
    const dry = await runCli('carbonMonthlyReport', '--period', thisMonth);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, period: thisMonth });

    const refused = await runCli('performanceWeeklyReport', '--at', inDays(30), '--commit');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^不能按将来的时刻 .*生成报表.*去掉 --commit 可演练/);
    const unfinished = await runCli('carbonDailyReport', '--date', today, '--commit');
    expect(unfinished.code).toBe(1);
    expect(unfinished.stderr).toMatch(new RegExp(`^报告期 ${today} 尚未结束`));
    expect(await written()).toEqual(before);
  });
});
