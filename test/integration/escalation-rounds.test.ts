import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSeedYears } from '../../shared/domain/calendar/bundled-calendar.ts';
import { buildWorkingCalendar } from '../../shared/domain/calendar/working-calendar.ts';
import type { Principal, Role } from '../../shared/domain/roles.ts';
import { seedCaseSteps } from '../support/case-seed.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';
import { seedSuggestionSteps } from '../support/suggestion-seed.ts';

/**
 * A record's escalation follows the deadline in force (issue 14 sweep): a case escalated to the
 * district leader, closed, rated 不满意 and dispatched again, and a suggestion replied to late and
 * sent back for re-handling, are escalated afresh for their new deadlines — the earlier levels stay
 * on their timelines. Late rounds are seeded through the real domain at past instants; everything
 * after runs over HTTP and through the escalation job, at the real clock.
 */

let t: TestStack;
type Handler = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;
let escalateOverdue: Handler;
const context = { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 };
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

type Json = Record<string, unknown>;
interface Escalated {
  id: string;
  level: number;
  raisedNow: number[];
}

const principal = (role: Role): Principal => {
  const { user } = t.stack.users[role];
  return {
    userId: user.sub,
    username: user.username,
    roles: [role],
    ...(user.department === undefined ? {} : { departmentId: user.department }),
  };
};
const call = async (path: string, role: Role, body?: unknown) => {
  const response = await t.api(path, {
    method: body === undefined ? 'GET' : 'POST',
    token: t.stack.users[role].token,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
};
const act = async (kind: 'cases' | 'suggestions', id: string, role: Role, action: string, payload = {}) => {
  const result = await call(`/${kind}/${id}/transitions`, role, { action, payload });
  expect(result.status, `${action}: ${JSON.stringify(result.body)}`).toBe(200);
  return result.body;
};
const escalateSteps = async (kind: 'cases' | 'suggestions', id: string) =>
  ((await call(`/${kind}/${id}/timeline`, 'supervisor')).body.entries as { action: string }[]).filter(
    (entry) => entry.action === 'escalate',
  ).length;
/** What the job would raise if it ran at `at` (a dry run: nothing written). */
const wouldRaise = async (id: string, at: string) => {
  const dry = await escalateOverdue({ job: 'escalateOverdue', scheduledTime: at, dryRun: true }, context);
  return (dry.escalated as Escalated[]).find((item) => item.id === id)?.raisedNow ?? [];
};

let caseId: string;
let suggestionId: string;
/** Dispatched while only 2025 was loaded: its deadline was counted Monday–Friday (provisional). */
let provisionalCaseId: string;

beforeAll(async () => {
  t = await startTestStack();
  escalateOverdue = ((await import('../../functions/jobs/escalate-overdue.ts')) as { handler: Handler })
    .handler;
  const people = Object.fromEntries(
    (['deputy', 'handler', 'head', 'supervisor'] as const).map((role) => [role, principal(role)]),
  );
  // A case dispatched four weeks ago and a suggestion assigned four months ago: both long overdue.
  caseId = (
    await seedCaseSteps(t, {
      reporter: principal('deputy'),
      submittedAt: daysAgo(30),
      steps: [
        ['accept', 'supervisor', daysAgo(29)],
        ['dispatch', 'supervisor', daysAgo(29), { leadDepartmentId: 'dept-ecology' }],
        ['signFor', 'handler', daysAgo(28)],
      ],
      principals: people,
    })
  ).record.id;
  suggestionId = (
    await seedSuggestionSteps(t, {
      filer: principal('deputy'),
      coSignerIds: [],
      filedAt: daysAgo(130),
      steps: [
        ['accept', 'supervisor', daysAgo(129)],
        ['assign', 'supervisor', daysAgo(129), { leadUnitId: 'dept-ecology', coUnitIds: [] }],
      ],
      principals: people,
    })
  ).id;
  provisionalCaseId = (
    await seedCaseSteps(t, {
      reporter: principal('deputy'),
      submittedAt: daysAgo(11),
      steps: [
        ['accept', 'supervisor', daysAgo(10)],
        ['dispatch', 'supervisor', daysAgo(10), { leadDepartmentId: 'dept-ecology' }],
      ],
      principals: people,
      calendar: buildWorkingCalendar(bundledSeedYears().slice(0, 1)),
    })
  ).record.id;
  const run = await escalateOverdue(
    { job: 'escalateOverdue', scheduledTime: new Date().toISOString() },
    context,
  );
  expect(run).toMatchObject({ ran: 1 });
  expect(await escalateSteps('cases', caseId)).toBe(3);
  expect(await escalateSteps('suggestions', suggestionId)).toBe(3);
});
afterAll(async () => {
  await t?.close();
});

describe('a case dispatched again after an unsatisfied rating', () => {
  it('is escalated afresh for its new deadline; the earlier levels stay on its timeline', async () => {
    const evidence = await uploadReadyPhoto(t, t.stack.users.handler.token);
    await act('cases', caseId, 'handler', 'submitRectification', { mediaIds: [evidence] });
    await act('cases', caseId, 'head', 'headSignOff');
    await act('cases', caseId, 'supervisor', 'verify');
    const reopened = await act('cases', caseId, 'deputy', 'rate', { rating: 'unsatisfied' });
    expect(reopened.state).toBe('reopened');
    const redispatched = await act('cases', caseId, 'supervisor', 'dispatch', {
      leadDepartmentId: 'dept-ecology',
    });

    expect(redispatched.escalationLevel).toBeUndefined();
    expect((await call(`/cases/${caseId}`, 'supervisor')).body.escalationLevel).toBeUndefined();
    // Five working days from now have passed in a month, and three more: every level again.
    expect(await wouldRaise(caseId, inDays(30))).toEqual([1, 2, 3]);
    expect(await escalateSteps('cases', caseId)).toBe(3);
  });
});

describe('a suggestion sent back for re-handling', () => {
  it('is escalated afresh for its re-handling reply date', async () => {
    await act('suggestions', suggestionId, 'head', 'reply', { class: 'A', text: '已研究办理，答复如下。' });
    const rated = await act('suggestions', suggestionId, 'deputy', 'rate', { rating: 'unsatisfied' });
    expect(rated).toMatchObject({ state: 'rehandling', rehandlingCount: 1 });

    expect(rated.escalationLevel).toBeUndefined();
    // The re-handling reply is due one month from today: in 40 days it is overdue again.
    expect(await wouldRaise(suggestionId, inDays(40))).toEqual([1, 2, 3]);
    expect(await escalateSteps('suggestions', suggestionId)).toBe(3);
  });
});

describe('a provisional deadline in the workflow reports', () => {
  const download = async (id: string, format: 'json' | 'csv' | 'html') => {
    const report = await call(`/reports/${id}`, 'supervisor');
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    return (await fetch((report.body.links as Record<string, string>)[format] ?? '')).text();
  };
  const NOTE = /^暂定期限：\d{4}年\d{1,2}月\d{1,2}日起的日子尚未载入工作日历/;

  it('is marked, with its note, in the escalation report’s JSON, CSV and HTML', async () => {
    const latest = await call('/reports/escalations', 'supervisor');
    const item = (latest.body.escalated as Json[]).find((entry) => entry.id === provisionalCaseId);
    expect(item).toMatchObject({ provisional: true, provisionalNote: expect.stringMatching(NOTE) });
    const final = (latest.body.escalated as Json[]).find((entry) => entry.id === suggestionId);
    expect(final).not.toHaveProperty('provisional');

    const id = `escalations~district~district~${String(latest.body.period)}`;
    const csvRow = (await download(id, 'csv')).split('\r\n').find((row) => row.includes(provisionalCaseId));
    expect(csvRow).toContain('暂定 provisional');
    const html = await download(id, 'html');
    expect(html).toMatch(/（北京时间）※暂定<\/td>/);
    expect(html).toContain('※暂定期限：');
  });

  it('is marked, with its note, in the performance report’s overdue list', async () => {
    const performance = (
      (await import('../../functions/jobs/performance-reports.ts')) as { handler: Handler }
    ).handler;
    const run = await performance(
      { job: 'performanceWeeklyReport', scheduledTime: new Date().toISOString() },
      context,
    );
    const id = `performance-weekly~department~dept-ecology~${String(run.period)}`;
    const json = JSON.parse(await download(id, 'json')) as { departments: { overdueCases: Json[] }[] };
    const item = json.departments[0]?.overdueCases.find((entry) => entry.id === provisionalCaseId);
    expect(item).toMatchObject({ provisional: true, provisionalNote: expect.stringMatching(NOTE) });
    const [header, row] = (await download(id, 'csv')).replace('\uFEFF', '').split('\r\n');
    const column = header?.split(',').indexOf('cases overdue now with provisional deadline') ?? -1;
    expect(row?.split(',')[column]).toBe('1');
    expect(await download(id, 'html')).toContain('※暂定期限：');
  });
});
