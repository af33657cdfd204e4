import type { TestStack } from '../local-stack.ts';
import { requestSlot, uploadReadyPhoto } from '../media-fixtures.ts';
import { DEPT1, DEPT2, type PrincipalName, type Principals } from './principals.ts';

/**
 * The cases, suggestions, comments and files of the matrix, made through the API as their users
 * would make them. Names (the keys of the returned record) are what the expected table refers to:
 *
 * cases      aPrivate      deputy A's, private, submitted
 *            aPublic       deputy A's, public, submitted (deputy B comments on it with a photo)
 *            bPrivate      deputy B's, private, submitted
 *            dispatched    deputy A's, private, dispatched to department 1 alone
 *            dispatchedCo  deputy A's, private, dispatched to department 1 with department 2 as
 *                          co-department, signed for and rectified by department 1 (with evidence)
 *            redispatched  deputy A's, private, dispatched to department 1, returned by it, then
 *                          dispatched to department 2
 * suggestions assigned     deputy A's with deputy B co-signing, assigned: lead 1, co-unit 2
 *            lead1         deputy B's alone, assigned to department 1 alone
 *            unassigned    deputy A's, submitted
 *            handedBack    deputy A's, assigned to department 1, handed back, assigned to 2
 *            split         deputy A's, assigned separately: part 1 to department 1 (`splitPart1`),
 *                          part 2 to the urban management bureau
 * media      one per case and suggestion above (its reporter's or filer's photo), `evidence` (the
 *            department 1 handler's rectification photo), `comment` (B's photo in the comment),
 *            `looseA` and `looseHandler1` (attached to nothing), `pendingB` (a slot, nothing uploaded)
 */
export const buildWorkflowFixtures = async (t: TestStack, p: Principals): Promise<Record<string, string>> => {
  const fx: Record<string, string> = {};
  const token = (who: PrincipalName) => p.tokens[who] ?? '';
  const call = async (who: PrincipalName, path: string, body: unknown, status = 200) => {
    const answer = await t.api(path, {
      method: 'POST',
      token: token(who),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await answer.text();
    if (answer.status !== status) throw new Error(`fixture ${path} as ${who}: ${answer.status} ${text}`);
    return JSON.parse(text) as { id: string };
  };
  const photo = async (name: string, who: PrincipalName) => {
    fx[`media.${name}`] = await uploadReadyPhoto(t, token(who));
    return fx[`media.${name}`] as string;
  };
  const report = async (name: string, who: PrincipalName, isPublic: boolean) => {
    const mediaIds = [await photo(name, who)];
    const body = { ...CASE_BODY, isPublic, mediaIds };
    fx[`case.${name}`] = (await call(who, '/cases', body, 201)).id;
    return fx[`case.${name}`] as string;
  };
  const act = (kind: 'cases' | 'suggestions', id: string, who: PrincipalName, action: string, payload = {}) =>
    call(who, `/${kind}/${id}/transitions`, { action, payload });

  const dispatch = async (name: string, departments: Record<string, unknown>) => {
    const id = await report(name, 'deputyA', false);
    await act('cases', id, 'supervisor', 'accept');
    await act('cases', id, 'supervisor', 'dispatch', departments);
    return id;
  };
  const file = async (name: string, who: PrincipalName, coSignerIds: string[], assignment?: object) => {
    const attachments = [await photo(`sug.${name}`, who)];
    const body = { ...SUGGESTION_BODY, coSignerIds, attachments };
    const id = (await call(who, '/suggestions', body, 201)).id;
    fx[`sug.${name}`] = id;
    if (assignment === undefined) return id;
    await act('suggestions', id, 'supervisor', 'accept');
    await act('suggestions', id, 'supervisor', 'assign', assignment);
    return id;
  };
  // Independent chains side by side; each step within a chain waits for the one before.
  await Promise.all([
    report('aPrivate', 'deputyA', false),
    report('bPrivate', 'deputyB', false),
    dispatch('dispatched', { leadDepartmentId: DEPT1 }),
    (async () => {
      const aPublic = await report('aPublic', 'deputyA', true);
      const mediaIds = [await photo('comment', 'deputyB')];
      await call('deputyB', `/cases/${aPublic}/comments`, { text: '夜间更严重', mediaIds }, 201);
    })(),
    (async () => {
      const id = await dispatch('dispatchedCo', { leadDepartmentId: DEPT1, coDepartmentIds: [DEPT2] });
      await act('cases', id, 'handler1', 'signFor');
      const evidence = await photo('evidence', 'handler1');
      await act('cases', id, 'handler1', 'submitRectification', { mediaIds: [evidence] });
    })(),
    file('assigned', 'deputyA', [p.ids.deputyB], { leadUnitId: DEPT1, coUnitIds: [DEPT2] }),
    file('lead1', 'deputyB', [], { leadUnitId: DEPT1 }),
    file('unassigned', 'deputyA', []),
    (async () => {
      const id = await dispatch('redispatched', { leadDepartmentId: DEPT1 });
      await act('cases', id, 'handler1', 'returnToDispatcher', { reason: '不属于本局职责' });
      await act('cases', id, 'supervisor', 'dispatch', { leadDepartmentId: DEPT2 });
    })(),
    (async () => {
      const id = await file('handedBack', 'deputyA', [], { leadUnitId: DEPT1 });
      await act('suggestions', id, 'handler1', 'requestHandBack', { reason: '不属于本局职责' });
      await act('suggestions', id, 'supervisor', 'approveHandBack');
      await act('suggestions', id, 'supervisor', 'assign', { leadUnitId: DEPT2 });
    })(),
    (async () => {
      const id = await file('split', 'deputyA', []);
      await act('suggestions', id, 'supervisor', 'accept');
      const parts = [{ leadUnitId: DEPT1 }, { leadUnitId: OTHER_DEPT }];
      await act('suggestions', id, 'supervisor', 'assignSeparately', { parts });
      fx['sug.splitPart1'] = `${id}.1`;
    })(),
    photo('looseA', 'deputyA'),
    photo('looseHandler1', 'handler1'),
    (async () => {
      fx['media.pendingB'] = (await requestSlot(t, token('deputyB'), 'image/jpeg', 1024)).uploadId;
    })(),
  ]);
  return fx;
};

/** A third department, so that department 2 stays outside a split suggestion. */
const OTHER_DEPT = 'dept-urban-management';

const CASE_BODY = {
  categoryId: 'waterPollution',
  title: '河道排污',
  description: '青山河东岸排污口有黑水排出',
  location: { latitude: 30.52, longitude: 114.31 },
};

const SUGGESTION_BODY = {
  title: '关于加强青山河排污口巡查的建议',
  body: '建议按月公布排污口巡查结果。',
  category: 'ecology',
};
