import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { asXmlText, issueApiKey, open311Post, readXml } from '../support/open311.ts';

/**
 * POST requests of the Open311 facade and the API keys behind them (docs/open311.md): who may
 * submit (403 in the spec's form), the rate limit (429), the spec's 400 and 404, and what the
 * staff and the other deputies read of a case a client submitted.
 */

const BASE = '/open311/v2';
let t: TestStack;
let key: { id: string; apiKey: string };

beforeAll(async () => {
  t = await startTestStack();
  key = await issueApiKey(t, { clientName: '城市服务平台', ratePerMinute: 600 });
});
afterAll(async () => {
  await t?.close();
});

const REQUEST = {
  service_code: 'waterPollution',
  lat: '30.61',
  long: '114.27',
  address_string: '青山港排口',
  description: '排口有黄色泡沫\n持续两天',
  email: 'zhang@example.cn',
  phone: '13900000000',
  first_name: '三',
  last_name: '张',
  account_id: 'acct-77',
  media_url: 'https://photos.example.cn/p/1.jpg',
};

const errorsOf = (answer: { contentType: string; text: string }) =>
  answer.contentType.startsWith('text/xml')
    ? (readXml(answer.text).value as { code: string; description: string }[])
    : asXmlText(JSON.parse(answer.text));

const submitted = async (form: Record<string, string>, suffix = '.json') => {
  const answer = await open311Post(t, `${BASE}/requests${suffix}`, { api_key: key.apiKey, ...form });
  expect(answer.status, answer.text).toBe(201);
  return answer;
};

describe('who may submit', () => {
  it('answers a missing, malformed, unknown or wrong api_key with 403 in the spec’s error form', async () => {
    const otherSecret = `${key.apiKey.slice(0, -4)}AAAA`;
    const unknownId = `qs311_01ARZ3NDEKTSV4RRFFQ69G5FAV_${key.apiKey.slice(-43)}`;
    for (const apiKey of [undefined, 'xyz', otherSecret, unknownId]) {
      for (const suffix of ['', '.json']) {
        const form = apiKey === undefined ? REQUEST : { ...REQUEST, api_key: apiKey };
        const answer = await open311Post(t, `${BASE}/requests${suffix}`, form);
        expect(answer.status, `${apiKey} ${suffix}`).toBe(403);
        expect(errorsOf(answer)).toEqual([{ code: '403', description: expect.stringMatching(/api_key/) }]);
      }
    }
  });

  it('refuses a revoked key from the moment it is revoked; revoking again is harmless', async () => {
    const doomed = await issueApiKey(t, { clientName: '停用的客户端' });
    await submitted({ ...REQUEST, api_key: doomed.apiKey });
    const admin = t.stack.users.admin.token;
    const revoke = () => t.api(`/api-keys/${doomed.id}`, { method: 'DELETE', token: admin });
    expect((await revoke()).status).toBe(204);
    expect((await revoke()).status).toBe(204);
    expect(
      (await t.api('/api-keys/01ARZ3NDEKTSV4RRFFQ69G5FAV', { method: 'DELETE', token: admin })).status,
    ).toBe(404);
    const refused = await open311Post(t, `${BASE}/requests.xml`, { ...REQUEST, api_key: doomed.apiKey });
    expect(refused.status).toBe(403);
    const listed = (await (await t.api('/api-keys', { token: admin })).json()) as {
      items: Record<string, unknown>[];
    };
    expect(listed.items.find((item) => item.id === doomed.id)).toMatchObject({
      status: 'revoked',
      clientName: '停用的客户端',
    });
    expect(JSON.stringify(listed)).not.toMatch(/secretHash|sha256:|qs311_/);
  });

  it('holds each key to its rate limit: 429 in the spec’s form, with Retry-After', async () => {
    const slow = await issueApiKey(t, { clientName: '限流测试', ratePerMinute: 1, burst: 2 });
    const post = () => open311Post(t, `${BASE}/requests.json`, { ...REQUEST, api_key: slow.apiKey });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const third = await post();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorsOf(third)).toEqual([{ code: '429', description: expect.stringMatching(/每分钟 1 次/) }]);
    // Other keys are not held back by it.
    await submitted(REQUEST);
  });
});

describe('the rate limit under concurrent requests', () => {
  it('lets exactly the burst through when many requests of one key arrive at once', async () => {
    const busy = await issueApiKey(t, { clientName: '并发测试', ratePerMinute: 1, burst: 24 });
    // An unknown service: each request passes the key and its limit, then is refused (404), writing nothing.
    const probe = () =>
      open311Post(t, `${BASE}/requests.json`, {
        ...REQUEST,
        api_key: busy.apiKey,
        service_code: 'noSuchService',
      });
    const answers = await Promise.all(Array.from({ length: 48 }, probe));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(24).fill(404), ...Array(24).fill(429)]);
  });
});

describe('what is refused', () => {
  it('answers a body that is not a form with 400, the precise 415 in the error', async () => {
    const answer = await t.api(`${BASE}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: key.apiKey, ...REQUEST }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual([{ code: 415, description: expect.any(String) }]);
  });

  it('answers a missing service_code or location with 400 and an unknown service_code with 404', async () => {
    const { service_code: _code, ...withoutCode } = REQUEST;
    const missing = await open311Post(t, `${BASE}/requests.json`, { api_key: key.apiKey, ...withoutCode });
    expect(missing.status).toBe(400);
    expect(errorsOf(missing)).toEqual([
      { code: '400', description: expect.stringMatching(/^service_code: /) },
    ]);
    const unknown = await open311Post(t, `${BASE}/requests.xml`, {
      api_key: key.apiKey,
      ...REQUEST,
      service_code: '001',
    });
    expect(unknown.status).toBe(404);
    expect(errorsOf(unknown)).toEqual([{ code: '404', description: expect.stringMatching(/service_code/) }]);
    const nowhere = await open311Post(t, `${BASE}/requests.json`, {
      api_key: key.apiKey,
      service_code: 'noise',
    });
    expect(nowhere.status).toBe(400);
    expect(errorsOf(nowhere)).toEqual([{ code: '400', description: expect.stringMatching(/^lat: /) }]);
  });
});

describe('a submitted request', () => {
  it('answers 201 with the new id, the service notice and the account id, in XML and JSON', async () => {
    const xml = await submitted(REQUEST, '.xml');
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    const { root, value } = readXml(xml.text);
    expect(root).toBe('service_requests');
    expect(value).toEqual([
      {
        service_request_id: expect.any(String),
        service_notice: expect.stringContaining('5'),
        account_id: 'acct-77',
      },
    ]);
    const json = JSON.parse((await submitted(REQUEST)).text);
    expect(json).toEqual([
      { service_request_id: expect.any(String), service_notice: expect.any(String), account_id: 'acct-77' },
    ]);
  });

  it('is a public case reported by the client: staff read the submitter, other deputies do not', async () => {
    const id = JSON.parse((await submitted(REQUEST)).text)[0].service_request_id as string;
    const read = async (token: string) => (await t.api(`/cases/${id}`, { token })).json();
    const staff = (await read(t.stack.users.supervisor.token)) as Record<string, unknown>;
    expect(staff).toMatchObject({
      state: 'submitted',
      isPublic: true,
      reporterId: `apiclient:${key.id}`,
      title: '排口有黄色泡沫',
      location: { latitude: 30.61, longitude: 114.27, address: '青山港排口' },
      viaClient: {
        channel: 'open311',
        clientId: key.id,
        clientName: '城市服务平台',
        submitter: {
          email: 'zhang@example.cn',
          phone: '13900000000',
          firstName: '三',
          lastName: '张',
          accountId: 'acct-77',
        },
        mediaUrl: 'https://photos.example.cn/p/1.jpg',
      },
    });
    const otherDeputy = await t.stack.issueToken({
      sub: 'deputy-b-sub',
      username: 'deputy-b',
      groups: ['deputy'],
    });
    const shown = (await read(otherDeputy)) as Record<string, unknown>;
    expect(shown.viaClient).toEqual({
      channel: 'open311',
      clientId: key.id,
      clientName: '城市服务平台',
      address: '青山港排口',
    });
    expect(JSON.stringify(shown)).not.toMatch(/zhang@example|13900000000|photos\.example|apiclient/);
    const timeline = (await (
      await t.api(`/cases/${id}/timeline`, { token: t.stack.users.supervisor.token })
    ).json()) as {
      entries: { actorId: string; actorRole: string }[];
    };
    expect(timeline.entries[0]).toMatchObject({ actorId: `apiclient:${key.id}`, actorRole: 'system' });
  });

  it('lists earlier open cases of the service within 50 m for the staff who accept it', async () => {
    const first = JSON.parse((await submitted({ ...REQUEST, lat: '30.7', long: '114.4' })).text)[0];
    const second = JSON.parse((await submitted({ ...REQUEST, lat: '30.7001', long: '114.4' })).text)[0];
    const staff = (await (
      await t.api(`/cases/${second.service_request_id}`, { token: t.stack.users.supervisor.token })
    ).json()) as {
      possibleDuplicates: { id: string }[];
    };
    expect(staff.possibleDuplicates.map((d) => d.id)).toEqual([first.service_request_id]);
  });

  it('returns the case the first attempt made when a retry carries the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'retry-1' };
    const post = (form: Record<string, string>) =>
      open311Post(t, `${BASE}/requests.json`, { api_key: key.apiKey, ...form }, headers);
    const first = await post(REQUEST);
    const again = await post(REQUEST);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(JSON.parse(again.text)).toEqual(JSON.parse(first.text));
    const changed = await post({ ...REQUEST, description: '另一件事' });
    expect(changed.status).toBe(400);
    expect(errorsOf(changed)).toEqual([
      { code: '422', description: expect.stringMatching(/idempotency-key/) },
    ]);
  });
});
