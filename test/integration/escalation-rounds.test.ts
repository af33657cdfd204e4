import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
