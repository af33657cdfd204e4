import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import type { Problem } from '../../shared/contracts/problem.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

let t: TestStack;
let caseId: string;

beforeAll(async () => {
  t = await startTestStack();
  const created = await t.api('/cases', {
    method: 'POST',
    token: t.stack.users.deputy.token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ categoryId: 'noise', title: '夜间施工噪声', description: '工地凌晨施工' }),
  });
  expect(created.status).toBe(201);
  caseId = ((await created.json()) as { id: string }).id;
  for (const text of ['第一条', '第二条', '第三条']) {
    const comment = await t.api(`/cases/${caseId}/comments`, {
      method: 'POST',
      token: t.stack.users.deputy.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    expect(comment.status).toBe(201);
  }
});
afterAll(async () => {
  await t?.close();
});

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const json = (value: unknown) => b64(JSON.stringify(value));

/** Cursors no list ever issued: garbage, base64 of garbage, JSON of the wrong shape, huge values. */
const FORGED: Record<string, string> = {
  garbage: '%%%not-base64!!',
  'base64 of garbage': b64('\u0000\u00ff garbage }{'),
  'base64 of a JSON array': json([1, 2, 3]),
  'base64 of a JSON string': json('pk'),
  'numbers for keys': json({ pk: 1, sk: 2, gsi1pk: 3, gsi1sk: 4 }),
  'nested objects': json({ pk: { S: 'x' }, sk: { S: 'y' } }),
  'an empty object': json({}),
  'unknown attributes': json({ foo: 'bar', baz: 'qux' }),
  'another partition': json({ pk: 'X', sk: 'Y', gsi1pk: 'SOMEONE#ELSE', gsi1sk: 'Z' }),
  'a huge key': json({ pk: 'p'.repeat(1400), sk: 's' }),
  'empty strings': json({ pk: '', sk: '', gsi1pk: '', gsi1sk: '' }),
};

const LISTS: { name: string; path: () => string; role: 'supervisor' | 'admin' | 'deputy' }[] = [
  { name: '/enterprises', path: () => '/enterprises?limit=1', role: 'supervisor' },
  { name: '/meters', path: () => '/meters?limit=1', role: 'supervisor' },
  { name: '/enterprises/{id}/audit', path: () => '/enterprises/ENT-0001/audit?limit=1', role: 'admin' },
  { name: '/meters/{id}/audit', path: () => '/meters/MTR-0001/audit?limit=1', role: 'admin' },
  { name: '/cases/{id}/comments', path: () => `/cases/${caseId}/comments?limit=1`, role: 'deputy' },
  { name: '/reports', path: () => '/reports?kind=carbon-daily&limit=1', role: 'supervisor' },
  { name: '/quarantine', path: () => '/quarantine?date=2026-11-29&limit=1', role: 'admin' },
  { name: '/alerts', path: () => '/alerts?limit=1', role: 'supervisor' },
  { name: '/cases', path: () => '/cases?limit=1', role: 'deputy' },
  { name: '/suggestions', path: () => '/suggestions?limit=1', role: 'deputy' },
];

describe.each(LISTS)('GET $name with a forged cursor', ({ path, role }) => {
  it.each(Object.entries(FORGED))('answers 400 naming /query/cursor for %s', async (_label, cursor) => {
    const response = await t.api(`${path()}&cursor=${encodeURIComponent(cursor)}`, {
      token: t.stack.users[role].token,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.map((error) => error.path)).toEqual(['/query/cursor']);
    expect(problem.errors?.[0]?.message).toMatch(/^[\u4e00-\u9fff]/);
  });
});

describe('GET /emissions/trace with a forged cursor', () => {
  beforeAll(async () => {
    // A day figure of MTR-0001, so the trace reads its batch log from the cursor's start key.
    await t.dynamo.send(
      new PutCommand({
        TableName: localTableName('carbon'),
        Item: { pk: rollupPk('meter', 'MTR-0001', 'day'), sk: '2026-11-28', co2eT: 1, readings: 1 },
      }),
    );
  });

  it.each([
    [
      'a start key of another meter',
      json({ m: 0, k: { pk: rollupPk('meter', 'MTR-0002', 'hour'), sk: '2026-11-28T09' } }),
    ],
    [
      'a start key outside the period',
      json({ m: 0, k: { pk: rollupPk('meter', 'MTR-0001', 'hour'), sk: '1999-01-01T00' } }),
    ],
    ['a start key that is a list', json({ m: 0, k: [1] })],
  ])('answers 400 naming /query/cursor for %s', async (_label, cursor) => {
    const response = await t.api(
      `/emissions/trace?level=meter&id=MTR-0001&period=2026-11-28&cursor=${cursor}`,
      { token: t.stack.users.supervisor.token },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.[0]?.path).toBe('/query/cursor');
  });
});

describe('a cursor the API issued', () => {
  it('still reads the next page (comments, enterprises)', async () => {
    const token = t.stack.users.deputy.token;
    const first = (await (await t.api(`/cases/${caseId}/comments?limit=1`, { token })).json()) as {
      items: { text: string }[];
      cursor?: string;
    };
    expect(first.cursor).toBeDefined();
    const next = await t.api(`/cases/${caseId}/comments?limit=1&cursor=${first.cursor}`, { token });
    expect(next.status).toBe(200);
    const second = (await next.json()) as { items: { text: string }[] };
    expect(second.items[0]?.text).not.toBe(first.items[0]?.text);
    const sup = t.stack.users.supervisor.token;
    const page = (await (await t.api('/enterprises?limit=1', { token: sup })).json()) as { cursor?: string };
    expect((await t.api(`/enterprises?limit=1&cursor=${page.cursor}`, { token: sup })).status).toBe(200);
  });

  it('of one case is refused on another case (400), not silently applied', async () => {
    const token = t.stack.users.deputy.token;
    const first = (await (await t.api(`/cases/${caseId}/comments?limit=1`, { token })).json()) as {
      cursor?: string;
    };
    const other = await t.api('/cases', {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ categoryId: 'noise', title: '另一件', description: '另一件事' }),
    });
    const otherId = ((await other.json()) as { id: string }).id;
    const response = await t.api(`/cases/${otherId}/comments?cursor=${first.cursor}`, { token });
    expect(response.status).toBe(400);
  });
});
