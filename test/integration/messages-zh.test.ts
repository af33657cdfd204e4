import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * Every message a person reads is zh-CN first (issue 14 sweep): refusals of a handful of routes —
 * emissions, registry, device credentials, budgets, cases, indicators, media — asked over HTTP, each
 * answered as problem+json whose title, detail and field messages start with a Chinese character.
 * The unit test `test/unit/messages-zh.test.ts` checks the throw sites in the source; this one
 * checks the answers people actually get.
 */

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

interface Problem {
  status: number;
  title: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

const CJK_FIRST = /^[\u3400-\u9fff]/;

const ask = async (role: Role, method: string, path: string, body?: unknown) => {
  const response = await t.api(path, {
    method,
    token: t.stack.users[role].token,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  expect(response.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/problem\+json/);
  return (await response.json()) as Problem;
};

/** Each refusal: who asks, what, the status expected, and a field it should name (if any). */
const REFUSALS: [Role, string, string, number, string | undefined, unknown?][] = [
  [
    'supervisor',
    'GET',
    '/emissions?level=industry&from=2026-11-01&to=2026-11-02&granularity=day',
    400,
    '/query/id',
  ],
  [
    'supervisor',
    'GET',
    '/emissions?level=industry&id=steel&from=2026-11-01&to=2026-11-02&granularity=day',
    400,
    '/query/id',
  ],
  [
    'supervisor',
    'GET',
    '/emissions?level=city&id=elsewhere&from=2026-11-01&to=2026-11-02&granularity=day',
    400,
    '/query/id',
  ],
  [
    'supervisor',
    'GET',
    '/emissions?level=city&from=2026-11-05&to=2026-11-01&granularity=day',
    400,
    '/query/to',
  ],
  ['supervisor', 'GET', '/emissions/rankings?level=enterprise&period=2026-13', 422, '/query/period'],
  ['supervisor', 'GET', '/budgets?id=ENT-0001', 400, '/query/level'],
  ['supervisor', 'GET', '/cases?from=2026-12-05&to=2026-12-01', 400, '/query/to'],
  ['head', 'GET', '/departments/dept-ecology/indicators?from=2026-12-05&to=2026-12-01', 422, '/query/to'],
  ['admin', 'POST', '/meters/NO-SUCH-METER/credentials', 404, undefined],
  ['admin', 'POST', '/meters/MTR-0001/credentials', 409, undefined],
  ['admin', 'DELETE', '/meters/NO-SUCH-METER/credentials', 404, undefined],
  [
    'supervisor',
    'GET',
    '/emissions/trace?level=enterprise&id=ENT-0001&period=2026-11-31',
    422,
    '/query/period',
  ],
  [
    'admin',
    'POST',
    '/enterprises',
    422,
    '/body/industryCode',
    { name: '测试企业', uscc: '91420100MA4K0000X1', industryCode: 'C99', address: '青山区' },
  ],
  [
    'deputy',
    'POST',
    '/media/uploads',
    413,
    undefined,
    { contentType: 'image/jpeg', sizeBytes: 30 * 1024 * 1024 },
  ],
];

describe('refusals people read', () => {
  it.each(REFUSALS)('%s %s %s → %i, zh-CN first', async (role, method, path, status, field, body) => {
    const problem = await ask(role, method, path, body);
    expect(problem.status, JSON.stringify(problem)).toBe(status);
    expect(problem.title).toMatch(CJK_FIRST);
    expect(problem.detail, JSON.stringify(problem)).toMatch(CJK_FIRST);
    for (const error of problem.errors ?? []) expect(error.message, error.path).toMatch(CJK_FIRST);
    if (field !== undefined) expect(problem.errors?.map((error) => error.path)).toContain(field);
  });
});
