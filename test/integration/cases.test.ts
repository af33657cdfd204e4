import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../shared/adapters/dynamodb/case-store.ts';
import { tableName } from '../../shared/config/env.ts';
import {
  CASE_ACTIONS,
  type CaseAction,
  type CaseRecord,
  type CaseTimelineEntry,
} from '../../shared/domain/cases/case-record.ts';
import { offsetNorth } from '../../shared/domain/geo/distance.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';

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
    // A case may reference only completed uploads of its reporter (test/integration/media.test.ts).
    mediaIds: [await uploadReadyPhoto(t, token('deputy'))],
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
    const rectified = await actOk(created.id, 'handler', 'submitRectification', {
      mediaIds: [await uploadReadyPhoto(t, token('handler'))],
    });
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

// ---------------------------------------------------------------------------------------------
// Reading: listings, comments, duplicates, dispatch checks, indicators, the permission table.

interface ListedCase extends CaseView {
  reporterId: string;
  categoryId: string;
  submittedAt: string;
}
interface CaseList {
  items: ListedCase[];
  cursor?: string;
}

const person = (sub: string, groups: Role[], department?: string) =>
  t.stack.issueToken({
    sub,
    username: sub,
    groups,
    ...(department === undefined ? {} : { department }),
  });

const report = async (tokenValue: string, fields: Record<string, unknown> = {}) => {
  const response = await send('/cases', tokenValue, {
    categoryId: 'dust',
    title: '工地扬尘',
    description: '渣土车未覆盖',
    ...fields,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as ListedCase & {
    possibleDuplicates: { id: string; distanceMeters: number }[];
  };
};

const list = async (tokenValue: string, query: string): Promise<CaseList> => {
  const response = await send(`/cases?${query}`, tokenValue);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as CaseList;
};

/** Every page of a listing, following the cursor. */
const listAll = async (tokenValue: string, query: string): Promise<{ pages: number; ids: string[] }> => {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list(tokenValue, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.cursor;
    pages++;
  } while (cursor !== undefined && pages < 50);
  return { pages, ids };
};

describe('GET /cases: who sees what', () => {
  it('shows a deputy their own and public cases, a department what is assigned to it, staff everything', async () => {
    // Prepare: two deputies, each with a private case; A also reports a public one.
    const [deputyA, deputyB] = await Promise.all([
      person('deputy-list-a', ['deputy']),
      person('deputy-list-b', ['deputy']),
    ]);
    const aPrivate = await report(deputyA, { title: 'A 私有' });
    const aPublic = await report(deputyA, { title: 'A 公开', isPublic: true });
    const bPrivate = await report(deputyB, { title: 'B 私有' });
    // Act
    const seenByA = (await listAll(deputyA, 'limit=100')).ids;
    const seenByB = (await listAll(deputyB, 'limit=100')).ids;
    // Assess
    expect(seenByA).toEqual(expect.arrayContaining([aPrivate.id, aPublic.id]));
    expect(seenByA).not.toContain(bPrivate.id);
    expect(seenByB).toEqual(expect.arrayContaining([bPrivate.id, aPublic.id]));
    expect(seenByB).not.toContain(aPrivate.id);
    // A's own public case is in two partitions but listed once.
    expect(seenByA.filter((id) => id === aPublic.id)).toHaveLength(1);

    // A department sees nothing until a case is dispatched to it, as lead or co-department.
    const [water, urban] = await Promise.all([
      person('handler-list-water', ['handler'], 'dept-water'),
      person('head-list-urban', ['head'], 'dept-urban-management'),
    ]);
    expect((await listAll(water, 'limit=100')).ids).not.toContain(aPrivate.id);
    await actOk(aPrivate.id, 'supervisor', 'accept');
    await actOk(aPrivate.id, 'supervisor', 'dispatch', {
      leadDepartmentId: 'dept-ecology',
      coDepartmentIds: ['dept-water'],
    });
    const byWater = (await listAll(water, 'limit=100')).ids;
    expect(byWater).toContain(aPrivate.id);
    expect(byWater).not.toContain(aPublic.id);
    expect((await listAll(token('handler'), 'limit=100')).ids).toContain(aPrivate.id);
    expect((await listAll(urban, 'limit=100')).ids).not.toContain(aPrivate.id);
    // Staff see all three, and the department filter finds a co-department case.
    const all = (await listAll(token('supervisor'), 'limit=100')).ids;
    expect(all).toEqual(expect.arrayContaining([aPrivate.id, aPublic.id, bPrivate.id]));
    const waterCases = (await listAll(token('admin'), 'department=dept-water&limit=100')).ids;
    expect(waterCases).toContain(aPrivate.id);
    expect(waterCases).not.toContain(bPrivate.id);
  });

  it('drops a returned case from the department listing and its co-department', async () => {
    const created = await report(token('deputy'));
    await actOk(created.id, 'supervisor', 'accept');
    await actOk(created.id, 'supervisor', 'dispatch', {
      leadDepartmentId: 'dept-ecology',
      coDepartmentIds: ['dept-water'],
    });
    await actOk(created.id, 'handler', 'returnToDispatcher', { reason: '非本局职责' });
    const water = await person('handler-list-water', ['handler'], 'dept-water');
    expect((await listAll(water, 'limit=100')).ids).not.toContain(created.id);
    expect((await listAll(token('handler'), 'limit=100')).ids).not.toContain(created.id);
    expect((await listAll(token('supervisor'), 'state=accepted&limit=100')).ids).toContain(created.id);
  });
});

describe('GET /cases: filters and pagination', () => {
  it('pages 5 cases 2 at a time, newest first, with no duplicates or gaps', async () => {
    // Prepare: a fresh reporter with five cases, spread far apart (no duplicates)
    const deputy = await person('deputy-pages', ['deputy']);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const location = { latitude: 22 + i, longitude: 113 };
      created.push((await report(deputy, { title: `分页 ${i}`, location })).id);
    }
    const reporterId = (await list(deputy, 'limit=1')).items[0]?.reporterId;
    // Act
    const paged = await listAll(token('supervisor'), `reporter=${reporterId}&limit=2`);
    // Assess: 2 + 2 + 1
    expect(paged.pages).toBe(3);
    expect(paged.ids).toEqual([...created].reverse());
    // The deputy's own listing pages the same way (merging own + public partitions).
    expect((await listAll(deputy, `reporter=${reporterId}&limit=2`)).ids).toEqual([...created].reverse());
    // Merging own and public partitions across pages: the same cases, in the same order, as one page.
    await report(await person('deputy-pages-other', ['deputy']), { isPublic: true, title: '公开' });
    const onePage = await listAll(deputy, 'limit=100');
    const twoByTwo = await listAll(deputy, 'limit=2');
    expect(onePage.pages).toBe(1);
    expect(twoByTwo.ids).toEqual(onePage.ids);
    expect(new Set(twoByTwo.ids).size).toBe(twoByTwo.ids.length);
    expect(twoByTwo.ids.length).toBeGreaterThan(5);
  });

  it('filters by state, category, overdue, date range and distance on the server', async () => {
    const deputy = await person('deputy-filters', ['deputy']);
    const base = { latitude: 23.1291, longitude: 113.2644 };
    const first = await report(deputy, { categoryId: 'noise', location: base });
    const second = await report(deputy, { categoryId: 'dust', location: offsetNorth(base, 300) });
    const third = await report(deputy, { categoryId: 'dust', location: offsetNorth(base, 3000) });
    const reporter = `reporter=${first.reporterId}&limit=100`;
    await actOk(second.id, 'supervisor', 'accept');

    const ids = async (query: string) => (await listAll(token('supervisor'), `${reporter}&${query}`)).ids;
    expect(await ids('state=accepted')).toEqual([second.id]);
    expect(await ids('category=dust')).toEqual([third.id, second.id]);
    expect(await ids('category=dust&state=submitted')).toEqual([third.id]);
    expect(await ids('overdue=true')).toEqual([]);
    expect(await ids('overdue=false')).toEqual([third.id, second.id, first.id]);
    expect(await ids(`from=${encodeURIComponent(second.submittedAt)}`)).toEqual([third.id, second.id]);
    expect(await ids(`to=${encodeURIComponent(second.submittedAt)}`)).toEqual([first.id]);
    // 300 m away is inside a 500 m radius, 3 km is not.
    expect(await ids(`near=${base.latitude},${base.longitude}&radius=500`)).toEqual([second.id, first.id]);
    expect(await ids(`near=${base.latitude},${base.longitude}&radius=100`)).toEqual([first.id]);
    // Bad filters are 400 with the field named.
    const bad = await send('/cases?state=nonsense&near=abc', token('supervisor'));
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['/query/near', '/query/state']);
    expect((await send('/cases?cursor=not-a-cursor', token('supervisor'))).status).toBe(400);
    expect((await send('/cases?near=95,0', token('supervisor'))).status).toBe(400);
    expect((await send('/cases?from=2026-03-02&to=2026-03-01', token('supervisor'))).status).toBe(400);
  });
});

describe('GET /cases: the supervisors’ state and category partitions', () => {
  /** Every item of a listing, following the cursor. */
  const listItems = async (query: string): Promise<ListedCase[]> => {
    const items: ListedCase[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(
        token('supervisor'),
        `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      items.push(...page.items);
      cursor = page.cursor;
    } while (cursor !== undefined);
    return items;
  };

  it('lists by state, category or both exactly as the full list filtered, paged', async () => {
    const deputy = await person('deputy-facets', ['deputy']);
    const at = (i: number) => ({ latitude: 24 + i / 10, longitude: 118.1 });
    const made = [];
    for (const [i, categoryId] of ['dust', 'noise', 'dust', 'noise'].entries()) {
      made.push(await report(deputy, { categoryId, location: at(i) }));
    }
    await actOk(made[0]?.id ?? '', 'supervisor', 'accept');
    await actOk(made[1]?.id ?? '', 'supervisor', 'reject', { reason: '重复' });
    const everything = await listItems('limit=100');
    for (const [query, keep] of [
      ['state=submitted', (c: ListedCase) => c.state === 'submitted'],
      ['category=dust', (c: ListedCase) => c.categoryId === 'dust'],
      ['state=accepted&category=dust', (c: ListedCase) => c.state === 'accepted' && c.categoryId === 'dust'],
      [
        'state=rejected&category=noise',
        (c: ListedCase) => c.state === 'rejected' && c.categoryId === 'noise',
      ],
    ] as const) {
      const expected = everything.filter(keep).map((c) => c.id);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(
        (await listItems(`${query}&limit=2`)).map((c) => c.id),
        query,
      ).toEqual(expected);
    }
    // A case moves between partitions with its state.
    const accepted = (await listItems('state=accepted&category=dust&limit=100')).map((c) => c.id);
    expect(accepted).toContain(made[0]?.id);
    expect((await listItems('state=submitted&category=dust&limit=100')).map((c) => c.id)).not.toContain(
      made[0]?.id,
    );
  });
});

describe('comments', () => {
  it('lets anyone who can see the case comment, oldest first, and hides them from others (404)', async () => {
    const created = await report(token('deputy'), { title: '评论测试' });
    const post = (tokenValue: string, body: unknown) =>
      send(`/cases/${created.id}/comments`, tokenValue, body);
    // A comment's files follow the rules of any citation (test/integration/media-access.test.ts).
    const photo = await uploadReadyPhoto(t, token('deputy'));
    const first = await post(token('deputy'), { text: '补充：晚上更严重', mediaIds: [photo] });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      caseId: created.id,
      text: '补充：晚上更严重',
      authorRole: 'deputy',
    });
    expect((await post(token('supervisor'), { text: '已收到' })).status).toBe(201);
    // Not visible: another deputy and an unassigned department get 404; empty text is 400.
    const stranger = await person('deputy-stranger', ['deputy']);
    expect((await post(stranger, { text: '路过' })).status).toBe(404);
    expect((await post(token('handler'), { text: '?' })).status).toBe(404);
    expect((await send(`/cases/${created.id}/comments`, stranger)).status).toBe(404);
    expect((await post(token('deputy'), { text: '  ' })).status).toBe(400);

    const listed = (await (await send(`/cases/${created.id}/comments`, token('deputy'))).json()) as {
      items: { text: string; mediaIds: string[]; authorRole: string }[];
    };
    expect(listed.items.map((c) => c.text)).toEqual(['补充：晚上更严重', '已收到']);
    expect(listed.items[0]?.mediaIds).toEqual([photo]);
    // A comment is not a state change: the version and timeline are untouched.
    const after = (await (await send(`/cases/${created.id}`, token('deputy'))).json()) as CaseView;
    expect(after.version).toBe(1);
  });
});

describe('possible duplicates on POST /cases', () => {
  it('names open cases of the same category within 50 m, not at 80 m or of another category', async () => {
    // A point of its own, so no other test's cases are near.
    const here = { latitude: 31.2304, longitude: 121.4737 };
    const first = await report(token('deputy'), { categoryId: 'sewage', location: here });
    expect(first.possibleDuplicates).toEqual([]);

    const near = await report(token('deputy'), { categoryId: 'sewage', location: offsetNorth(here, 40) });
    expect(near.possibleDuplicates.map((d) => d.id)).toEqual([first.id]);
    expect(near.possibleDuplicates[0]?.distanceMeters).toBeCloseTo(40, 0);

    // 80 m south of `here` is 120 m from `near`: neither counts.
    const far = await report(token('deputy'), { categoryId: 'sewage', location: offsetNorth(here, -80) });
    expect(far.possibleDuplicates).toEqual([]);
    const otherCategory = await report(token('deputy'), { categoryId: 'noise', location: here });
    expect(otherCategory.possibleDuplicates).toEqual([]);

    // Once the first is finished (rejected) it is no longer a candidate.
    await actOk(first.id, 'supervisor', 'reject', { reason: '不属实' });
    const later = await report(token('deputy'), { categoryId: 'sewage', location: offsetNorth(here, 10) });
    expect(later.possibleDuplicates.map((d) => d.id)).toEqual([near.id]);
    // Another deputy is not told about private cases nearby.
    const stranger = await person('deputy-dup-stranger', ['deputy']);
    const strangers = await report(stranger, { categoryId: 'sewage', location: here });
    expect(strangers.possibleDuplicates).toEqual([]);
    const staff = await report(token('supervisor'), { categoryId: 'sewage', location: here });
    expect(staff.possibleDuplicates.map((d) => d.id).sort()).toEqual(
      [near.id, later.id, strangers.id].sort(),
    );
  });
});

describe('dispatch checks the department against the registry', () => {
  it('answers 422 naming payload.leadDepartmentId (or the co-department) for an unknown department', async () => {
    const created = await submit();
    await actOk(created.id, 'supervisor', 'accept');
    const unknownLead = await act(created.id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-nowhere' });
    expect(unknownLead.status).toBe(422);
    const problem = (await unknownLead.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual(['/body/payload/leadDepartmentId']);
    const unknownCo = await act(created.id, 'supervisor', 'dispatch', {
      leadDepartmentId: 'dept-ecology',
      coDepartmentIds: ['dept-water', 'dept-ghost'],
    });
    expect(unknownCo.status).toBe(422);
    expect(((await unknownCo.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      '/body/payload/coDepartmentIds/1',
    ]);
    // Nothing was written.
    const after = (await (await send(`/cases/${created.id}`, token('supervisor'))).json()) as CaseView;
    expect(after).toMatchObject({ state: 'accepted', version: 2 });
  });
});

describe('GET /departments/{id}/indicators', () => {
  /**
   * Four cases written straight into the workflow table with March 2026 times (office hours
   * 09–12, 13–18 Asia/Shanghai = 01–04Z, 05–10Z; no holiday in that week), dispatched to the
   * urban-management bureau, plus one dispatched in February (outside the period):
   *   A: dispatched Mon 2 Mar 09:00, rectified 15:00 (3 h + 2 h = 5 working h), closed Tue 3 Mar
   *      10:00 before its deadline Thu 5 Mar 18:00 → closed on time.
   *   B: dispatched Mon 09:00, deadline Tue 3 Mar 18:00, extension approved to Thu 5 Mar 18:00,
   *      rectified Wed 4 Mar 09:00 (Mon 8 h + Tue 8 h = 16 working h), sent back for rework,
   *      rectified again, closed Fri 6 Mar 11:00 → late.
   *   C: dispatched Tue 3 Mar 09:00, returned by the bureau at 10:00 → not counted.
   *   D: dispatched Wed 4 Mar 09:00, deadline Fri 6 Mar 18:00, signed for, still in progress → overdue now.
   *   E: dispatched 2 Feb, closed → outside the period.
   * Expected: dispatched 3 (A, B, D), closed 2, on time 1 → 1/2; closure 2/3; rectified 2, reworked
   * 1 → 1/2; extended 1 → 1/3; average handling (5 + 16) / 2 = 10.5 h; overdue open 1.
   */
  const DEPT = 'dept-urban-management';

  type SeedStep = [action: string, to: string, at: string, details?: Record<string, unknown>];

  const seedRecord = (id: string, submittedAt: string): CaseRecord => ({
    id,
    version: 1,
    state: 'submitted',
    categoryId: 'householdWaste',
    reporterId: 'deputy-seeded',
    isPublic: false,
    title: id,
    description: id,
    mediaIds: [],
    submittedAt,
    coDepartmentIds: [],
    approvedExtensionCount: 0,
    reworkCount: 0,
    rectificationMediaIds: [],
  });

  const applySeedStep = (record: CaseRecord, seq: number, [action, to, at, details = {}]: SeedStep) => {
    const dispatched = action === 'dispatch';
    const next: CaseRecord = {
      ...record,
      version: seq,
      state: to as CaseRecord['state'],
      ...(dispatched ? { leadDepartmentId: DEPT, dispatchedAt: at } : {}),
      ...(typeof details.deadline === 'string' ? { deadline: details.deadline } : {}),
    };
    const entry: CaseTimelineEntry = {
      seq,
      at,
      actorId: 'seed',
      actorRole: 'supervisor',
      action: action as CaseAction | 'submit',
      from: seq === 1 ? null : record.state,
      to: next.state,
      mediaIds: [],
      details: dispatched ? { leadDepartmentId: DEPT, ...details } : details,
    };
    return { next, entry };
  };

  /** Writes a case step by step through the store, which lists it as the API's writes do. */
  const seedCase = async (id: string, steps: SeedStep[]) => {
    const store = new DynamoCaseStore(t.dynamo, tableName('workflow', t.stack.env));
    let record = seedRecord(id, steps[0]?.[2] ?? '');
    for (const [index, step] of steps.entries()) {
      const { next, entry } = applySeedStep(record, index + 1, step);
      if (index === 0) await store.create({ record: next, entry });
      else await store.update({ before: record, record: next, entry });
      record = next;
    }
  };

  beforeAll(async () => {
    const submitted = (at: string): SeedStep => ['submit', 'submitted', at];
    const accepted = (at: string): SeedStep => ['accept', 'accepted', at];
    await seedCase('ind-A', [
      submitted('2026-03-01T01:00:00Z'),
      accepted('2026-03-01T02:00:00Z'),
      ['dispatch', 'dispatched', '2026-03-02T01:00:00Z', { deadline: '2026-03-05T10:00:00.000Z' }],
      ['signFor', 'inProgress', '2026-03-02T01:30:00Z'],
      ['submitRectification', 'rectified', '2026-03-02T07:00:00Z'],
      ['headSignOff', 'awaitingVerification', '2026-03-02T08:00:00Z'],
      ['verify', 'closed', '2026-03-03T02:00:00Z'],
      ['rate', 'closed', '2026-03-03T03:00:00Z', { rating: 'basicallySatisfied' }],
    ]);
    await seedCase('ind-B', [
      submitted('2026-03-01T01:00:00Z'),
      accepted('2026-03-01T02:00:00Z'),
      ['dispatch', 'dispatched', '2026-03-02T01:00:00Z', { deadline: '2026-03-03T10:00:00.000Z' }],
      ['signFor', 'inProgress', '2026-03-02T02:00:00Z'],
      ['requestExtension', 'inProgress', '2026-03-02T03:00:00Z', { amount: 2, unit: 'workingDays' }],
      ['approveExtension', 'inProgress', '2026-03-02T05:00:00Z', { deadline: '2026-03-05T10:00:00.000Z' }],
      ['submitRectification', 'rectified', '2026-03-04T01:00:00Z'],
      ['headSignOff', 'awaitingVerification', '2026-03-04T02:00:00Z'],
      ['sendBackForRework', 'inProgress', '2026-03-04T03:00:00Z', { reworkCount: 1 }],
      ['submitRectification', 'rectified', '2026-03-06T02:00:00Z'],
      ['headSignOff', 'awaitingVerification', '2026-03-06T02:30:00Z'],
      ['verify', 'closed', '2026-03-06T03:00:00Z'],
    ]);
    await seedCase('ind-C', [
      submitted('2026-03-02T01:00:00Z'),
      accepted('2026-03-02T02:00:00Z'),
      ['dispatch', 'dispatched', '2026-03-03T01:00:00Z', { deadline: '2026-03-06T10:00:00.000Z' }],
      ['returnToDispatcher', 'accepted', '2026-03-03T02:00:00Z', { departmentId: DEPT }],
    ]);
    await seedCase('ind-D', [
      submitted('2026-03-03T01:00:00Z'),
      accepted('2026-03-03T02:00:00Z'),
      ['dispatch', 'dispatched', '2026-03-04T01:00:00Z', { deadline: '2026-03-06T10:00:00.000Z' }],
      ['signFor', 'inProgress', '2026-03-04T02:00:00Z'],
    ]);
    await seedCase('ind-E', [
      submitted('2026-02-01T01:00:00Z'),
      accepted('2026-02-01T02:00:00Z'),
      ['dispatch', 'dispatched', '2026-02-02T01:00:00Z', { deadline: '2026-02-05T10:00:00.000Z' }],
      ['signFor', 'inProgress', '2026-02-02T02:00:00Z'],
      ['submitRectification', 'rectified', '2026-02-02T03:00:00Z'],
      ['headSignOff', 'awaitingVerification', '2026-02-02T05:00:00Z'],
      ['verify', 'closed', '2026-02-02T06:00:00Z'],
    ]);
  });

  it('computes the rates of the cases dispatched in the period, as worked out by hand', async () => {
    const response = await send(
      `/departments/${DEPT}/indicators?from=2026-03-01&to=2026-03-31`,
      token('supervisor'),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      departmentId: DEPT,
      dispatched: 3,
      closed: 2,
      closedOnTime: 1,
      rectified: 2,
      reworked: 1,
      extended: 1,
      overdueOpen: 1,
      onTimeRate: 0.5,
      reworkRate: 0.5,
      averageHandlingWorkingHours: 10.5,
    });
    expect(body.closureRate).toBeCloseTo(2 / 3, 10);
    expect(body.extensionRate).toBeCloseTo(1 / 3, 10);
    // A's reporter rated the closure 基本满意; B was not rated.
    expect(body.satisfaction).toEqual({
      rated: 1,
      satisfied: 0,
      basicallySatisfied: 1,
      unsatisfied: 0,
      satisfactionRate: 1,
    });
    expect(body.caseIds).toBeUndefined();
    // The period is local days: 1 Mar 00:00 Shanghai is 28 Feb 16:00Z.
    expect(body.from).toBe('2026-02-28T16:00:00.000Z');
  });

  it('names the cases behind each figure with ?cases=true, for the drill-down', async () => {
    const response = await send(
      `/departments/${DEPT}/indicators?from=2026-03-01&to=2026-03-31&cases=true`,
      token('supervisor'),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const { caseIds } = (await response.json()) as { caseIds: Record<string, string[]> };
    expect(caseIds).toMatchObject({
      dispatched: ['ind-A', 'ind-B', 'ind-D'],
      closed: ['ind-A', 'ind-B'],
      closedOnTime: ['ind-A'],
      closedLate: ['ind-B'],
      reworked: ['ind-B'],
      extended: ['ind-B'],
      overdueOpen: ['ind-D'],
      rated: ['ind-A'],
      unsatisfied: [],
    });
    const ecologyHead = token('head');
    const refused = await send(
      `/departments/${DEPT}/indicators?from=2026-03-01&to=2026-03-31&cases=true`,
      ecologyHead,
    );
    expect(refused.status).toBe(403);
  });

  it('lets the head of that department read them, not another head or a handler', async () => {
    const query = 'from=2026-03-01&to=2026-03-31';
    const urbanHead = await person('head-urban', ['head'], DEPT);
    const ecologyHead = token('head');
    expect((await send(`/departments/${DEPT}/indicators?${query}`, urbanHead)).status).toBe(200);
    expect((await send(`/departments/${DEPT}/indicators?${query}`, ecologyHead)).status).toBe(403);
    expect((await send(`/departments/${DEPT}/indicators?${query}`, token('handler'))).status).toBe(403);
    expect((await send(`/departments/dept-nowhere/indicators?${query}`, token('admin'))).status).toBe(404);
    expect(
      (await send(`/departments/${DEPT}/indicators?from=2026-03-31&to=2026-03-01`, token('admin'))).status,
    ).toBe(422);
    // An empty period gives nulls, not zeros.
    const empty = (await (
      await send(`/departments/${DEPT}/indicators?from=2025-01-01&to=2025-01-31`, token('admin'))
    ).json()) as Record<string, unknown>;
    expect(empty).toMatchObject({ dispatched: 0, onTimeRate: null, closureRate: null });
  });
});

describe('role × action × relation: every refusal over HTTP', () => {
  type Who =
    | 'reporter'
    | 'otherDeputy'
    | 'leadHandler'
    | 'leadHead'
    | 'coHandler'
    | 'coHead'
    | 'otherHandler'
    | 'otherHead'
    | 'supervisor'
    | 'admin';
  type Stage =
    | 'submitted'
    | 'accepted'
    | 'dispatched'
    | 'inProgress'
    | 'extensionPending'
    | 'rectified'
    | 'awaitingVerification'
    | 'closed'
    | 'suspended';

  /** The stage each action starts from, so a refusal is about who asks, never about the state. */
  const STAGE_OF: Record<CaseAction, Stage> = {
    accept: 'submitted',
    reject: 'submitted',
    markDuplicate: 'submitted',
    dispatch: 'accepted',
    suspend: 'accepted',
    returnToDispatcher: 'dispatched',
    signFor: 'dispatched',
    requestExtension: 'inProgress',
    submitRectification: 'inProgress',
    approveExtension: 'extensionPending',
    rejectExtension: 'extensionPending',
    headSignOff: 'rectified',
    verify: 'awaitingVerification',
    sendBackForRework: 'awaitingVerification',
    rate: 'closed',
    resume: 'suspended',
  };

  /**
   * Who must be refused each action, and how: 404 when the case is invisible to them (a private
   * case: other deputies; any department it is not assigned to, which before dispatch is every
   * department), 403 when they see it but lack the role or relation.
   */
  const REFUSALS: Record<CaseAction, [Who, 403 | 404][]> = {
    accept: [
      ['reporter', 403],
      ['otherDeputy', 404],
      ['leadHandler', 404],
      ['otherHead', 404],
    ],
    reject: [
      ['reporter', 403],
      ['otherDeputy', 404],
      ['leadHead', 404],
    ],
    markDuplicate: [
      ['reporter', 403],
      ['otherHandler', 404],
    ],
    dispatch: [
      ['reporter', 403],
      ['otherDeputy', 404],
      ['leadHandler', 404],
      ['leadHead', 404],
    ],
    suspend: [
      ['reporter', 403],
      ['otherHead', 404],
    ],
    returnToDispatcher: [
      ['reporter', 403],
      ['coHandler', 403],
      ['coHead', 403],
      ['supervisor', 403],
      ['otherHandler', 404],
      ['otherDeputy', 404],
    ],
    signFor: [
      ['reporter', 403],
      ['coHandler', 403],
      ['supervisor', 403],
      ['admin', 403],
      ['otherHead', 404],
    ],
    requestExtension: [
      ['reporter', 403],
      ['coHandler', 403],
      ['supervisor', 403],
      ['otherHandler', 404],
    ],
    submitRectification: [
      ['reporter', 403],
      ['coHead', 403],
      ['admin', 403],
      ['otherHandler', 404],
    ],
    approveExtension: [
      ['leadHandler', 403],
      ['leadHead', 403],
      ['reporter', 403],
      ['otherHead', 404],
    ],
    rejectExtension: [
      ['leadHandler', 403],
      ['coHandler', 403],
      ['reporter', 403],
    ],
    headSignOff: [
      ['leadHandler', 403],
      ['coHead', 403],
      ['supervisor', 403],
      ['reporter', 403],
      ['otherHead', 404],
    ],
    verify: [
      ['leadHead', 403],
      ['leadHandler', 403],
      ['reporter', 403],
      ['otherDeputy', 404],
    ],
    sendBackForRework: [
      ['leadHandler', 403],
      ['leadHead', 403],
      ['reporter', 403],
    ],
    rate: [
      ['supervisor', 403],
      ['admin', 403],
      ['leadHandler', 403],
      ['leadHead', 403],
      ['otherDeputy', 404],
    ],
    resume: [
      ['reporter', 403],
      ['leadHandler', 403],
      ['otherHandler', 404],
    ],
  };

  /** The one principal the action is meant for (used to prove the state check: 409 elsewhere). */
  const ACTOR_OF = (action: CaseAction): Who => {
    if (action === 'rate') return 'reporter';
    if (action === 'headSignOff') return 'leadHead';
    if (['returnToDispatcher', 'signFor', 'requestExtension', 'submitRectification'].includes(action)) {
      return 'leadHandler';
    }
    return 'supervisor';
  };

  const tokens = {} as Record<Who, string>;
  const cases = {} as Record<Stage, string>;

  /** A payload given as a function is made when the step runs (evidence: a fresh upload per case). */
  const advance = async (id: string, steps: [Role, string, unknown?][]) => {
    for (const [role, action, payload] of steps) {
      await actOk(id, role, action, typeof payload === 'function' ? await payload() : payload);
    }
  };
  const dispatchSteps: [Role, string, unknown?][] = [
    ['supervisor', 'accept'],
    ['supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology', coDepartmentIds: ['dept-water'] }],
  ];
  const inProgressSteps: [Role, string, unknown?][] = [...dispatchSteps, ['handler', 'signFor']];
  // Evidence must be a completed upload, and a file is evidence of one case only.
  const evidence = async () => ({ mediaIds: [await uploadReadyPhoto(t, token('handler'))] });
  const rectifiedSteps: [Role, string, unknown?][] = [
    ...inProgressSteps,
    ['handler', 'submitRectification', evidence],
  ];
  const verifySteps: [Role, string, unknown?][] = [...rectifiedSteps, ['head', 'headSignOff']];

  beforeAll(async () => {
    tokens.reporter = token('deputy');
    tokens.leadHandler = token('handler');
    tokens.leadHead = token('head');
    tokens.supervisor = token('supervisor');
    tokens.admin = token('admin');
    [tokens.otherDeputy, tokens.coHandler, tokens.coHead, tokens.otherHandler, tokens.otherHead] =
      await Promise.all([
        person('deputy-table', ['deputy']),
        person('handler-table-water', ['handler'], 'dept-water'),
        person('head-table-water', ['head'], 'dept-water'),
        person('handler-table-urban', ['handler'], 'dept-urban-management'),
        person('head-table-urban', ['head'], 'dept-urban-management'),
      ]);
    const stages: Record<Stage, [Role, string, unknown?][]> = {
      submitted: [],
      accepted: [['supervisor', 'accept']],
      dispatched: dispatchSteps,
      inProgress: inProgressSteps,
      extensionPending: [
        ...inProgressSteps,
        ['handler', 'requestExtension', { reason: '雨季施工', amount: 2, unit: 'workingDays' }],
      ],
      rectified: rectifiedSteps,
      awaitingVerification: verifySteps,
      closed: [...verifySteps, ['supervisor', 'verify']],
      suspended: [
        ...dispatchSteps,
        ['supervisor', 'suspend', { reason: '待汛期结束', nextReviewDate: '2099-01-01' }],
      ],
    };
    await Promise.all(
      (Object.keys(stages) as Stage[]).map(async (stage) => {
        const created = await submit();
        await advance(created.id, stages[stage]);
        cases[stage] = created.id;
      }),
    );
  });

  const refusalRows = CASE_ACTIONS.flatMap((action) =>
    REFUSALS[action].map(([who, status]) => ({ action, who, status, stage: STAGE_OF[action] })),
  );

  it('covers every case action', () => {
    expect(Object.keys(REFUSALS).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it.each(refusalRows)(
    '$action by $who on a $stage case → $status',
    async ({ action, who, status, stage }) => {
      const id = cases[stage];
      const before = (await (await send(`/cases/${id}`, tokens.supervisor)).json()) as CaseView;
      const response = await act(id, tokens[who], action, {});
      expect(response.status, await response.clone().text()).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const after = (await (await send(`/cases/${id}`, tokens.supervisor)).json()) as CaseView;
      expect(after.version).toBe(before.version);
    },
  );

  it.each(CASE_ACTIONS.map((action) => ({ action })))(
    '$action by its own actor from a state it does not start from → 409',
    async ({ action }) => {
      // A closed case suits every action but `rate`; `rate` is tried on a submitted case.
      const id = action === 'rate' ? cases.submitted : cases.closed;
      const response = await act(id, tokens[ACTOR_OF(action)], action, {});
      expect(response.status, await response.clone().text()).toBe(409);
    },
  );

  it('lets one of two departments’ conflicting moves win and keeps the timeline consistent', async () => {
    // Prepare: a dispatched case; the handler signs for it while the head returns it.
    const created = await submit();
    await advance(created.id, dispatchSteps);
    // Act
    const [signFor, giveBack] = await Promise.all([
      act(created.id, 'handler', 'signFor'),
      act(created.id, 'head', 'returnToDispatcher', { reason: '非本局职责' }),
    ]);
    // Assess: one 200 and one 409; the last timeline entry is the winner and matches the record.
    expect([signFor.status, giveBack.status].sort()).toEqual([200, 409]);
    const final = (await (await send(`/cases/${created.id}`, token('supervisor'))).json()) as CaseView;
    const timeline = (await (await send(`/cases/${created.id}/timeline`, token('supervisor'))).json()) as {
      entries: { seq: number; action: string; to: string }[];
    };
    expect(final.version).toBe(4);
    expect(timeline.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    const last = timeline.entries.at(-1);
    expect(last?.action).toBe(signFor.status === 200 ? 'signFor' : 'returnToDispatcher');
    expect(last?.to).toBe(final.state);
  });
});
