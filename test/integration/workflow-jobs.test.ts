import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeekRange } from '../../shared/domain/calendar/iso-week.ts';
import { addDays, localDateOf, localTimeToInstant } from '../../shared/domain/calendar/local-date.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { seedCaseSteps } from '../support/case-seed.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';
import { seedSuggestionSteps } from '../support/suggestion-seed.ts';

/**
 * The escalation and performance jobs against the local stack: cases and suggestions made through
 * the API, or seeded through the real domain at past instants where time must have passed; the jobs
 * run as the scheduler fires them, at instants that have come (an escalation never writes as of a
 * future instant: escalation-runs.test.ts); results read back through the API.
 */

let t: TestStack;
// biome-ignore lint/suspicious/noExplicitAny: answers are read as loose JSON, as in the other integration tests
type Json = Record<string, any>;
type Role = 'deputy' | 'handler' | 'head' | 'supervisor' | 'admin';
type Handler = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;
const jobs: Record<string, Handler> = {};
const context = { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 };

const token = (role: Role) => t.stack.users[role].token;
const call = async (path: string, role: Role, body?: unknown) => {
  const response = await t.api(path, {
    method: body === undefined ? 'GET' : 'POST',
    token: token(role),
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
};
const act = async (kind: 'cases' | 'suggestions', id: string, role: Role, action: string, payload = {}) => {
  const result = await call(`/${kind}/${id}/transitions`, role, { action, payload });
  expect(result.status, `${action}: ${JSON.stringify(result.body)}`).toBe(200);
  return result.body;
};
const runJob = (job: string, scheduledTime: Date, period?: string) =>
  (jobs[job] as Handler)(
    { job, scheduledTime: scheduledTime.toISOString(), ...(period ? { period } : {}) },
    context,
  );

let caseId: string;
let suggestionId: string;
/** The case seeded with a deadline weeks ago (first test), escalated to the top. */
let lateCaseId: string;
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const principal = (role: Role): Principal => {
  const { user } = t.stack.users[role];
  return {
    userId: user.sub,
    username: user.username,
    roles: [role],
    ...(user.department === undefined ? {} : { departmentId: user.department }),
  };
};
const principals = () =>
  Object.fromEntries((['deputy', 'handler', 'head', 'supervisor'] as const).map((r) => [r, principal(r)]));

beforeAll(async () => {
  t = await startTestStack();
  jobs.escalateOverdue = (
    (await import('../../functions/jobs/escalate-overdue.ts')) as { handler: Handler }
  ).handler;
  const performance = ((await import('../../functions/jobs/performance-reports.ts')) as { handler: Handler })
    .handler;
  jobs.performanceWeeklyReport = performance;
  jobs.performanceMonthlyReport = performance;

  const created = await call('/cases', 'deputy', {
    categoryId: 'waterPollution',
    title: '河道排污',
    description: '青山河东岸排污口有黑水排出',
    location: { latitude: 30.5, longitude: 114.3 },
    mediaIds: [await uploadReadyPhoto(t, token('deputy'))],
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  await act('cases', caseId, 'supervisor', 'accept');
  await act('cases', caseId, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' });

  const filed = await call('/suggestions', 'deputy', {
    title: '关于加强河道排污口监管的建议',
    body: '建议对青山河沿线排污口开展排查并公开整改进度。',
    category: 'pollutionControl',
    attachments: [],
    coSignerIds: [],
  });
  expect(filed.status).toBe(201);
  suggestionId = filed.body.id;
  await act('suggestions', suggestionId, 'supervisor', 'accept');
  await act('suggestions', suggestionId, 'supervisor', 'assign', {
    leadUnitId: 'dept-ecology',
    coUnitIds: [],
  });
});
afterAll(async () => {
  await t?.close();
});

const escalations = async (id: string, kind: 'cases' | 'suggestions') => {
  const timeline = await call(`/${kind}/${id}/timeline`, 'supervisor');
  return (
    timeline.body.entries as {
      action: string;
      actorRole: string;
      note?: string;
      details: { level: number };
    }[]
  ).filter((entry) => entry.action === 'escalate');
};

describe('overdue escalation job', () => {
  it('raises a case once per level as runs pass its deadline, never twice, and never one far from it', async () => {
    // Dispatched 40 days ago: the runs below are judged at instants that have all passed.
    const seeded = await seedCaseSteps(t, {
      reporter: principal('deputy'),
      submittedAt: daysAgo(41),
      steps: [
        ['accept', 'supervisor', daysAgo(40)],
        ['dispatch', 'supervisor', daysAgo(40), { leadDepartmentId: 'dept-ecology' }],
        ['signFor', 'handler', daysAgo(40)],
      ],
      principals: principals(),
    });
    lateCaseId = seeded.record.id;
    const due = new Date(seeded.record.deadline ?? '');

    // Half an hour before the deadline (close of office): within one working day → the department head.
    const near = new Date(due.getTime() - 30 * 60_000);
    await runJob('escalateOverdue', near);
    await runJob('escalateOverdue', near); // the same hour again changes nothing
    const first = await escalations(lateCaseId, 'cases');
    expect(first.map((entry) => entry.details.level)).toEqual([1]);
    expect(first[0]?.actorRole).toBe('system');
    // The step's text names the deadline as people read it, not the stored UTC instant.
    expect(first[0]?.note).toMatch(/临近办理期限 \d{4}年\d{1,2}月\d{1,2}日 18:00/);

    // An hour after it: People's Congress staff; now, weeks later: the district leader too.
    await runJob('escalateOverdue', new Date(due.getTime() + 3_600_000));
    expect((await escalations(lateCaseId, 'cases')).map((entry) => entry.details.level)).toEqual([1, 2]);
    const outcome = await runJob('escalateOverdue', new Date());
    expect(outcome).toMatchObject({ ran: 1 });
    expect((await escalations(lateCaseId, 'cases')).map((entry) => entry.details.level)).toEqual([1, 2, 3]);
    expect((await call(`/cases/${lateCaseId}`, 'supervisor')).body.escalationLevel).toBe(3);
    // The case dispatched today is days from its deadline.
    expect(await escalations(caseId, 'cases')).toEqual([]);
  });

  it('escalates a suggestion past its reply date and lists both, with balanced books', async () => {
    const seeded = await seedSuggestionSteps(t, {
      filer: principal('deputy'),
      coSignerIds: [],
      filedAt: daysAgo(130),
      steps: [
        ['accept', 'supervisor', daysAgo(129)],
        ['assign', 'supervisor', daysAgo(128), { leadUnitId: 'dept-ecology', coUnitIds: [] }],
      ],
      principals: principals(),
    });
    await runJob('escalateOverdue', new Date());
    expect((await escalations(seeded.id, 'suggestions')).length).toBeGreaterThanOrEqual(2);

    const list = await call('/reports/escalations', 'supervisor');
    expect(list.status).toBe(200);
    const ids = (list.body.escalated as { id: string }[]).map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([lateCaseId, seeded.id]));
    expect(ids).not.toContain(caseId);
    expect(list.body.reconciliation.cases).toMatchObject({ balanced: true, created: 2 });
    expect(list.body.reconciliation.suggestions).toMatchObject({ balanced: true, created: 2 });

    const head = await call('/reports/escalations', 'head');
    expect(head.body.reviewDue).toBeUndefined();
    expect(
      (head.body.escalated as { unitId: string }[]).every((item) => item.unitId === 'dept-ecology'),
    ).toBe(true);
    expect(head.body.reconciliation).toBeUndefined();
    expect((await call('/reports/escalations', 'deputy')).status).toBe(403);
  });
});

describe('department performance job', () => {
  const zone = 'Asia/Shanghai';
  const today = localDateOf(new Date(), zone);

  it('reports last week’s dispatched case and filed suggestion, and what the department holds overdue now', async () => {
    // A report is written for a week that has ended, as of now: last week's work is seeded at its
    // instants, and a case and a suggestion long overdue stand for what the department holds now.
    const week = isoWeekOf(addDays(today, -7));
    const midweek = localTimeToInstant(addDays(isoWeekRange(week).first, 2), 10 * 60, zone).getTime();
    const at = (hours: number) => new Date(midweek + hours * 3_600_000).toISOString();
    const people = principals();
    const dispatched = await seedCaseSteps(t, {
      reporter: principal('deputy'),
      submittedAt: at(0),
      steps: [
        ['accept', 'supervisor', at(1)],
        ['dispatch', 'supervisor', at(1), { leadDepartmentId: 'dept-ecology' }],
      ],
      principals: people,
    });
    const filed = await seedSuggestionSteps(t, {
      filer: principal('deputy'),
      coSignerIds: [],
      filedAt: at(0),
      steps: [
        ['accept', 'supervisor', at(1)],
        ['assign', 'supervisor', at(2), { leadUnitId: 'dept-ecology', coUnitIds: [] }],
      ],
      principals: people,
    });
    const lateSuggestion = await seedSuggestionSteps(t, {
      filer: principal('deputy'),
      coSignerIds: [],
      filedAt: daysAgo(130),
      steps: [
        ['accept', 'supervisor', daysAgo(129)],
        ['assign', 'supervisor', daysAgo(128), { leadUnitId: 'dept-ecology', coUnitIds: [] }],
      ],
      principals: people,
    });
    const outcome = await runJob('performanceWeeklyReport', new Date(), week);
    expect(outcome.ran).toBe(outcome.total);

    const report = await call(`/reports/performance-weekly~department~dept-ecology~${week}`, 'head');
    expect(report.status).toBe(200);
    const json = (await (await fetch(report.body.links.json)).json()) as Json;
    const [ecology] = json.departments;
    expect(ecology.cases).toMatchObject({ dispatched: 1, closed: 0 });
    expect(ecology.suggestions).toMatchObject({ count: 1, assigned: 1, replied: 0 });
    expect(filed.state).toBe('assigned');
    expect(dispatched.record.state).toBe('dispatched');
    // The case seeded 40 days ago by the escalation test is held past its deadline, as is the suggestion.
    expect(ecology.overdueCases.map((item: { id: string }) => item.id)).toContain(lateCaseId);
    expect(ecology.overdueSuggestions.map((item: { id: string }) => item.id)).toContain(lateSuggestion.id);
    // Today's case is not overdue, and not in last week's figures.
    expect(ecology.overdueCases.map((item: { id: string }) => item.id)).not.toContain(caseId);
    const html = await (await fetch(report.body.links.html)).text();
    expect(html).toContain('按期结案率');

    // A department head reads their own department's report, not the district's.
    expect((await call(`/reports/performance-weekly~district~district~${week}`, 'head')).status).toBe(404);
    expect((await call(`/reports/performance-weekly~district~district~${week}`, 'supervisor')).status).toBe(
      200,
    );
  });

  it('is not written for the week still running, nor as of a later instant', async () => {
    const week = isoWeekOf(today);
    await expect(runJob('performanceWeeklyReport', new Date(), week)).rejects.toThrow(/^报告期 \S+ 尚未结束/);
    await expect(
      runJob(
        'performanceWeeklyReport',
        new Date(Date.now() + 200 * 86_400_000),
        isoWeekOf(addDays(today, -7)),
      ),
    ).rejects.toThrow(/^不能按将来的时刻/);
    expect((await call(`/reports/performance-weekly~district~district~${week}`, 'supervisor')).status).toBe(
      404,
    );
  });
});

describe('suspended cases', () => {
  it('are listed for review once their review date has come', async () => {
    // Suspended ten days ago until a review five days ago.
    const reviewOn = localDateOf(new Date(daysAgo(5)), 'Asia/Shanghai');
    const seeded = await seedCaseSteps(t, {
      reporter: principal('deputy'),
      submittedAt: daysAgo(12),
      categoryId: 'noise',
      steps: [
        ['accept', 'supervisor', daysAgo(11)],
        ['dispatch', 'supervisor', daysAgo(11), { leadDepartmentId: 'dept-ecology' }],
        ['suspend', 'supervisor', daysAgo(10), { reason: '待汛期结束', nextReviewDate: reviewOn }],
      ],
      principals: principals(),
    });
    await runJob('escalateOverdue', new Date());
    const list = await call('/reports/escalations', 'supervisor');
    expect(list.body.reviewDue).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: seeded.record.id, nextReviewDate: reviewOn })]),
    );
  });
});
