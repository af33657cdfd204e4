import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalUser } from '../../infra/local/local-issuer.ts';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDeputyDirectory } from '../../shared/adapters/dynamodb/deputy-directory.ts';
import { tableEnvVar } from '../../shared/config/env.ts';
import { offsetNorth } from '../../shared/domain/geo/distance.ts';
import type { SuggestionRecord } from '../../shared/domain/suggestions/suggestion-record.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';
import { seedSuggestionSteps } from '../support/suggestion-seed.ts';

/**
 * Issue 14, "trustworthy cases and suggestions" — the workflow rules, over HTTP: co-units are not
 * locked out by an early reply, co-signers are registered deputies and every one of their ratings
 * is kept, rating rounds close in time, duplicates are real and linked both ways, allowedActions is
 * what the caller can do now, who may act is answered before the state, and refusals read zh-CN.
 */

let t: TestStack;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const EXTRA_USERS: LocalUser[] = [
  { sub: 'wr-deputy-zhao', username: 'deputy-zhao', groups: ['deputy'] },
  { sub: 'wr-deputy-qian', username: 'deputy-qian', groups: ['deputy'] },
  { sub: 'wr-handler-water', username: 'handler-water', groups: ['handler'], department: 'dept-water' },
  { sub: 'wr-head-water', username: 'head-water', groups: ['head'], department: 'dept-water' },
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
  // Zhao and Qian are registered deputies (as an admin would record them); the handlers are not.
  const deputies = new DynamoDeputyDirectory(getDocumentClient(), t.stack.env[tableEnvVar('registry')] ?? '');
  for (const user of EXTRA_USERS.filter((candidate) => candidate.groups.includes('deputy'))) {
    await deputies.putDeputy({ id: user.sub, name: user.username, status: 'active' });
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

interface SuggestionView extends SuggestionRecord {
  allowedActions: string[];
  awaitingCoOpinions: string[];
  ratingRound?: { round: number; ratingsDue: string; notRatedYet: string[] };
}

interface CaseView {
  id: string;
  version: number;
  state: string;
  allowedActions: string[];
  duplicateOf?: string;
  duplicateIds?: string[];
  possibleDuplicates?: { id: string; distanceMeters: number }[];
}

const send = (path: string, who: string, body?: unknown) =>
  t.api(path, {
    method: body === undefined ? 'GET' : 'POST',
    token: tokens[who] ?? '',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const ok = async <T>(response: Promise<Response>, status = 200): Promise<T> => {
  const answer = await response;
  expect(answer.status, await answer.clone().text()).toBe(status);
  return (await answer.json()) as T;
};

const refused = async (response: Promise<Response>, status: number): Promise<Problem> => {
  const answer = await response;
  expect(answer.status, await answer.clone().text()).toBe(status);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  return (await answer.json()) as Problem;
};

/** A refusal people read starts in Chinese (the English may follow in brackets). */
const ZH_FIRST = /^[\u4e00-\u9fff「]/;

const fileSuggestion = (who: string, coSignerIds: string[]) =>
  send('/suggestions', who, {
    title: '关于在青山河沿线增设水质自动监测站的建议',
    body: '建议在主要排口下游增设水质自动监测站，数据向代表公开。',
    category: 'ecology',
    coSignerIds,
  });

const actOn = (kind: 'suggestions' | 'cases', id: string, who: string, action: string, payload = {}) =>
  send(`/${kind}/${id}/transitions`, who, { action, payload });

/** Filed by the demo deputy with co-signers, accepted, assigned to ecology with water co-handling. */
const assignedSuggestion = async (coSigners: string[], coUnitIds = ['dept-water']) => {
  const filed = await ok<SuggestionView>(
    fileSuggestion(
      'deputy',
      coSigners.map((who) => ids[who] ?? who),
    ),
    201,
  );
  await ok(actOn('suggestions', filed.id, 'supervisor', 'accept'));
  return ok<SuggestionView>(
    actOn('suggestions', filed.id, 'supervisor', 'assign', { leadUnitId: 'dept-ecology', coUnitIds }),
  );
};

describe('co-handling opinions and the lead unit’s reply', () => {
  it('makes the reply wait for a due co-opinion, records a reason to proceed, and still takes the late opinion', async () => {
    const view = await assignedSuggestion(['deputy-zhao']);
    expect(view.awaitingCoOpinions).toEqual(['dept-water']);

    const early = await refused(
      actOn('suggestions', view.id, 'head', 'reply', { class: 'A', text: '已完成监测站选址。' }),
      409,
    );
    expect(early.detail).toMatch(ZH_FIRST);
    expect(early.detail).toContain('dept-water');
    expect(early.detail).toContain('proceedWithoutCoOpinion');

    const replied = await ok<SuggestionView>(
      actOn('suggestions', view.id, 'head', 'reply', {
        class: 'A',
        text: '已完成监测站选址。',
        proceedWithoutCoOpinion: { reason: '代表要求尽快答复，水务局意见另行补充' },
      }),
    );
    expect(replied.state).toBe('replied');
    expect(replied.replies[0]?.proceededWithoutCoOpinion).toEqual({
      unitIds: ['dept-water'],
      reason: '代表要求尽快答复，水务局意见另行补充',
    });

    // The co-unit is not locked out: its opinion is recorded after the reply, and marked so.
    const withOpinion = await ok<SuggestionView>(
      actOn('suggestions', view.id, 'handler-water', 'submitCoOpinion', { text: '同意选址，建议共享数据。' }),
    );
    expect(withOpinion.state).toBe('replied');
    expect(withOpinion.coOpinions).toEqual([
      expect.objectContaining({ unitId: 'dept-water', round: 0, late: false, afterReply: true }),
    ]);

    const timeline = await ok<{ entries: { action: string; details: Record<string, unknown> }[] }>(
      send(`/suggestions/${view.id}/timeline`, 'supervisor'),
    );
    const reply = timeline.entries.find((entry) => entry.action === 'reply');
    expect(reply?.details.proceededWithoutCoOpinion).toMatchObject({ unitIds: ['dept-water'] });
    expect(timeline.entries.at(-1)).toMatchObject({
      action: 'submitCoOpinion',
      details: { afterReply: true },
    });
  });

  it('replies without waiting once the co-unit has sent its opinion', async () => {
    const view = await assignedSuggestion([]);
    await ok(actOn('suggestions', view.id, 'head-water', 'submitCoOpinion', { text: '水务局配合。' }));
    const replied = await ok<SuggestionView>(
      actOn('suggestions', view.id, 'head', 'reply', { class: 'B', text: '列入明年计划。' }),
    );
    expect(replied.replies[0]?.proceededWithoutCoOpinion).toBeUndefined();
  });
});

describe('co-signers and rating rounds', () => {
  it('refuses made-up ids and non-deputies as co-signers (422 naming each field)', async () => {
    const problem = await refused(
      fileSuggestion('deputy', [ids['deputy-zhao'] ?? '', 'no-such-deputy', ids.handler ?? '']),
      422,
    );
    expect(problem.detail).toMatch(ZH_FIRST);
    expect(problem.errors?.map((error) => error.path)).toEqual([
      '/body/coSignerIds/1',
      '/body/coSignerIds/2',
    ]);
    // The demo deputy is seeded into the directory by the local stack, so she can co-sign.
    await ok(fileSuggestion('deputy-zhao', [ids.deputy ?? '']), 201);
  });

  it('keeps every co-signer’s rating after a 不满意, and re-handles when the round closes', async () => {
    const view = await assignedSuggestion(['deputy-zhao', 'deputy-qian'], []);
    await ok(actOn('suggestions', view.id, 'head', 'reply', { class: 'C', text: '受条件限制，暂缓。' }));

    const afterZhao = await ok<SuggestionView>(
      actOn('suggestions', view.id, 'deputy-zhao', 'rate', { rating: 'unsatisfied', comment: '理由不充分' }),
    );
    expect(afterZhao.state).toBe('replied');
    expect(afterZhao.ratingRound?.notRatedYet.sort()).toEqual([ids.deputy, ids['deputy-qian']].sort());
    // The one who rated is offered no second rating; the others still are.
    expect(afterZhao.allowedActions).not.toContain('rate');
    const seenByQian = await ok<SuggestionView>(send(`/suggestions/${view.id}`, 'deputy-qian'));
    expect(seenByQian.allowedActions).toContain('rate');
    const again = await refused(
      actOn('suggestions', view.id, 'deputy-zhao', 'rate', { rating: 'satisfied' }),
      409,
    );
    expect(again.detail).toMatch(ZH_FIRST);

    expect(
      (await ok<SuggestionView>(actOn('suggestions', view.id, 'deputy', 'rate', { rating: 'satisfied' })))
        .state,
    ).toBe('replied');
    const closed = await ok<SuggestionView>(
      actOn('suggestions', view.id, 'deputy-qian', 'rate', { rating: 'basicallySatisfied' }),
    );
    expect(closed).toMatchObject({ state: 'rehandling', rehandlingCount: 1 });
    expect(closed.ratings.map((rating) => [rating.deputyId, rating.rating])).toEqual([
      [ids['deputy-zhao'], 'unsatisfied'],
      [ids.deputy, 'satisfied'],
      [ids['deputy-qian'], 'basicallySatisfied'],
    ]);
  });

  it('closes a round after its 15 days with the ratings given, when next listed or read', async () => {
    // Replied 20 days ago (seeded through the real domain and store); one of two deputies rated.
    const day = 24 * 3600_000;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
    const record = await seedSuggestionSteps(t, {
      filer: { userId: ids.deputy ?? '', username: 'deputy-li', roles: ['deputy'] },
      coSignerIds: [ids['deputy-zhao'] ?? ''],
      filedAt: at(40),
      steps: [
        ['accept', 'supervisor', at(39)],
        ['assign', 'supervisor', at(39), { leadUnitId: 'dept-ecology', coUnitIds: [] }],
        ['reply', 'head', at(20), { class: 'B', text: '正在推进。' }],
        ['rate', 'deputy', at(18), { rating: 'satisfied' }],
      ],
      principals: {
        supervisor: { userId: ids.supervisor ?? '', username: 'supervisor-wang', roles: ['supervisor'] },
        head: { userId: ids.head ?? '', username: 'head-eco', roles: ['head'], departmentId: 'dept-ecology' },
        deputy: { userId: ids.deputy ?? '', username: 'deputy-li', roles: ['deputy'] },
      },
    });
    expect(record.state).toBe('replied');

    // Listed, it is no longer shown awaiting ratings; read again, it was closed once, not twice.
    const listed = await ok<{ items: SuggestionView[] }>(send('/suggestions?limit=50', 'deputy-zhao'));
    expect(listed.items.find((item) => item.id === record.id)?.state).toBe('followingUp');
    const seen = await ok<SuggestionView>(send(`/suggestions/${record.id}`, 'deputy-zhao'));
    expect(seen).toMatchObject({ state: 'followingUp', version: record.version + 1 });
    expect(seen.allowedActions).not.toContain('rate');
    const late = await refused(
      actOn('suggestions', record.id, 'deputy-zhao', 'rate', { rating: 'unsatisfied' }),
      409,
    );
    expect(late.detail).toMatch(ZH_FIRST);
    const timeline = await ok<{
      entries: { action: string; actorRole: string; details: Record<string, unknown> }[];
    }>(send(`/suggestions/${record.id}/timeline`, 'supervisor'));
    expect(timeline.entries.at(-1)).toMatchObject({
      action: 'closeRatingRound',
      actorRole: 'system',
      details: { outcome: 'followingUp', notRated: [ids['deputy-zhao']] },
    });
  });
});

describe('permission before state, zh-CN refusals (suggestions)', () => {
  it('answers a co-unit head replying 403 whatever the state, in Chinese first', async () => {
    const view = await assignedSuggestion([]);
    await ok(actOn('suggestions', view.id, 'head-water', 'submitCoOpinion', { text: '同意。' }));
    await ok(actOn('suggestions', view.id, 'head', 'reply', { class: 'A', text: '已解决。' }));
    // In `replied` a reply is out of state (409) — but the co-unit head may never reply: 403 first.
    const asCoHead = await refused(
      actOn('suggestions', view.id, 'head-water', 'reply', { class: 'A', text: 'x' }),
      403,
    );
    expect(asCoHead.detail).toMatch(/^无权对此代表建议执行「答复」操作/);
    const again = await refused(
      actOn('suggestions', view.id, 'head', 'reply', { class: 'A', text: 'x' }),
      409,
    );
    expect(again.detail).toMatch(/^代表建议当前状态为「已答复」，不能执行「答复」操作/);
  });
});

const submitCase = async (who: string, offsetMetres = 0): Promise<CaseView> => {
  const here = offsetNorth({ latitude: 30.61, longitude: 114.42 }, offsetMetres);
  return ok<CaseView>(
    send('/cases', who, {
      categoryId: 'waterPollution',
      title: '河道漂浮物',
      description: '桥下河面有大量漂浮垃圾',
      location: here,
      mediaIds: [await uploadReadyPhoto(t, tokens[who] ?? '')],
    }),
    201,
  );
};

describe('duplicates', () => {
  it('refuses a duplicateOf that names no case (422), links the original back, and shows candidates to accepting staff', async () => {
    const original = await submitCase('deputy');
    const second = await submitCase('deputy-zhao', 20);

    // The reporter of the second case does not see the first (private, not hers) …
    expect(
      (await ok<CaseView>(send(`/cases/${second.id}`, 'deputy-zhao'))).possibleDuplicates,
    ).toBeUndefined();
    // … the supervisor, who accepts cases, sees it as a candidate on GET.
    const seenBySupervisor = await ok<CaseView>(send(`/cases/${second.id}`, 'supervisor'));
    expect(seenBySupervisor.possibleDuplicates?.map((candidate) => candidate.id)).toEqual([original.id]);

    const missing = await refused(
      actOn('cases', second.id, 'supervisor', 'markDuplicate', { duplicateOf: 'no-such-case' }),
      422,
    );
    expect(missing.detail).toMatch(ZH_FIRST);
    expect(missing.errors?.map((error) => error.path)).toEqual(['/body/payload/duplicateOf']);
    expect((await ok<CaseView>(send(`/cases/${second.id}`, 'supervisor'))).state).toBe('submitted');

    const marked = await ok<CaseView>(
      actOn('cases', second.id, 'supervisor', 'markDuplicate', { duplicateOf: original.id }),
    );
    expect(marked).toMatchObject({ state: 'duplicate', duplicateOf: original.id });
    const linked = await ok<CaseView>(send(`/cases/${original.id}`, 'supervisor'));
    expect(linked).toMatchObject({ state: 'submitted', version: 2, duplicateIds: [second.id] });
    const timeline = await ok<{ entries: { action: string; details: Record<string, unknown> }[] }>(
      send(`/cases/${original.id}/timeline`, 'supervisor'),
    );
    expect(timeline.entries.map((entry) => entry.action)).toEqual(['submit', 'linkDuplicate']);

    // A duplicate of a duplicate names the original instead.
    const third = await submitCase('deputy', 30);
    const chained = await refused(
      actOn('cases', third.id, 'supervisor', 'markDuplicate', { duplicateOf: second.id }),
      422,
    );
    expect(chained.detail).toContain(original.id);
  });
});

describe('allowedActions and permission before state (cases)', () => {
  it('stops offering rate once the reporter rated, and answers a handler verifying 403 before any state', async () => {
    const created = await submitCase('deputy', 2000);
    await ok(actOn('cases', created.id, 'supervisor', 'accept'));
    await ok(actOn('cases', created.id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' }));

    // Dispatched, not awaiting verification: the handler is refused for who they are (403), not the state.
    const verify = await refused(actOn('cases', created.id, 'handler', 'verify'), 403);
    expect(verify.detail).toMatch(/^无权对此案件执行「核实」操作/);
    // Who may act comes before the version read, too.
    const stale = await refused(
      send(`/cases/${created.id}/transitions`, 'handler', { action: 'verify', version: 1 }),
      403,
    );
    expect(stale.detail).toMatch(ZH_FIRST);
    // The supervisor may verify, but not yet: 409, in Chinese first.
    const early = await refused(actOn('cases', created.id, 'supervisor', 'verify'), 409);
    expect(early.detail).toMatch(/^案件当前状态为「已派遣」，不能执行「核实」操作/);

    await ok(actOn('cases', created.id, 'handler', 'signFor'));
    await ok(
      actOn('cases', created.id, 'handler', 'submitRectification', {
        mediaIds: [await uploadReadyPhoto(t, tokens.handler ?? '')],
      }),
    );
    await ok(actOn('cases', created.id, 'head', 'headSignOff'));
    const closed = await ok<CaseView>(actOn('cases', created.id, 'supervisor', 'verify'));
    expect(closed.state).toBe('closed');
    expect((await ok<CaseView>(send(`/cases/${created.id}`, 'deputy'))).allowedActions).toEqual(['rate']);
    const rated = await ok<CaseView>(actOn('cases', created.id, 'deputy', 'rate', { rating: 'satisfied' }));
    expect(rated.allowedActions).toEqual([]);
    expect((await ok<CaseView>(send(`/cases/${created.id}`, 'deputy'))).allowedActions).toEqual([]);
    const twice = await refused(actOn('cases', created.id, 'deputy', 'rate', { rating: 'satisfied' }), 409);
    expect(twice.detail).toMatch(ZH_FIRST);
  });
});
