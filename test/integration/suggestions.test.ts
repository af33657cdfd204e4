import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalUser } from '../../infra/local/local-issuer.ts';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDeputyDirectory } from '../../shared/adapters/dynamodb/deputy-directory.ts';
import { DynamoSuggestionStore } from '../../shared/adapters/dynamodb/suggestion-store.ts';
import { relistSuggestions } from '../../shared/adapters/dynamodb/workflow-relist.ts';
import { tableEnvVar } from '../../shared/config/env.ts';
import { defaultWorkingCalendar } from '../../shared/domain/calendar/bundled-calendar.ts';
import { addCalendarMonths } from '../../shared/domain/calendar/calendar-months.ts';
import { addDays } from '../../shared/domain/calendar/local-date.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { submitSuggestion } from '../../shared/domain/suggestions/submit-suggestion.ts';
import { applySuggestionTransition } from '../../shared/domain/suggestions/suggestion-machine.ts';
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../shared/domain/suggestions/suggestion-record.ts';
import { partsOfSplit } from '../../shared/domain/suggestions/suggestion-split.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';

let t: TestStack;
/** Tokens by person: the seeded users plus a co-signing deputy, an outsider and the water bureau. */
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const EXTRA_USERS: LocalUser[] = [
  { sub: 'deputy-zhao-sub', username: 'deputy-zhao', groups: ['deputy'] },
  { sub: 'deputy-qian-sub', username: 'deputy-qian', groups: ['deputy'] },
  { sub: 'handler-water-sub', username: 'handler-water', groups: ['handler'], department: 'dept-water' },
  { sub: 'head-water-sub', username: 'head-water', groups: ['head'], department: 'dept-water' },
];

beforeAll(async () => {
  t = await startTestStack();
  for (const [role, { user, token }] of Object.entries(t.stack.users)) {
    tokens[role] = token;
    ids[role] = user.sub;
  }
  for (const user of EXTRA_USERS) {
    tokens[user.username] = await t.stack.issueToken(user);
    ids[user.username] = user.sub;
  }
  // Co-signers must be registered deputies: the extra deputies and the 50 of the largest filing.
  const deputies = new DynamoDeputyDirectory(getDocumentClient(), t.stack.env[tableEnvVar('registry')] ?? '');
  const extraDeputies = EXTRA_USERS.filter((user) => user.groups.includes('deputy')).map((user) => user.sub);
  for (const id of [...extraDeputies, ...Array.from({ length: 50 }, (_, n) => `co-signer-${n}`)]) {
    await deputies.putDeputy({ id, name: id, status: 'active' });
  }
});
afterAll(async () => {
  await t?.close();
});

interface View extends SuggestionRecord {
  allowedActions: string[];
  overdue: boolean;
  latestReplyDue?: string;
}

const send = (path: string, who: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.api(path, {
    method: body === undefined ? 'GET' : 'POST',
    token: tokens[who] ?? '',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** A file is attached to one suggestion: a retry under the same Idempotency-Key sends the same one. */
const attachmentsByKey = new Map<string, string>();

const file = async (coSigners: string[] = [], headers: Record<string, string> = {}): Promise<View> => {
  const key = headers['idempotency-key'] ?? '';
  const attachment = attachmentsByKey.get(key) ?? (await uploadReadyPhoto(t, tokens.deputy ?? ''));
  if (key !== '') attachmentsByKey.set(key, attachment);
  const response = await send(
    '/suggestions',
    'deputy',
    {
      title: '关于推进工业园区屋顶分布式光伏建设的建议',
      body: '建议对园区内企业屋顶开展光伏可利用面积普查，并给予并网支持。',
      category: 'energyAndCarbon',
      attachments: [attachment],
      coSignerIds: coSigners.map((who) => ids[who] ?? who),
    },
    headers,
  );
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as View;
};

const act = (id: string, who: string, action: string, payload: unknown = {}, version?: number) =>
  send(`/suggestions/${id}/transitions`, who, { action, payload, ...(version ? { version } : {}) });

const actOk = async (id: string, who: string, action: string, payload: unknown = {}): Promise<View> => {
  const response = await act(id, who, action, payload);
  expect(response.status, `${action} by ${who}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as View;
};

const listIds = async (who: string, query = ''): Promise<string[]> => {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    const suffix = `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await send(`/suggestions?limit=2${suffix}`, who);
    expect(response.status, await response.clone().text()).toBe(200);
    const page = (await response.json()) as { items: View[]; cursor?: string };
    found.push(...page.items.map((item) => item.id));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return found;
};

/** Filed with a co-signer, accepted and assigned to ecology (lead) and water (co-handling). */
const assigned = async (coUnitIds = ['dept-water']): Promise<View> => {
  const filed = await file(['deputy-zhao']);
  await actOk(filed.id, 'supervisor', 'accept');
  return actOk(filed.id, 'supervisor', 'assign', { leadUnitId: 'dept-ecology', coUnitIds });
};

describe('代表建议 lifecycle over HTTP', () => {
  it('runs co-handling from filing to a B-class reply, ratings by every signatory, follow-up and closure', async () => {
    const retryKey = { 'idempotency-key': `file-${Date.now()}` };
    const filed = await file(['deputy-zhao'], retryKey);
    expect(filed).toMatchObject({ state: 'submitted', version: 1, coSignerIds: [ids['deputy-zhao']] });
    expect((await file(['deputy-zhao'], retryKey)).id).toBe(filed.id);

    // Both signatories list it; the outsider neither lists nor reads it.
    expect(await listIds('deputy')).toContain(filed.id);
    expect(await listIds('deputy-zhao')).toContain(filed.id);
    expect(await listIds('deputy-qian')).not.toContain(filed.id);
    expect((await send(`/suggestions/${filed.id}`, 'deputy-qian')).status).toBe(404);
    // Not yet assigned: the units cannot see it.
    expect((await send(`/suggestions/${filed.id}`, 'handler-water')).status).toBe(404);

    await actOk(filed.id, 'supervisor', 'accept', { note: '符合建议要求' });
    await actOk(filed.id, 'supervisor', 'setKeySupervision', { leaderName: '张副主任' });
    const assignedView = await actOk(filed.id, 'supervisor', 'assign', {
      leadUnitId: 'dept-ecology',
      coUnitIds: ['dept-water'],
    });
    expect(assignedView.state).toBe('assigned');
    // Reply within 3 months of the local assignment date; at most 6 with an extension.
    const assignedOn = assignedView.assignment?.assignedOn ?? '';
    expect(assignedView.replyDue).toBe(addCalendarMonths(assignedOn, 3));
    expect(assignedView.coOpinionDue).toBe(addCalendarMonths(assignedOn, 1));
    expect(assignedView.latestReplyDue).toBe(addCalendarMonths(assignedOn, 6));

    expect(await listIds('handler-water')).toContain(filed.id);
    expect(await listIds('handler')).toContain(filed.id);

    // Only the lead unit's head signs the reply: the co-handling head is refused.
    const coHeadReply = await act(filed.id, 'head-water', 'reply', { class: 'A', text: '已解决' });
    expect(coHeadReply.status).toBe(403);
    expect(coHeadReply.headers.get('content-type')).toContain('application/problem+json');

    await actOk(filed.id, 'handler-water', 'submitCoOpinion', { text: '水务局同意在园区试点。' });
    const replied = await actOk(filed.id, 'head', 'reply', {
      class: 'B',
      text: '已列入2027年园区改造计划，分两批实施。',
    });
    expect(replied).toMatchObject({ state: 'replied', replies: [{ class: 'B', onTime: true, round: 0 }] });

    // The co-signer sees the reply too; each signatory rates once.
    const seenByCoSigner = (await (await send(`/suggestions/${filed.id}`, 'deputy-zhao')).json()) as View;
    expect(seenByCoSigner.replies[0]?.text).toContain('改造计划');
    expect(seenByCoSigner.allowedActions).toContain('rate');
    expect((await actOk(filed.id, 'deputy', 'rate', { rating: 'satisfied' })).state).toBe('replied');
    expect((await act(filed.id, 'deputy', 'rate', { rating: 'satisfied' })).status).toBe(409);
    const rated = await actOk(filed.id, 'deputy-zhao', 'rate', { rating: 'basicallySatisfied' });
    expect(rated.state).toBe('followingUp');

    await actOk(filed.id, 'handler', 'followUp', { text: '第一批已开工。' });
    const closed = await actOk(filed.id, 'head', 'markSolved', { text: '两批均已并网发电。' });
    expect(closed).toMatchObject({ state: 'closed', allowedActions: [] });

    const timeline = (await (await send(`/suggestions/${filed.id}/timeline`, 'deputy-zhao')).json()) as {
      entries: SuggestionTimelineEntry[];
    };
    expect(timeline.entries.map((e) => e.action)).toEqual([
      'submit',
      'accept',
      'setKeySupervision',
      'assign',
      'submitCoOpinion',
      'reply',
      'rate',
      'rate',
      'followUp',
      'markSolved',
    ]);
    expect(timeline.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await send(`/suggestions/${filed.id}/timeline`, 'deputy-qian')).status).toBe(404);
  });

  it('refuses an extension past 6 months after assignment and accepts the limit itself', async () => {
    const view = await assigned([]);
    const limit = view.latestReplyDue ?? '';
    const tooLate = await act(view.id, 'handler', 'requestExtension', {
      replyDue: addDays(limit, 1),
      reason: '涉及多部门协调',
    });
    expect(tooLate.status).toBe(400);
    expect(JSON.stringify(await tooLate.json())).toContain('replyDue');

    await actOk(view.id, 'handler', 'requestExtension', { replyDue: limit, reason: '涉及多部门协调' });
    // The supervisor cannot grant more than the six months either (422), and the request stays pending.
    const grantTooLate = await act(view.id, 'supervisor', 'approveExtension', {
      replyDue: addDays(limit, 1),
    });
    expect(grantTooLate.status).toBe(422);
    const approved = await actOk(view.id, 'supervisor', 'approveExtension', {});
    expect(approved).toMatchObject({ replyDue: limit, extension: { status: 'approved', grantedDue: limit } });
  });

  it('re-handles after an unsatisfied rating, with a second reply due within 1 month', async () => {
    const view = await assigned([]);
    await actOk(view.id, 'head', 'reply', { class: 'C', text: '受资金限制，暂缓实施。' });
    // The co-signer's 不满意 waits for the filer's rating: the round closes when both have rated.
    expect((await actOk(view.id, 'deputy-zhao', 'rate', { rating: 'unsatisfied' })).state).toBe('replied');
    const rehandling = await actOk(view.id, 'deputy', 'rate', { rating: 'satisfied' });
    expect(rehandling).toMatchObject({ state: 'rehandling', rehandlingCount: 1 });
    const ratedOn = rehandling.ratings[1]?.at ?? '';
    expect(rehandling.replyDue).toBe(
      addCalendarMonths(new Date(ratedOn).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }), 1),
    );

    const second = await actOk(view.id, 'head', 'reply', { class: 'A', text: '已争取专项资金，完成改造。' });
    expect(second.replies.map((r) => [r.class, r.round])).toEqual([
      ['C', 0],
      ['A', 1],
    ]);
    await actOk(view.id, 'deputy', 'rate', { rating: 'satisfied' });
    const closed = await actOk(view.id, 'deputy-zhao', 'rate', { rating: 'satisfied' });
    expect(closed.state).toBe('closed');
  });

  it('lets the lead unit hand a suggestion back within 7 working days, and re-lists it for the new unit', async () => {
    const view = await assigned([]);
    expect(await listIds('handler')).toContain(view.id);
    const requested = await actOk(view.id, 'handler', 'requestHandBack', { reason: '不属于本局职责' });
    expect(requested.handBackRequest?.reason).toBe('不属于本局职责');
    expect(new Date(requested.handBackDue ?? '').getTime()).toBeGreaterThan(Date.now());

    const back = await actOk(view.id, 'supervisor', 'approveHandBack', {});
    expect(back.state).toBe('accepted');
    expect(await listIds('handler')).not.toContain(view.id);
    expect((await send(`/suggestions/${view.id}`, 'handler')).status).toBe(404);
    // The ecology pointer left the sparse list index in the same transaction (not just filtered out).
    const pointer = await t.dynamo.send(
      new GetCommand({
        TableName: t.stack.env[tableEnvVar('workflow')],
        Key: { pk: `SUGGESTION#${view.id}`, sk: 'REL#UNIT#dept-ecology' },
      }),
    );
    expect(pointer.Item).toMatchObject({ listed: false });
    expect(pointer.Item?.gsi1pk).toBeUndefined();

    await actOk(view.id, 'supervisor', 'assign', { leadUnitId: 'dept-water', coUnitIds: [] });
    expect(await listIds('handler-water')).toContain(view.id);
    const unknownUnit = await assigned([]);
    await actOk(unknownUnit.id, 'handler', 'requestHandBack', { reason: '不属于本局职责' });
    await actOk(unknownUnit.id, 'supervisor', 'approveHandBack', {});
    const bad = await act(unknownUnit.id, 'supervisor', 'assign', {
      leadUnitId: 'dept-water',
      coUnitIds: ['dept-ecology', 'dept-nowhere'],
    });
    // Unknown units are refused as an unknown dispatch department is: 422 naming the field.
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { detail: string; errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual(['/body/payload/coUnitIds/1']);
    expect(problem.detail).toMatch(/^承办单位不存在/);
  });

  it('splits a suggestion across two units; each part is handled, replied and rated on its own', async () => {
    const filed = await file(['deputy-zhao']);
    await actOk(filed.id, 'supervisor', 'accept');
    const split = await actOk(filed.id, 'supervisor', 'assignSeparately', {
      parts: [
        { leadUnitId: 'dept-ecology', coUnitIds: [] },
        { leadUnitId: 'dept-water', coUnitIds: [] },
      ],
    });
    expect(split.state).toBe('split');
    const [ecoPart, waterPart] = (split.parts ?? []).map((part) => part.id);
    expect([ecoPart, waterPart]).toEqual([`${filed.id}.1`, `${filed.id}.2`]);

    // Each unit lists and reads only its own part; the co-signer lists the suggestion and both parts.
    expect(await listIds('handler')).toContain(ecoPart);
    expect(await listIds('handler')).not.toContain(waterPart);
    expect((await send(`/suggestions/${waterPart}`, 'head')).status).toBe(404);
    expect(await listIds('deputy-zhao')).toEqual(expect.arrayContaining([filed.id, ecoPart, waterPart]));

    await actOk(waterPart ?? '', 'head-water', 'reply', { class: 'A', text: '水务部分已完成。' });
    const waterRated = await actOk(waterPart ?? '', 'deputy', 'rate', { rating: 'satisfied' });
    expect(waterRated.state).toBe('replied');
    expect((await actOk(waterPart ?? '', 'deputy-zhao', 'rate', { rating: 'satisfied' })).state).toBe(
      'closed',
    );
    // The ecology part is still waiting for its own reply.
    const eco = (await (await send(`/suggestions/${ecoPart}`, 'deputy')).json()) as View;
    expect(eco).toMatchObject({ state: 'assigned', parentId: filed.id, replies: [] });
  });

  it('files with the maximum of 50 co-signers in one transaction (53 items) and lists it for the last one', async () => {
    const coSigners = Array.from({ length: 50 }, (_, n) => `co-signer-${n}`);
    const filed = await file(coSigners, { 'idempotency-key': `max-${Date.now()}` });
    expect(filed.coSignerIds).toHaveLength(50);
    const last = await t.stack.issueToken({
      sub: 'co-signer-49',
      username: 'co-signer-49',
      groups: ['deputy'],
    });
    const listed = await t.api('/suggestions?limit=5', { token: last });
    expect(((await listed.json()) as { items: View[] }).items.map((item) => item.id)).toEqual([filed.id]);
  });

  it('lets exactly one of two conflicting transitions win', async () => {
    const filed = await file();
    const responses = await Promise.all([
      act(filed.id, 'supervisor', 'accept', {}, 1),
      act(filed.id, 'admin', 'convert', { to: 'case', reason: '属于具体问题，转随手拍办理' }, 1),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const timeline = (await (await send(`/suggestions/${filed.id}/timeline`, 'deputy')).json()) as {
      entries: unknown[];
    };
    expect(timeline.entries).toHaveLength(2);
    // A stale If-Match is refused too.
    const stale = await t.api(`/suggestions/${filed.id}/transitions`, {
      method: 'POST',
      token: tokens.supervisor ?? '',
      headers: { 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ action: 'setKeySupervision', payload: { leaderName: '王主任' } }),
    });
    expect(stale.status).toBe(409);
  });
});

describe('suggestion statistics and filters on a seeded set', () => {
  const calendar = defaultWorkingCalendar();
  const person = (
    userId: string,
    role: 'deputy' | 'head' | 'supervisor',
    departmentId?: string,
  ): Principal => ({
    userId,
    username: userId,
    roles: [role],
    ...(departmentId ? { departmentId } : {}),
  });
  const staff = person('seed-supervisor', 'supervisor');
  const ecoHead = person('seed-head-eco', 'head', 'dept-ecology');
  const waterHead = person('seed-head-water', 'head', 'dept-water');
  const d1 = person('seed-deputy-1', 'deputy');
  const d2 = person('seed-deputy-2', 'deputy');
  const seededIds: Record<string, string> = {};

  /** Runs the real domain at chosen instants and stores every step through the real adapters. */
  const seed = async (
    name: string,
    filedAt: string,
    coSigners: Principal[],
    steps: [action: string, who: Principal, at: string, payload?: unknown][],
  ) => {
    // The handlers' own client (the stack points the process at the emulator), so undefined fields in
    // timeline details are dropped exactly as in production.
    const table = t.stack.env[tableEnvVar('workflow')] ?? '';
    const store = new DynamoSuggestionStore(getDocumentClient(), table);
    const id = `seed-${name}-${Date.now()}`;
    const first = submitSuggestion({
      id,
      principal: d1,
      payload: {
        title: `种子建议 ${name}`,
        body: '统计用样例',
        category: 'ecology',
        coSignerIds: coSigners.map((p) => p.userId),
      },
      at: new Date(filedAt),
    });
    await store.create(first);
    let record = first.record;
    for (const [action, principal, at, payload] of steps) {
      const next = applySuggestionTransition(
        record,
        { action, principal, payload, at: new Date(at) },
        { calendar },
      );
      await store.update({ before: record, ...next });
      record = next.record;
    }
    seededIds[name] = id;
    return record;
  };

  beforeAll(async () => {
    // A: eco leads (water co-handles), key supervision; class A on time; both deputies satisfied → closed.
    await seed(
      'A',
      '2025-03-03T02:00:00Z',
      [d2],
      [
        ['accept', staff, '2025-03-04T01:00:00Z'],
        ['setKeySupervision', staff, '2025-03-04T01:05:00Z', { leaderName: '张副主任' }],
        ['assign', staff, '2025-03-04T01:10:00Z', { leadUnitId: 'dept-ecology', coUnitIds: ['dept-water'] }],
        ['reply', ecoHead, '2025-04-10T02:00:00Z', { class: 'A', text: '已完成' }],
        ['rate', d1, '2025-04-11T02:00:00Z', { rating: 'satisfied' }],
        ['rate', d2, '2025-04-11T03:00:00Z', { rating: 'satisfied' }],
      ],
    );
    // B: eco; assigned 03-05 so due 06-05; class B sent 07-01 (late); unsatisfied → re-handled, class A
    // on time; satisfied → closed.
    await seed(
      'B',
      '2025-03-05T02:00:00Z',
      [],
      [
        ['accept', staff, '2025-03-05T03:00:00Z'],
        ['assign', staff, '2025-03-05T04:00:00Z', { leadUnitId: 'dept-ecology', coUnitIds: [] }],
        ['reply', ecoHead, '2025-07-01T02:00:00Z', { class: 'B', text: '正在推进' }],
        ['rate', d1, '2025-07-02T02:00:00Z', { rating: 'unsatisfied' }],
        ['reply', ecoHead, '2025-07-10T02:00:00Z', { class: 'A', text: '已完成' }],
        ['rate', d1, '2025-07-11T02:00:00Z', { rating: 'satisfied' }],
      ],
    );
    // C: water; class D on time; unsatisfied → re-handling due 2025-05-02, never answered: overdue now.
    await seed(
      'C',
      '2025-03-10T02:00:00Z',
      [],
      [
        ['accept', staff, '2025-03-10T03:00:00Z'],
        ['assign', staff, '2025-03-10T04:00:00Z', { leadUnitId: 'dept-water', coUnitIds: [] }],
        ['reply', waterHead, '2025-04-01T02:00:00Z', { class: 'D', text: '留作参考' }],
        ['rate', d1, '2025-04-02T02:00:00Z', { rating: 'unsatisfied' }],
      ],
    );
    // D: filed in April, outside the period asked for below.
    await seed('D', '2025-04-02T02:00:00Z', [], [['accept', staff, '2025-04-02T03:00:00Z']]);
  });

  const stats = async (who: string, query: string) => {
    const response = await send(`/suggestions/statistics?${query}`, who);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('computes the March figures overall and per lead unit, as worked by hand', async () => {
    const { status, body } = await stats('supervisor', 'from=2025-03-01&to=2025-03-31');
    expect(status).toBe(200);
    expect(body.overall).toEqual({
      // A, B, C filed in March (D in April is left out).
      count: 3,
      assigned: 3,
      replied: 3,
      // A and C first replies on time; B's first reply came after its due date.
      repliedOnTime: 2,
      onTimeRate: 2 / 3,
      // Latest classes: A → A, B → A (after re-handling), C → D.
      byClass: { A: 2, B: 0, C: 0, D: 1 },
      // Latest per deputy: A d1 + d2 satisfied, B d1 satisfied, C d1 unsatisfied → 3 of 4.
      satisfaction: { rated: 4, satisfied: 3, basicallySatisfied: 0, unsatisfied: 1, satisfactionRate: 0.75 },
      rehandled: 2,
      keySupervision: { count: 1, replied: 1, closed: 1 },
    });
    expect(body.units).toEqual([
      expect.objectContaining({ unitId: 'dept-ecology', count: 2, repliedOnTime: 1, onTimeRate: 0.5 }),
      expect.objectContaining({
        unitId: 'dept-water',
        count: 1,
        byClass: { A: 0, B: 0, C: 0, D: 1 },
        satisfaction: expect.objectContaining({ satisfactionRate: 0 }),
      }),
    ]);
  });

  it('gives a head their own unit only, and refuses deputies and other units', async () => {
    const own = await stats('head', 'from=2025-03-01&to=2025-03-31');
    expect(own.status).toBe(200);
    // Ecology leads A and B; it co-handles A's water part is not counted for water.
    expect(own.body).toMatchObject({ unit: 'dept-ecology', overall: { count: 2, replied: 2, rehandled: 1 } });
    expect((await stats('head', 'from=2025-03-01&to=2025-03-31&unit=dept-water')).status).toBe(403);
    expect((await stats('deputy', 'from=2025-03-01&to=2025-03-31')).status).toBe(403);
    const backwards = await stats('supervisor', 'from=2025-03-31&to=2025-03-01');
    expect(backwards.status).toBe(400);
  });

  it('filters the supervisor list by overdue, satisfaction, key supervision and unit', async () => {
    const overdue = await listIds('supervisor', '&overdue=true');
    expect(overdue).toContain(seededIds.C);
    expect(overdue).not.toContain(seededIds.A);
    expect(await listIds('supervisor', '&satisfaction=unsatisfied')).toContain(seededIds.C);
    const supervised = await listIds('supervisor', '&keySupervision=true');
    expect(supervised).toContain(seededIds.A);
    expect(supervised).not.toContain(seededIds.B);
    const water = await listIds('supervisor', '&unit=dept-water');
    expect(water).toEqual(expect.arrayContaining([seededIds.A, seededIds.C]));
    expect(water).not.toContain(seededIds.B);
    expect(await listIds('supervisor', '&state=accepted')).toContain(seededIds.D);
  });
});

describe('suggestion lists read copies of the records (one Query a page)', () => {
  const table = () => t.stack.env[tableEnvVar('workflow')] ?? '';
  const pointerKey = (id: string, relation: string) => ({ pk: `SUGGESTION#${id}`, sk: `REL#${relation}` });
  const pointer = async (id: string, relation: string) =>
    (await t.dynamo.send(new GetCommand({ TableName: table(), Key: pointerKey(id, relation) }))).Item;
  /** The item of this suggestion in the caller's list, paging until found. */
  const listed = async (who: string, id: string): Promise<View | undefined> => {
    let cursor: string | undefined;
    do {
      const response = await send(
        `/suggestions?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        who,
      );
      const page = (await response.json()) as { items: View[]; cursor?: string };
      const found = page.items.find((item) => item.id === id);
      if (found) return found;
      cursor = page.cursor;
    } while (cursor !== undefined);
    return undefined;
  };

  it('shows the suggestion as it is now in every list: each step writes the copies again', async () => {
    const filed = await file(['deputy-zhao']);
    expect(await listed('deputy-zhao', filed.id)).toMatchObject({ state: 'submitted', version: 1 });
    await actOk(filed.id, 'supervisor', 'accept');
    await actOk(filed.id, 'supervisor', 'setKeySupervision', { leaderName: '李主任' });
    const now = await actOk(filed.id, 'supervisor', 'assign', {
      leadUnitId: 'dept-ecology',
      coUnitIds: ['dept-water'],
    });
    const expected = {
      state: 'assigned',
      version: now.version,
      keySupervision: { leaderName: '李主任' },
      assignment: { leadUnitId: 'dept-ecology', coUnitIds: ['dept-water'] },
      replyDue: now.replyDue,
    };
    for (const who of ['deputy', 'deputy-zhao', 'handler', 'handler-water', 'supervisor']) {
      expect(await listed(who, filed.id), who).toMatchObject(expected);
    }
    // The copies are on the pointers themselves: the list reads them, not the record.
    expect(await pointer(filed.id, `DEPUTY#${ids['deputy-zhao']}`)).toMatchObject(expected);
    expect(await pointer(filed.id, 'UNIT#dept-water')).toMatchObject(expected);
  });

  it('reads the record of a pointer written before the copies, until relist-suggestions writes it again', async () => {
    const filed = await file(['deputy-zhao']);
    const accepted = await actOk(filed.id, 'supervisor', 'accept');
    const key = pointerKey(filed.id, `DEPUTY#${ids['deputy-zhao']}`);
    const stored = await pointer(filed.id, `DEPUTY#${ids['deputy-zhao']}`);
    // The pointer as the layout before wrote it: keys and the id only.
    await t.dynamo.send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...key,
          kind: 'suggestionRelation',
          suggestionId: filed.id,
          listed: true,
          gsi1pk: stored?.gsi1pk,
          gsi1sk: stored?.gsi1sk,
        },
      }),
    );
    const expected = { state: 'accepted', version: accepted.version, title: filed.title };
    expect(await listed('deputy-zhao', filed.id)).toMatchObject(expected);
    const report = await relistSuggestions(getDocumentClient(), table(), { perSecond: 1000 });
    expect(report.relisted).toBeGreaterThan(0);
    expect(await pointer(filed.id, `DEPUTY#${ids['deputy-zhao']}`)).toMatchObject(expected);
  });

  it('splits a suggestion of 50 co-signers into 5 parts of 10 co-units: the copies past 100 items follow', async () => {
    const store = new DynamoSuggestionStore(getDocumentClient(), table());
    const staff: Principal = { userId: 'copy-staff', username: 'copy-staff', roles: ['supervisor'] };
    const env = { calendar: defaultWorkingCalendar() };
    const born = submitSuggestion({
      id: `copies-${Date.now()}`,
      principal: { userId: 'copy-filer', username: 'copy-filer', roles: ['deputy'] },
      payload: {
        title: '跨单位建议',
        body: '分别交办',
        category: 'ecology',
        coSignerIds: Array.from({ length: 50 }, (_, n) => `copy-co-${n}`),
      },
      at: new Date(),
    });
    await store.create(born);
    const act = (record: SuggestionRecord, action: string, payload: unknown = {}) =>
      applySuggestionTransition(record, { action, principal: staff, payload, at: new Date() }, env);
    const accepted = act(born.record, 'accept');
    await store.update({ before: born.record, ...accepted });
    const parts = Array.from({ length: 5 }, (_, p) => ({
      leadUnitId: `copy-unit-${p}`,
      coUnitIds: Array.from({ length: 10 }, (_, c) => `copy-unit-${p}-${c}`),
    }));
    const split = act(accepted.record, 'assignSeparately', { parts });
    const born5 = partsOfSplit(split.record, { userId: staff.userId, role: 'supervisor' }, new Date(), env);
    // 51 copies of the parent and 5 parts of 11 pointers each: more than a transaction's 100 items.
    await store.update({ before: accepted.record, ...split }, { creates: born5 });
    for (const deputy of ['copy-filer', 'copy-co-0', 'copy-co-49']) {
      const page = await store.list({ kind: 'deputy', userId: deputy }, { limit: 5 });
      expect(page.items.map((r) => [r.id, r.state, r.version])).toEqual([
        [born.record.id, 'split', split.record.version],
      ]);
    }
    const unitPage = await store.list({ kind: 'unit', unitId: 'copy-unit-4-9' }, { limit: 5 });
    expect(unitPage.items.map((r) => [r.id, r.state])).toEqual([[`${born.record.id}.5`, 'assigned']]);
  });
});
