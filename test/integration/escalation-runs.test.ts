import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBucketName, localTableName } from '../../infra/local/environment.ts';
import { DynamoReportIndexStore } from '../../shared/adapters/dynamodb/report-index-store.ts';
import { S3ReportFileStore } from '../../shared/adapters/s3/report-file-store.ts';
import { reportId, reportKeyPrefix } from '../../shared/domain/reports/report-index.ts';
import type { Principal, Role } from '../../shared/domain/roles.ts';
import { seedCaseSteps } from '../support/case-seed.ts';
import { PROJECT_ROOT, startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * Judging escalation at an instant other than now (issue 14): a dry run unless committed, never
 * written as of a future instant, and `/reports/escalations` shows only runs that happened. Driven
 * through the job's function and through `npm run job` (its script), against the local stack.
 */

let t: TestStack;
type Handler = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;
let escalateOverdue: Handler;
const context = { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 };
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
let pendingCaseId: string;
let realRunAt: string;

const principal = (role: Role): Principal => {
  const { user } = t.stack.users[role];
  return {
    userId: user.sub,
    username: user.username,
    roles: [role],
    ...(user.department === undefined ? {} : { departmentId: user.department }),
  };
};

const get = async (path: string) => {
  const response = await t.api(path, { token: t.stack.users.supervisor.token });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const escalateEntries = async (id: string) =>
  ((await get(`/cases/${id}/timeline`)).body.entries as { action: string }[]).filter(
    (entry) => entry.action === 'escalate',
  );
/** Everything the job keeps in the jobs table: its runs and checkpoints, and the escalation reports. */
const jobItems = async () => {
  const count = async (pk: string) =>
    (
      await t.dynamo.send(
        new QueryCommand({
          TableName: localTableName('jobs'),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        }),
      )
    ).Items?.length ?? 0;
  return { job: await count('JOB#escalateOverdue'), reports: await count('REPORTS#escalations') };
};

beforeAll(async () => {
  t = await startTestStack();
  escalateOverdue = ((await import('../../functions/jobs/escalate-overdue.ts')) as { handler: Handler })
    .handler;
  // Dispatched today: its deadline (5 working days) is ahead, so only a future judgement escalates it.
  const seeded = await seedCaseSteps(t, {
    reporter: principal('deputy'),
    submittedAt: daysAgo(0.01),
    steps: [
      ['accept', 'supervisor', daysAgo(0.005)],
      ['dispatch', 'supervisor', daysAgo(0.005), { leadDepartmentId: 'dept-ecology' }],
    ],
    principals: { supervisor: principal('supervisor') },
  });
  pendingCaseId = seeded.record.id;
  const real = await escalateOverdue(
    { job: 'escalateOverdue', scheduledTime: new Date().toISOString() },
    context,
  );
  expect(real).toMatchObject({ ran: 1 });
  realRunAt = String((await get('/reports/escalations')).body.generatedAt);
});
afterAll(async () => {
  await t?.close();
});

describe('an escalation judged at a future instant', () => {
  it('is a dry run when asked: reports what would be escalated, in local time, and writes nothing', async () => {
    const before = await jobItems();
    const result = await escalateOverdue(
      { job: 'escalateOverdue', scheduledTime: inDays(60), dryRun: true },
      context,
    );
    expect(result).toMatchObject({ dryRun: true, wouldRaise: 3 });
    expect(result.escalated).toEqual([
      expect.objectContaining({ id: pendingCaseId, raisedNow: [1, 2, 3], overdue: true }),
    ]);
    const lines = result.lines as string[];
    expect(lines[0]).toMatch(/^演练：按 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间） 判断/);
    expect(lines[1]).toMatch(new RegExp(`^案件 ${pendingCaseId}「种子案件」期限 \\d{4}年.*将升级至`));

    expect(await escalateEntries(pendingCaseId)).toEqual([]);
    expect(await jobItems()).toEqual(before);
    expect((await get('/reports/escalations')).body.generatedAt).toBe(realRunAt);
  });

  it('is refused when it would write, with a message in Chinese naming the instant in local time', async () => {
    const before = await jobItems();
    await expect(
      escalateOverdue({ job: 'escalateOverdue', scheduledTime: inDays(60) }, context),
    ).rejects.toThrow(/^不能按将来的时刻 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间） 写入督办升级/);
    expect(await escalateEntries(pendingCaseId)).toEqual([]);
    expect(await jobItems()).toEqual(before);
    expect((await get('/reports/escalations')).body.generatedAt).toBe(realRunAt);
  });
});

describe('npm run job -- escalateOverdue --at', () => {
  const runJob = (...args: string[]) =>
    promisify(execFile)(
      resolve(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      [
        'infra/local/run-job.ts',
        'escalateOverdue',
        '--dynamodb',
        t.stack.urls.dynamodb,
        '--s3',
        t.stack.urls.s3,
        ...args,
      ],
      { cwd: PROJECT_ROOT, env: { ...process.env, QS_TIME_ZONE: 'Asia/Shanghai' } },
    );

  it('is a dry run without --commit, and refuses --commit for a future instant', async () => {
    const before = await jobItems();
    const dry = await runJob('--at', inDays(60));
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, wouldRaise: 3 });

    const refused = await runJob('--at', inDays(60), '--commit').then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(
      /^不能按将来的时刻 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间） 写入督办升级/,
    );

    expect(await escalateEntries(pendingCaseId)).toEqual([]);
    expect(await jobItems()).toEqual(before);
  });
});

describe('GET /reports/escalations', () => {
  it('passes over a future-dated run (as older versions of the job could write) and shows the latest real one', async () => {
    // Prepare: a report of a run "in 60 days", stored as the job used to store it.
    const when = inDays(60);
    const period = `${when.slice(0, 13)}`;
    const subject = { level: 'district', id: 'district', name: '全区 District' };
    const keyPrefix = reportKeyPrefix({ kind: 'escalations', subject, period });
    const files = new S3ReportFileStore(t.s3, localBucketName('reports'));
    await files.write(
      `${keyPrefix}.json`,
      JSON.stringify({ period, generatedAt: when, escalated: [], reconciliation: {} }),
      'json',
    );
    await new DynamoReportIndexStore(t.dynamo, localTableName('jobs')).put({
      id: reportId('escalations', subject, period),
      kind: 'escalations',
      period,
      subject,
      title: 'future-dated',
      formats: ['json'],
      keyPrefix,
      generatedAt: when,
      headline: {},
    });
    // Act, Assess
    const shown = await get('/reports/escalations');
    expect(shown.status).toBe(200);
    expect(shown.body.generatedAt).toBe(realRunAt);
  });
});
