import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

type Role = 'deputy' | 'handler' | 'head' | 'supervisor' | 'admin';
interface CaseView {
  id: string;
  version: number;
  state: string;
  leadDepartmentId?: string;
  deadline?: string;
  allowedActions: string[];
  overdue: boolean;
}

const token = (role: Role) => t.stack.users[role].token;

const send = (path: string, tokenValue: string, body?: unknown) =>
  t.api(path, {
    method: body === undefined ? 'GET' : 'POST',
    token: tokenValue,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

const submit = async (): Promise<CaseView> => {
  const response = await send('/cases', token('deputy'), {
    categoryId: 'waterPollution',
    title: '河道排污',
    description: '青山河东岸排污口有黑水排出',
    location: { latitude: 30.5, longitude: 114.3 },
    mediaIds: ['media-1'],
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CaseView;
};

const act = async (id: string, role: Role | string, action: string, payload?: unknown) => {
  const tokenValue = role.length > 20 ? role : token(role as Role);
  return send(`/cases/${id}/transitions`, tokenValue, { action, ...(payload ? { payload } : {}) });
};

const actOk = async (id: string, role: Role, action: string, payload?: unknown): Promise<CaseView> => {
  const response = await act(id, role, action, payload);
  expect(response.status, `${action} by ${role}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as CaseView;
};

describe('随手拍 case lifecycle over HTTP', () => {
  it('runs a case from report to closure and rating, recording every step in order', async () => {
    const created = await submit();
    expect(created).toMatchObject({ state: 'submitted', version: 1, overdue: false, allowedActions: [] });

    const accepted = await actOk(created.id, 'supervisor', 'accept', { note: '立案' });
    expect(accepted.state).toBe('accepted');
    expect(accepted.allowedActions).toContain('dispatch');

    const dispatched = await actOk(created.id, 'supervisor', 'dispatch', {
      leadDepartmentId: 'dept-ecology',
    });
    expect(dispatched).toMatchObject({
      state: 'dispatched',
      leadDepartmentId: 'dept-ecology',
      overdue: false,
    });
    expect(dispatched.deadline).toBeDefined();

    const seenByHandler = (await (await send(`/cases/${created.id}`, token('handler'))).json()) as CaseView;
    expect(seenByHandler.allowedActions).toEqual(expect.arrayContaining(['signFor', 'returnToDispatcher']));

    expect((await actOk(created.id, 'handler', 'signFor')).state).toBe('inProgress');
    const rectified = await actOk(created.id, 'handler', 'submitRectification', { mediaIds: ['media-2'] });
    expect(rectified.state).toBe('rectified');
    expect((await actOk(created.id, 'head', 'headSignOff')).state).toBe('awaitingVerification');
    expect((await actOk(created.id, 'supervisor', 'verify')).state).toBe('closed');
    const rated = await actOk(created.id, 'deputy', 'rate', { rating: 'satisfied' });
    expect(rated).toMatchObject({ state: 'closed', version: 8 });

    const timelineResponse = await send(`/cases/${created.id}/timeline`, token('deputy'));
    expect(timelineResponse.status).toBe(200);
    const timeline = (await timelineResponse.json()) as {
      entries: { seq: number; action: string; to: string }[];
    };
    expect(timeline.entries.map((e) => e.action)).toEqual([
      'submit',
      'accept',
      'dispatch',
      'signFor',
      'submitRectification',
      'headSignOff',
      'verify',
      'rate',
    ]);
    expect(timeline.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('answers 409 for an action the state does not allow and 400 for a bad payload', async () => {
    const created = await submit();
    const early = await act(created.id, 'supervisor', 'verify');
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    await actOk(created.id, 'supervisor', 'accept');
    expect((await act(created.id, 'supervisor', 'dispatch', {})).status).toBe(400);
    expect((await act(created.id, 'supervisor', 'noSuchAction')).status).toBe(400);
  });

  it('hides a case from another department (404) and from other deputies while private', async () => {
    const created = await submit();
    await actOk(created.id, 'supervisor', 'accept');
    await actOk(created.id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' });
    const water = await t.stack.issueToken({
      sub: 'handler-water-sub',
      username: 'handler-water',
      groups: ['handler'],
      department: 'dept-water',
    });
    expect((await send(`/cases/${created.id}`, water)).status).toBe(404);
    expect((await send(`/cases/${created.id}/timeline`, water)).status).toBe(404);
    expect((await act(created.id, water, 'signFor')).status).toBe(404);
    const otherDeputy = await t.stack.issueToken({
      sub: 'deputy-2',
      username: 'deputy-zhao',
      groups: ['deputy'],
    });
    expect((await send(`/cases/${created.id}`, otherDeputy)).status).toBe(404);
    expect((await send('/cases/no-such-case', token('supervisor'))).status).toBe(404);
  });

  it('makes POST /cases idempotent per user with Idempotency-Key (same body → same case, other body → 422)', async () => {
    const report = { categoryId: 'noise', title: '夜间施工噪声', description: '工地凌晨施工' };
    const post = (body: unknown, tokenValue = token('deputy'), key = 'retry-key-1') =>
      t.api('/cases', {
        method: 'POST',
        token: tokenValue,
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    const [first, second] = await Promise.all([post(report), post(report)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = [(await first.json()) as CaseView, (await second.json()) as CaseView];
    expect(b.id).toBe(a.id);
    expect((await post({ ...report, title: '别的内容' })).status).toBe(422);
    // The key is scoped to the user: the supervisor's same key makes a different case.
    const other = (await (await post(report, token('supervisor'))).json()) as CaseView;
    expect(other.id).not.toBe(a.id);
  });

  it('refuses a case report from a handler (403)', async () => {
    const response = await send('/cases', token('handler'), {
      categoryId: 'noise',
      title: 't',
      description: 'd',
    });
    expect(response.status).toBe(403);
  });

  it('lets exactly one of two conflicting transitions on the same version win', async () => {
    const created = await submit();
    const body = (action: string, payload: unknown) => ({
      action,
      payload,
      version: created.version,
    });
    const [accept, reject] = await Promise.all([
      send(`/cases/${created.id}/transitions`, token('supervisor'), body('accept', {})),
      send(`/cases/${created.id}/transitions`, token('admin'), body('reject', { reason: '不属实' })),
    ]);
    expect([accept.status, reject.status].sort()).toEqual([200, 409]);
    const final = (await (await send(`/cases/${created.id}`, token('supervisor'))).json()) as CaseView;
    expect(final.version).toBe(2);
    const timeline = (await (await send(`/cases/${created.id}/timeline`, token('supervisor'))).json()) as {
      entries: unknown[];
    };
    expect(timeline.entries).toHaveLength(2);
  });

  it('answers 409 to a stale If-Match version and lets a department return a dispatched case', async () => {
    const created = await submit();
    await actOk(created.id, 'supervisor', 'accept');
    const stale = await t.api(`/cases/${created.id}/transitions`, {
      method: 'POST',
      token: token('supervisor'),
      headers: { 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ action: 'dispatch', payload: { leadDepartmentId: 'dept-ecology' } }),
    });
    expect(stale.status).toBe(409);
    await actOk(created.id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' });
    const returned = await actOk(created.id, 'handler', 'returnToDispatcher', { reason: '不属本局职责' });
    expect(returned.state).toBe('accepted');
    expect(returned.leadDepartmentId).toBeUndefined();
    expect(returned.deadline).toBeUndefined();
    // No longer assigned: the ecology handler cannot see it any more.
    expect((await send(`/cases/${created.id}`, token('handler'))).status).toBe(404);
  });

  it('also resolves a race without a version through the store’s version condition', async () => {
    const created = await submit();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => act(created.id, 'supervisor', 'accept')),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
  });
});
