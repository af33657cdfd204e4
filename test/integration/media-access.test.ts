import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../shared/adapters/dynamodb/case-store.ts';
import { DynamoMediaCatalog } from '../../shared/adapters/dynamodb/media-catalog.ts';
import { tableName } from '../../shared/config/env.ts';
import { submitCase } from '../../shared/domain/cases/submit-case.ts';
import { UnprocessableError } from '../../shared/domain/errors.ts';
import { lostCitation } from '../../shared/domain/media/media-attachment.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { GPS_LATITUDE, uploadReadyPhoto } from '../support/media-fixtures.ts';

/**
 * Issue 14, privacy and access: who may read which copy of a file, who may cite it, and what other
 * deputies learn about a public case's reporter. Every answer is read over HTTP from the local stack.
 */

let t: TestStack;
const tokens: Record<string, string> = {};
let reporterSub = '';

beforeAll(async () => {
  t = await startTestStack();
  for (const role of ['deputy', 'handler', 'head', 'supervisor', 'admin'] as const) {
    tokens[role] = t.stack.users[role].token;
  }
  reporterSub = t.stack.users.deputy.user.sub;
  const person = (sub: string, groups: ('deputy' | 'handler' | 'head')[], department?: string) =>
    t.stack.issueToken({ sub, username: sub, groups, ...(department ? { department } : {}) });
  [tokens.otherDeputy, tokens.colleague, tokens.waterHandler, tokens.urbanHead] = await Promise.all([
    person('deputy-zhou-sub', ['deputy']),
    person('handler-eco-2-sub', ['handler'], 'dept-ecology'),
    person('handler-water-sub', ['handler'], 'dept-water'),
    person('head-urban-sub', ['head'], 'dept-urban-management'),
  ]);
});
afterAll(async () => {
  await t?.close();
});

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}
interface MediaView {
  ownerId?: string;
  sha256?: string;
  download?: { variant: string; url: string };
}

const send = (path: string, who: string, body?: unknown) =>
  t.api(path, {
    method: body === undefined ? 'GET' : 'POST',
    token: tokens[who] ?? '',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const json = async <T>(response: Promise<Response>, status: number): Promise<T> => {
  const answer = await response;
  expect(answer.status, await answer.clone().text()).toBe(status);
  return (await answer.json()) as T;
};

const upload = (who: string) => uploadReadyPhoto(t, tokens[who] ?? '');

const report = async (fields: Record<string, unknown> = {}, who = 'deputy') =>
  json<{ id: string }>(
    send('/cases', who, {
      categoryId: 'waterPollution',
      title: '河道排污',
      description: '排污口有黑水排出',
      location: { latitude: 30.58, longitude: 114.29 },
      ...fields,
    }),
    201,
  );

const act = (id: string, who: string, action: string, payload: unknown = {}) =>
  send(`/cases/${id}/transitions`, who, { action, payload });
const actOk = (id: string, who: string, action: string, payload: unknown = {}) =>
  json<{ state: string }>(act(id, who, action, payload), 200);

/** A case dispatched to the ecology bureau and signed for by its handler. */
const inProgress = async (fields: Record<string, unknown> = {}) => {
  const { id } = await report(fields);
  await actOk(id, 'supervisor', 'accept');
  await actOk(id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' });
  await actOk(id, 'handler', 'signFor');
  return id;
};

const media = (id: string, who: string, variant?: 'original') =>
  send(`/media/${id}${variant ? '?variant=original' : ''}`, who);

/** The downloaded bytes of what `who` is given for `id`, and which copy it was. */
const download = async (id: string, who: string, variant?: 'original') => {
  const view = await json<MediaView>(media(id, who, variant), 200);
  const bytes = Buffer.from(await (await fetch(view.download?.url ?? '')).arrayBuffer());
  return { view, variant: view.download?.variant, located: bytes.includes(GPS_LATITUDE) };
};

describe('the original (with GPS) follows the record the file belongs to', () => {
  it('hides a private case’s photo from staff of other and unassigned departments until dispatch', async () => {
    const photo = await upload('deputy');
    const { id } = await report({ mediaIds: [photo] });

    for (const who of ['handler', 'head', 'waterHandler', 'urbanHead', 'otherDeputy']) {
      expect((await media(photo, who, 'original')).status, who).toBe(404);
      expect((await media(photo, who)).status, who).toBe(404);
    }
    expect(await download(photo, 'supervisor', 'original')).toMatchObject({
      variant: 'original',
      located: true,
    });
    expect(await download(photo, 'admin', 'original')).toMatchObject({ located: true });
    expect(await download(photo, 'deputy', 'original')).toMatchObject({ located: true });

    await actOk(id, 'supervisor', 'accept');
    await actOk(id, 'supervisor', 'dispatch', {
      leadDepartmentId: 'dept-ecology',
      coDepartmentIds: ['dept-water'],
    });
    expect(await download(photo, 'handler', 'original')).toMatchObject({ located: true });
    expect(await download(photo, 'waterHandler', 'original')).toMatchObject({ located: true });
    expect((await media(photo, 'urbanHead', 'original')).status).toBe(404);
  });

  it('lets only the uploader read a file attached to nothing', async () => {
    const loose = await upload('deputy');
    const staffLoose = await upload('handler');
    for (const who of ['handler', 'head', 'supervisor', 'admin', 'otherDeputy']) {
      expect((await media(loose, who, 'original')).status, who).toBe(404);
      expect((await media(loose, who)).status, who).toBe(404);
    }
    for (const who of ['head', 'colleague', 'supervisor']) {
      expect((await media(staffLoose, who)).status, who).toBe(404);
    }
    expect(await download(loose, 'deputy', 'original')).toMatchObject({ located: true });
    expect(await download(staffLoose, 'handler', 'original')).toMatchObject({ located: true });
  });
});

describe('whoever may read a case reads its location-free copies', () => {
  it('gives the reporting deputy the rectification photo they rate, without location', async () => {
    const id = await inProgress();
    const evidence = await upload('handler');
    await actOk(id, 'handler', 'submitRectification', { mediaIds: [evidence] });

    const seen = await download(evidence, 'deputy');
    expect(seen).toMatchObject({ variant: 'public', located: false });
    expect(seen.view.ownerId).toBeUndefined();
    expect((await media(evidence, 'deputy', 'original')).status).toBe(404);
    expect(await download(evidence, 'head', 'original')).toMatchObject({ located: true });
  });

  it('gives other deputies the public copy of a public case’s photos, never the original or the owner', async () => {
    const photo = await upload('deputy');
    const privatePhoto = await upload('deputy');
    await report({ mediaIds: [photo], isPublic: true });
    await report({ mediaIds: [privatePhoto] });

    const seen = await download(photo, 'otherDeputy');
    expect(seen).toMatchObject({ variant: 'public', located: false });
    expect(JSON.stringify(seen.view)).not.toContain(reporterSub);
    expect(seen.view.sha256).toBeUndefined();
    expect((await media(photo, 'otherDeputy', 'original')).status).toBe(404);
    expect((await media(privatePhoto, 'otherDeputy')).status).toBe(404);
  });
});

describe('a file is cited once, by its uploader or the uploader’s department', () => {
  const refusedPath = async (response: Promise<Response>, status = 422) => {
    const problem = await json<Problem>(response, status);
    expect(problem.detail).toMatch(/^[\u4e00-\u9fff]/);
    return problem.errors?.map((error) => error.path);
  };

  it('refuses evidence uploaded by another department, accepts a colleague’s', async () => {
    const id = await inProgress();
    const foreign = await upload('waterHandler');
    expect(await refusedPath(act(id, 'handler', 'submitRectification', { mediaIds: [foreign] }))).toEqual([
      '/body/payload/mediaIds/0',
    ]);
    const colleagues = await upload('colleague');
    expect((await actOk(id, 'handler', 'submitRectification', { mediaIds: [colleagues] })).state).toBe(
      'rectified',
    );
  });

  it('refuses a reopened case’s old evidence', async () => {
    const id = await inProgress();
    const evidence = await upload('handler');
    await actOk(id, 'handler', 'submitRectification', { mediaIds: [evidence] });
    await actOk(id, 'head', 'headSignOff');
    await actOk(id, 'supervisor', 'verify');
    await actOk(id, 'deputy', 'rate', { rating: 'unsatisfied' });
    await actOk(id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' });
    await actOk(id, 'handler', 'signFor');

    const again = act(id, 'handler', 'submitRectification', { mediaIds: [evidence] });
    expect(await refusedPath(again)).toEqual(['/body/payload/mediaIds/0']);
  });

  it('attaches one file to one case: later and concurrent citations are refused naming the field', async () => {
    const photo = await upload('deputy');
    await report({ mediaIds: [photo] });
    expect(await refusedPath(send('/cases', 'deputy', { ...caseBody(), mediaIds: [photo] }))).toEqual([
      '/body/mediaIds/0',
    ]);

    const contested = await upload('deputy');
    const answers = await Promise.all(
      [0, 1, 2].map(() => send('/cases', 'deputy', { ...caseBody(), mediaIds: [contested] })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422]);
    for (const answer of answers.filter((a) => a.status === 422)) {
      const problem = (await answer.json()) as Problem;
      expect(problem.errors?.map((e) => e.path)).toEqual(['/body/mediaIds/0']);
    }
    expect(await refusedPath(send('/cases', 'deputy', { ...caseBody(), mediaIds: [photo, photo] }))).toEqual(
      expect.arrayContaining(['/body/mediaIds/1']),
    );
  });

  it('answers every concurrent retry of one Idempotency-Key with the case that took the file', async () => {
    for (let round = 0; round < 6; round++) {
      const photo = await upload('deputy');
      const retry = () =>
        t.api('/cases', {
          method: 'POST',
          token: tokens.deputy ?? '',
          headers: { 'content-type': 'application/json', 'idempotency-key': `media-retry-${photo}` },
          body: JSON.stringify({ ...caseBody(), mediaIds: [photo] }),
        });
      const answers = await Promise.all([retry(), retry(), retry(), retry()]);
      const bodies = await Promise.all(answers.map(async (a) => `${a.status} ${await a.text()}`));
      expect(
        answers.map((a) => a.status),
        bodies.join('\n'),
      ).toEqual([201, 201, 201, 201]);
      const ids = bodies.map((b) => (JSON.parse(b.slice(4)) as { id: string }).id);
      expect(new Set(ids).size).toBe(1);
    }
  });

  it('refuses in the transaction itself a second record claiming a file, whatever was checked before', async () => {
    // The check before the write is skipped here: the conditional claim alone must hold the line.
    const table = tableName('workflow', t.stack.env);
    const store = new DynamoCaseStore(t.dynamo, table);
    const catalog = new DynamoMediaCatalog(t.dynamo, table);
    const photo = await upload('deputy');
    const { user } = t.stack.users.deputy;
    const principal = { userId: user.sub, username: user.username, roles: user.groups };
    const write = (id: string) => {
      const { record, entry } = submitCase({
        id,
        principal,
        payload: { ...caseBody(), mediaIds: [photo] },
        at: new Date(),
      });
      const attachment = { kind: 'case', id, part: 'report', seq: 1, by: user.sub, at: entry.at } as const;
      const claims = [catalog.attachClaim(photo, attachment, lostCitation('/body/mediaIds', 0, photo))];
      return store.create({ record, entry }, { claims });
    };
    await write(`claim-a-${photo}`);
    const lost = await write(`claim-b-${photo}`).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(UnprocessableError);
    expect((lost as UnprocessableError).errors.map((e) => e.path)).toEqual(['/body/mediaIds/0']);
    expect((lost as Error).message).toMatch(/^附件不可用 \(mediaIds\[0\]: .*已被其他记录引用/);
    expect(await store.get(`claim-b-${photo}`)).toBeUndefined();
  });

  it('checks comment media the same way and lets the case’s readers open them', async () => {
    const { id } = await report({ isPublic: true });
    const comment = (who: string, mediaIds: string[]) =>
      send(`/cases/${id}/comments`, who, { text: '补充照片', mediaIds });
    expect(await refusedPath(comment('deputy', ['no-such-media']))).toEqual(['/body/mediaIds/0']);
    expect(await refusedPath(comment('deputy', [await upload('otherDeputy')]))).toEqual(['/body/mediaIds/0']);

    const own = await upload('deputy');
    expect((await comment('deputy', [own])).status).toBe(201);
    expect(await refusedPath(comment('deputy', [own]))).toEqual(['/body/mediaIds/0']);
    expect(await download(own, 'otherDeputy')).toMatchObject({ variant: 'public', located: false });
    expect(await download(own, 'supervisor', 'original')).toMatchObject({ located: true });
  });

  it('applies the same rules to a suggestion’s attachments and reply media', async () => {
    const file = (attachments: string[]) =>
      send('/suggestions', 'deputy', {
        title: '关于河道治理的建议',
        body: '建议加强巡查。',
        category: 'ecology',
        attachments,
      });
    expect(await refusedPath(file([await upload('otherDeputy')]))).toEqual(['/body/attachments/0']);
    const attachment = await upload('deputy');
    const { id } = await json<{ id: string }>(file([attachment]), 201);
    expect(await refusedPath(file([attachment]))).toEqual(['/body/attachments/0']);
    expect((await media(attachment, 'handler')).status).toBe(404);

    await json(send(`/suggestions/${id}/transitions`, 'supervisor', { action: 'accept', payload: {} }), 200);
    const assign = { action: 'assign', payload: { leadUnitId: 'dept-ecology' } };
    await json(send(`/suggestions/${id}/transitions`, 'supervisor', assign), 200);
    expect(await download(attachment, 'handler', 'original')).toMatchObject({ located: true });

    const reply = (mediaIds: string[]) =>
      send(`/suggestions/${id}/transitions`, 'head', {
        action: 'reply',
        payload: { class: 'A', text: '已采纳', mediaIds },
      });
    expect(await refusedPath(reply([await upload('waterHandler')]))).toEqual(['/body/payload/mediaIds/0']);
    const replyPhoto = await upload('handler');
    await json(reply([replyPhoto]), 200);
    expect(await download(replyPhoto, 'deputy')).toMatchObject({ variant: 'public', located: false });
    expect((await media(replyPhoto, 'urbanHead')).status).toBe(404);
  });
});

const caseBody = () => ({
  categoryId: 'waterPollution',
  title: '河道排污',
  description: '排污口有黑水排出',
});

describe('other deputies do not learn who reported a public case', () => {
  it('shows no reporter id on the case, the list, the timeline or the comments; a name only if allowed', async () => {
    const photo = await upload('deputy');
    const hidden = await report({ mediaIds: [photo], isPublic: true });
    const named = await report({ isPublic: true, showReporterName: true });
    await actOk(hidden.id, 'supervisor', 'accept');
    await json(send(`/cases/${hidden.id}/comments`, 'deputy', { text: '晚上更严重' }), 201);

    const reads = [
      `/cases/${hidden.id}`,
      `/cases/${hidden.id}/timeline`,
      `/cases/${hidden.id}/comments`,
      '/cases?limit=100',
      `/media/${photo}`,
    ];
    for (const path of reads) {
      const text = await (await send(path, 'otherDeputy')).text();
      expect(text, path).toContain('"');
      expect(text, path).not.toContain(reporterSub);
    }
    const hiddenView = await json<Record<string, unknown>>(send(`/cases/${hidden.id}`, 'otherDeputy'), 200);
    expect(hiddenView.reporterName).toBeUndefined();
    const namedView = await json<Record<string, unknown>>(send(`/cases/${named.id}`, 'otherDeputy'), 200);
    expect(namedView).toMatchObject({ reporterName: '李代表' });
    expect(namedView.reporterId).toBeUndefined();

    // A filter by reporter cannot be used to find out whose public cases these are.
    const probe = await json<{ items: unknown[] }>(
      send(`/cases?reporter=${reporterSub}`, 'otherDeputy'),
      200,
    );
    expect(probe.items).toEqual([]);
    // Staff and the reporter keep the id.
    for (const who of ['supervisor', 'deputy']) {
      expect(await json(send(`/cases/${hidden.id}`, who), 200)).toMatchObject({ reporterId: reporterSub });
    }
  });
});

describe('no deputy reads another deputy’s id on a case', () => {
  interface Comment {
    text: string;
    authorId?: string;
    authorRole: string;
    authorLabel?: string;
    byReporter?: boolean;
  }
  const comments = async (id: string, who: string) =>
    (await json<{ items: Comment[] }>(send(`/cases/${id}/comments`, who), 200)).items;
  const byText = (items: Comment[], text: string) => items.find((item) => item.text === text);

  it('shows the reporter a role label for other deputies, their own id and the staff’s', async () => {
    const { id } = await report({ isPublic: true });
    await actOk(id, 'supervisor', 'accept');
    await actOk(id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' });
    await json(send(`/cases/${id}/comments`, 'otherDeputy', { text: '我也看到了' }), 201);
    await json(send(`/cases/${id}/comments`, 'deputy', { text: '今天仍在排放' }), 201);
    await json(send(`/cases/${id}/comments`, 'handler', { text: '已安排现场核查' }), 201);

    const read = await comments(id, 'deputy');
    expect(byText(read, '我也看到了')).toMatchObject({ authorRole: 'deputy', authorLabel: '代表' });
    expect(byText(read, '我也看到了')).not.toHaveProperty('authorId');
    expect(byText(read, '今天仍在排放')?.authorId).toBe(reporterSub);
    expect(byText(read, '已安排现场核查')?.authorId).toBe(t.stack.users.handler.user.sub);
    for (const path of [`/cases/${id}/comments`, `/cases/${id}/timeline`]) {
      expect(await (await send(path, 'deputy')).text(), path).not.toContain('deputy-zhou-sub');
    }

    // The other deputy reads their own id, and no one else's: the reporter and the staff by role.
    const theirs = await comments(id, 'otherDeputy');
    expect(byText(theirs, '我也看到了')?.authorId).toBe('deputy-zhou-sub');
    expect(byText(theirs, '今天仍在排放')).toMatchObject({ byReporter: true, authorLabel: '代表' });
    expect(byText(theirs, '已安排现场核查')).toMatchObject({
      authorRole: 'handler',
      authorLabel: '承办人员',
    });
    expect(byText(theirs, '已安排现场核查')).not.toHaveProperty('authorId');
    // Staff keep every id.
    expect(byText(await comments(id, 'supervisor'), '我也看到了')?.authorId).toBe('deputy-zhou-sub');
  });
});
