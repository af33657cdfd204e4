import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOf } from '../../shared/domain/calendar/iso-week.ts';
import { addDays, localDateOf } from '../../shared/domain/calendar/local-date.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';

/**
 * The escalation and performance jobs against the local stack: real cases and suggestions made
 * through the API, the jobs run as the scheduler fires them (the fire time stands in for the clock),
 * results read back through the API.
 */

let t: TestStack;
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
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
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
let deadline: Date;
let suggestionId: string;

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
  const dispatched = await act('cases', caseId, 'supervisor', 'dispatch', {
    leadDepartmentId: 'dept-ecology',
  });
  deadline = new Date(dispatched.deadline);

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
    timeline.body.entries as { action: string; actorRole: string; details: { level: number } }[]
  ).filter((entry) => entry.action === 'escalate');
};

describe('overdue escalation job', () => {
  it('leaves a case alone while its deadline is far, and raises it once per level as the deadline nears and passes', async () => {
    await runJob('escalateOverdue', new Date());
    expect(await escalations(caseId, 'cases')).toEqual([]);

    // Half an hour before the deadline: within one working day → the department head.
    const near = new Date(deadline.getTime() - 30 * 60_000);
    await runJob('escalateOverdue', near);
    await runJob('escalateOverdue', near); // the same hour again changes nothing
    const first = await escalations(caseId, 'cases');
    expect(first.map((entry) => entry.details.level)).toEqual([1]);
    expect(first[0]?.actorRole).toBe('system');

    // Twenty calendar days later it is overdue by far more than three working days: staff, then leader.
    const late = new Date(deadline.getTime() + 20 * 86_400_000);
    const outcome = await runJob('escalateOverdue', late);
    expect(outcome).toMatchObject({ ran: 1 });
    expect((await escalations(caseId, 'cases')).map((entry) => entry.details.level)).toEqual([1, 2, 3]);
    expect((await call(`/cases/${caseId}`, 'supervisor')).body.escalationLevel).toBe(3);
  });

  it('escalates a suggestion past its reply date and lists both, with balanced books', async () => {
    const afterReplyDue = new Date(Date.now() + 200 * 86_400_000);
    await runJob('escalateOverdue', afterReplyDue);
    expect((await escalations(suggestionId, 'suggestions')).length).toBeGreaterThanOrEqual(2);

    const list = await call('/reports/escalations', 'supervisor');
    expect(list.status).toBe(200);
    const ids = (list.body.escalated as { id: string }[]).map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([caseId, suggestionId]));
    expect(list.body.reconciliation.cases).toMatchObject({ balanced: true, created: 1 });
    expect(list.body.reconciliation.suggestions).toMatchObject({ balanced: true, created: 1 });

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
  it('reports the week’s dispatched case and filed suggestion for the department and the district', async () => {
    const week = isoWeekOf(localDateOf(new Date(), 'Asia/Shanghai'));
    // Run "later", so the case and the suggestion are overdue by then.
    const outcome = await runJob('performanceWeeklyReport', new Date(Date.now() + 200 * 86_400_000), week);
    expect(outcome.ran).toBe(outcome.total);

    const report = await call(`/reports/performance-weekly~department~dept-ecology~${week}`, 'head');
    expect(report.status).toBe(200);
    const json = (await (await fetch(report.body.links.json)).json()) as Record<string, any>;
    const [ecology] = json.departments;
    expect(ecology.cases).toMatchObject({ dispatched: 1, closed: 0 });
    expect(ecology.suggestions).toMatchObject({ count: 1, assigned: 1, replied: 0 });
    expect(ecology.overdueCases.map((item: { id: string }) => item.id)).toContain(caseId);
    expect(ecology.overdueSuggestions.map((item: { id: string }) => item.id)).toContain(suggestionId);
    const html = await (await fetch(report.body.links.html)).text();
    expect(html).toContain('按期结案率');

    // A department head reads their own department's report, not the district's.
    expect((await call(`/reports/performance-weekly~district~district~${week}`, 'head')).status).toBe(404);
    expect((await call(`/reports/performance-weekly~district~district~${week}`, 'supervisor')).status).toBe(
      200,
    );
  });
});

describe('suspended cases', () => {
  it('are listed for review once their review date has come', async () => {
    const created = await call('/cases', 'deputy', {
      categoryId: 'noise',
      title: '夜间施工噪声',
      description: '工地夜间施工',
      location: { latitude: 30.6, longitude: 114.2 },
      mediaIds: [await uploadReadyPhoto(t, token('deputy'))],
    });
    expect(created.status).toBe(201);
    await act('cases', created.body.id, 'supervisor', 'accept');
    await act('cases', created.body.id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' });
    // The review date must lie ahead when suspending; the job then runs after it.
    const reviewOn = addDays(localDateOf(new Date(), 'Asia/Shanghai'), 2);
    await act('cases', created.body.id, 'supervisor', 'suspend', {
      reason: '待汛期结束',
      nextReviewDate: reviewOn,
    });
    // (later than every earlier run of this file, so it is the latest escalation report)
    await runJob('escalateOverdue', new Date(Date.now() + 300 * 86_400_000));
    const list = await call('/reports/escalations', 'supervisor');
    expect(list.body.reviewDue).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: created.body.id, nextReviewDate: reviewOn })]),
    );
  });
});
