import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from '../../shared/domain/calendar/bundled-calendar.ts';
import { addCalendarMonths } from '../../shared/domain/calendar/calendar-months.ts';
import { localDateOf } from '../../shared/domain/calendar/local-date.ts';
import { addWorkingTime } from '../../shared/domain/calendar/working-time.ts';
import type { Principal, Role } from '../../shared/domain/roles.ts';
import { seedCaseSteps } from '../support/case-seed.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';
import { seedSuggestionSteps } from '../support/suggestion-seed.ts';

/**
 * Issue 14, integrity of deadlines, over HTTP: a deadline that has passed does not move. Time that
 * has passed is staged by seeding the earlier steps through the real domain and store; the step
 * under test is then taken through the API at the real clock.
 */

let t: TestStack;
const ROLES_USED: Role[] = ['deputy', 'handler', 'head', 'supervisor', 'admin'];
const principals: Record<string, Principal> = {};
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

beforeAll(async () => {
  t = await startTestStack();
  for (const role of ROLES_USED) {
    const { user } = t.stack.users[role];
    principals[role] = {
      userId: user.sub,
      username: user.username,
      roles: [role],
      ...(user.department === undefined ? {} : { departmentId: user.department }),
    };
  }
});
afterAll(async () => {
  await t?.close();
});

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

const send = (path: string, role: Role, body?: unknown) =>
  t.api(path, {
    method: body === undefined ? 'GET' : 'POST',
    token: t.stack.users[role].token,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const actOn = (kind: 'cases' | 'suggestions', id: string, role: Role, action: string, payload = {}) =>
  send(`/${kind}/${id}/transitions`, role, { action, payload });
const refused = async (response: Promise<Response>, status: number): Promise<Problem> => {
  const answer = await response;
  expect(answer.status, await answer.clone().text()).toBe(status);
  return (await answer.json()) as Problem;
};

/** `2026年11月6日 18:00`-style local time, never the stored UTC instant. */
const LOCAL_TIME = /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/;

describe('a deadline that has passed does not move', () => {
  it('refuses a case’s extension request after its deadline, naming the deadline in local time', async () => {
    // Dispatched 30 days ago: its 5 working days are long over.
    const { record } = await seedCaseSteps(t, {
      reporter: principals.deputy as Principal,
      submittedAt: daysAgo(31),
      steps: [
        ['accept', 'supervisor', daysAgo(30)],
        ['dispatch', 'supervisor', daysAgo(30), { leadDepartmentId: 'dept-ecology' }],
        ['signFor', 'handler', daysAgo(29)],
      ],
      principals,
    });
    const problem = await refused(
      actOn('cases', record.id, 'handler', 'requestExtension', {
        reason: '设备故障',
        amount: 3,
        unit: 'workingDays',
      }),
      409,
    );
    expect(problem.detail).toMatch(/^办理期限已于/);
    expect(problem.detail).toMatch(LOCAL_TIME);
    expect(problem.detail).not.toContain(record.deadline ?? 'no deadline');
    const view = (await (await send(`/cases/${record.id}`, 'handler')).json()) as {
      allowedActions: string[];
    };
    expect(view.allowedActions).not.toContain('requestExtension');
  });

  it('refuses to approve a case’s extension asked for in time once the deadline has passed', async () => {
    const { record } = await seedCaseSteps(t, {
      reporter: principals.deputy as Principal,
      submittedAt: daysAgo(31),
      steps: [
        ['accept', 'supervisor', daysAgo(30)],
        ['dispatch', 'supervisor', daysAgo(30), { leadDepartmentId: 'dept-ecology' }],
        ['signFor', 'handler', daysAgo(30)],
        ['requestExtension', 'handler', daysAgo(29), { reason: '雨季', amount: 2, unit: 'workingDays' }],
      ],
      principals,
    });
    const problem = await refused(actOn('cases', record.id, 'supervisor', 'approveExtension'), 409);
    expect(problem.detail).toMatch(LOCAL_TIME);
    const stored = (await (await send(`/cases/${record.id}`, 'supervisor')).json()) as { deadline: string };
    expect(stored.deadline).toBe(record.deadline);
  });

  it('refuses a suggestion’s extension request after its reply date', async () => {
    const record = await seedSuggestionSteps(t, {
      filer: principals.deputy as Principal,
      coSignerIds: [],
      filedAt: daysAgo(130),
      steps: [
        ['accept', 'supervisor', daysAgo(129)],
        ['assign', 'supervisor', daysAgo(128), { leadUnitId: 'dept-ecology', coUnitIds: [] }],
      ],
      principals,
    });
    const problem = await refused(
      actOn('suggestions', record.id, 'handler', 'requestExtension', {
        // Within the 6-month limit: only the passed reply date stands in the way.
        replyDue: addCalendarMonths(record.assignment?.assignedOn ?? '', 5),
        reason: '需要更多时间',
      }),
      409,
    );
    expect(problem.detail).toMatch(/^答复期限\d{4}年\d{1,2}月\d{1,2}日已过/);
  });
});

describe('on time is the department’s own step', () => {
  it('counts a case signed off by the department in time as on time, though verified after the deadline', async () => {
    const waterHandler: Principal = {
      userId: 'seed-handler-water',
      username: 'handler-water',
      roles: ['handler'],
      departmentId: 'dept-water',
    };
    const waterHead: Principal = { ...waterHandler, userId: 'seed-head-water', roles: ['head'] };
    const { record } = await seedCaseSteps(t, {
      reporter: principals.deputy as Principal,
      submittedAt: daysAgo(31),
      steps: [
        ['accept', 'supervisor', daysAgo(30)],
        ['dispatch', 'supervisor', daysAgo(30), { leadDepartmentId: 'dept-water' }],
        ['signFor', 'waterHandler', daysAgo(30)],
        ['submitRectification', 'waterHandler', daysAgo(29), { mediaIds: ['seeded-evidence'] }],
        ['headSignOff', 'waterHead', daysAgo(29)],
      ],
      principals: { ...principals, waterHandler, waterHead },
    });
    // Verified today, weeks after the deadline: the supervisor's delay is not the department's.
    const verified = await send(`/cases/${record.id}/transitions`, 'supervisor', { action: 'verify' });
    expect(verified.status, await verified.clone().text()).toBe(200);

    const from = localDateOf(new Date(daysAgo(31)), 'Asia/Shanghai');
    const to = localDateOf(new Date(), 'Asia/Shanghai');
    const response = await send(`/departments/dept-water/indicators?from=${from}&to=${to}`, 'supervisor');
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ closed: 1, closedOnTime: 1, onTimeRate: 1 });
    const view = (await (await send(`/cases/${record.id}`, 'supervisor')).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ state: 'closed', departmentOnTime: true });
  });
});

describe('a rework', () => {
  const ok = async <T = Record<string, unknown>>(response: Promise<Response>): Promise<T> => {
    const answer = await response;
    expect(answer.status, await answer.clone().text()).toBe(200);
    return (await answer.json()) as T;
  };

  it('gets its own deadline on the timeline, lists the earlier evidence as previous and needs new evidence', async () => {
    const created = await send('/cases', 'deputy', {
      categoryId: 'noise',
      title: '夜间施工噪声',
      description: '工地22点后仍在施工',
      location: { latitude: 30.55, longitude: 114.25 },
      mediaIds: [await uploadReadyPhoto(t, t.stack.users.deputy.token)],
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    await ok(actOn('cases', id, 'supervisor', 'accept'));
    const dispatched = await ok<{ deadline: string }>(
      actOn('cases', id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' }),
    );
    await ok(actOn('cases', id, 'handler', 'signFor'));
    const firstEvidence = await uploadReadyPhoto(t, t.stack.users.handler.token);
    await ok(actOn('cases', id, 'handler', 'submitRectification', { mediaIds: [firstEvidence] }));
    await ok(actOn('cases', id, 'head', 'headSignOff'));
    const reworked = await ok<{
      deadline: string;
      rectificationMediaIds: string[];
      previousRectifications: { mediaIds: string[]; reason: string; deadline: string }[];
    }>(actOn('cases', id, 'supervisor', 'sendBackForRework', { reason: '噪声仍超标' }));

    expect(reworked.rectificationMediaIds).toEqual([]);
    expect(reworked.previousRectifications).toEqual([
      expect.objectContaining({
        mediaIds: [firstEvidence],
        reason: '噪声仍超标',
        deadline: dispatched.deadline,
      }),
    ]);
    const timeline = await ok<{
      entries: { action: string; at: string; details: Record<string, unknown> }[];
    }>(send(`/cases/${id}/timeline`, 'supervisor'));
    const sendBack = timeline.entries.at(-1);
    // Its own deadline: noise has 3 working days, counted from the send-back.
    const ownDeadline = addWorkingTime(
      new Date(sendBack?.at ?? ''),
      3,
      'workingDays',
      defaultWorkingCalendar(),
    );
    expect(reworked.deadline).toBe(ownDeadline.toISOString());
    expect(sendBack).toMatchObject({
      action: 'sendBackForRework',
      details: {
        previousDeadline: dispatched.deadline,
        deadline: reworked.deadline,
        reworkPeriod: { amount: 3, unit: 'workingDays' },
        reworkCount: 1,
      },
    });

    const stale = await refused(
      actOn('cases', id, 'handler', 'submitRectification', { mediaIds: [firstEvidence] }),
      422,
    );
    expect(stale.detail).toMatch(/^整改证据须为本案件此前未使用过的照片或视频/);
    expect(stale.errors?.map((error) => error.path)).toEqual(['/body/payload/mediaIds/0']);

    const newEvidence = await uploadReadyPhoto(t, t.stack.users.handler.token);
    const redone = await ok<{ state: string; rectificationMediaIds: string[] }>(
      actOn('cases', id, 'handler', 'submitRectification', { mediaIds: [newEvidence] }),
    );
    expect(redone).toMatchObject({ state: 'rectified', rectificationMediaIds: [newEvidence] });
  });
});
