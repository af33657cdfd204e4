import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_CATEGORY_IDS } from '../../shared/domain/cases/case-categories.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { GPS_LATITUDE, uploadReadyPhoto } from '../support/media-fixtures.ts';
import { asXmlText, issueApiKey, open311Get, open311Post, readXml } from '../support/open311.ts';

/**
 * Contract tests of the GeoReport v2 resources (docs/open311.md) in both formats: each resource is
 * read as XML and as JSON and the two must carry the same value (the spec's Spark mapping); errors
 * are `[{code, description}]` with the spec's statuses. Submissions: open311-submit.test.ts; the
 * whole path through our workflow: open311-e2e.test.ts.
 */

const BASE = '/open311/v2';
let t: TestStack;
let apiKey: string;
const cases: Record<string, string> = {};

const deputyCase = async (isPublic: boolean, mediaIds: string[] = []) => {
  const response = await t.api('/cases', {
    method: 'POST',
    token: t.stack.users.deputy.token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      categoryId: 'noise',
      title: isPublic ? '夜间施工噪声' : '邻居装修',
      description: isPublic ? '工地 23 点后仍在施工' : '私下反映',
      location: { latitude: 30.6, longitude: 114.3, address: '青山区和平大道' },
      isPublic,
      mediaIds,
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
};

beforeAll(async () => {
  t = await startTestStack();
  apiKey = (await issueApiKey(t, { clientName: '契约测试客户端' })).apiKey;
  cases.public = await deputyCase(true, [await uploadReadyPhoto(t, t.stack.users.deputy.token)]);
  cases.private = await deputyCase(false);
  const posted = await open311Post(t, `${BASE}/requests.json`, {
    api_key: apiKey,
    service_code: 'dust',
    address_string: '和平大道 88 号工地',
    description: '工地未覆盖 <裸土> & 扬尘',
    email: 'citizen@example.cn',
  });
  expect(posted.status, posted.text).toBe(201);
  cases.viaOpen311 =
    (JSON.parse(posted.text) as { service_request_id: string }[])[0]?.service_request_id ?? '';
});
afterAll(async () => {
  await t?.close();
});

/** The resource as XML (bare path and .xml) and as JSON (.json and format=json): one value. */
const bothFormats = async (path: string, query = '') => {
  const join = (p: string, extra: string) =>
    `${p}${[query, extra].filter(Boolean).length ? '?' : ''}${[query, extra].filter(Boolean).join('&')}`;
  const xml = await open311Get(t, join(`${path}.xml`, ''));
  const bare = await open311Get(t, join(path, ''));
  const json = await open311Get(t, join(`${path}.json`, ''));
  const param = await open311Get(t, join(path, 'format=json'));
  for (const answer of [xml, bare]) {
    expect(answer.status, answer.text).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
  }
  for (const answer of [json, param]) {
    expect(answer.status, answer.text).toBe(200);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
  }
  expect(unsigned(readXml(bare.text))).toEqual(unsigned(readXml(xml.text)));
  expect(unsigned(JSON.parse(param.text))).toEqual(unsigned(JSON.parse(json.text)));
  const parsed = readXml(xml.text);
  expect(unsigned(parsed.value)).toEqual(unsigned(asXmlText(JSON.parse(json.text))));
  return { root: parsed.root, json: JSON.parse(json.text) };
};

/** Media links are signed anew on every read (a second later, another signature): compare without it. */
const unsigned = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (key, item) =>
    key === 'media_url' && typeof item === 'string' ? item.replace(/\?.*$/, '') : item,
  );

/** An error answer in both formats: the status, and `[{code, description}]` alike in each. */
const errorInBothFormats = async (xmlPath: string, jsonPath: string, status: number) => {
  const xml = await open311Get(t, xmlPath);
  const json = await open311Get(t, jsonPath);
  expect([xml.status, json.status]).toEqual([status, status]);
  expect(xml.contentType).toBe('text/xml; charset=utf-8');
  const errors = JSON.parse(json.text) as { code: number; description: string }[];
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.every((e) => typeof e.code === 'number' && e.description.length > 0)).toBe(true);
  expect(readXml(xml.text)).toEqual({ root: 'errors', value: asXmlText(errors) });
  return errors;
};

describe('discovery', () => {
  it('names the GeoReport v2 endpoint, its formats and how to get a key, in XML and JSON', async () => {
    const { root, json } = await bothFormats(`${BASE}/discovery`);
    expect(root).toBe('discovery');
    expect(json).toMatchObject({
      contact: expect.any(String),
      key_service: expect.any(String),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${t.stack.urls.api}${BASE}`,
          type: 'test',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    expect(Date.parse(json.changeset)).toBeLessThan(Date.now());
  });
});

describe('services', () => {
  it('lists every case category as a realtime service with metadata', async () => {
    const { root, json } = await bothFormats(`${BASE}/services`);
    expect(root).toBe('services');
    expect(json.map((s: { service_code: string }) => s.service_code)).toEqual([...CASE_CATEGORY_IDS]);
    expect(json[1]).toMatchObject({
      service_code: 'waterPollution',
      service_name: '水污染 (Water pollution)',
      metadata: true,
      type: 'realtime',
    });
  });

  it('defines a service’s attributes, and answers an unknown code 404 in the spec’s error form', async () => {
    const { root, json } = await bothFormats(`${BASE}/services/noise`);
    expect(root).toBe('service_definition');
    expect(json).toMatchObject({
      service_code: 'noise',
      attributes: [{ code: 'title', datatype: 'string', required: false, order: 1 }],
    });
    const errors = await errorInBothFormats(
      `${BASE}/services/potholes.xml`,
      `${BASE}/services/potholes.json`,
      404,
    );
    expect(errors[0]?.code).toBe(404);
  });

  it('answers a format it does not speak with 400, in XML', async () => {
    const answer = await open311Get(t, `${BASE}/services?format=csv`);
    expect(answer.status).toBe(400);
    expect(readXml(answer.text)).toMatchObject({ root: 'errors', value: [{ code: '400' }] });
  });
});

describe('requests', () => {
  it('shows one public case with its photo’s location-free copy, and never the reporter', async () => {
    const { root, json } = await bothFormats(`${BASE}/requests/${cases.public}`);
    expect(root).toBe('service_requests');
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({
      service_request_id: cases.public,
      status: 'open',
      status_notes: '已提交 (Submitted)',
      service_code: 'noise',
      description: '工地 23 点后仍在施工',
      address: '青山区和平大道',
      lat: 30.6,
      long: 114.3,
      requested_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
      updated_datetime: expect.stringMatching(/\+08:00$/),
    });
    expect(json[0].expected_datetime).toBeUndefined();
    const photo = await fetch(json[0].media_url);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).includes(GPS_LATITUDE)).toBe(false);
    expect(JSON.stringify(json)).not.toContain(t.stack.users.deputy.user.sub);
  });

  it('answers a private case as it answers an unknown one: 404', async () => {
    for (const id of [cases.private, 'no-such-case']) {
      const errors = await errorInBothFormats(
        `${BASE}/requests/${id}.xml`,
        `${BASE}/requests/${id}.json`,
        404,
      );
      expect(errors[0]?.code).toBe(404);
    }
  });

  it('lists public cases of the last 90 days, newest first, leaving private ones out', async () => {
    const { json } = await bothFormats(`${BASE}/requests`);
    const ids = json.map((r: { service_request_id: string }) => r.service_request_id);
    expect(ids).toEqual([cases.viaOpen311, cases.public]);
  });

  it('filters by ids (which override the rest), service and status', async () => {
    const byIds = await bothFormats(
      `${BASE}/requests`,
      `service_request_id=${cases.private},${cases.public}&status=closed`,
    );
    expect(byIds.json.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      cases.public,
    ]);
    const dust = await bothFormats(`${BASE}/requests`, 'service_code=dust,waterPollution&status=open');
    expect(dust.json.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      cases.viaOpen311,
    ]);
    const closed = await bothFormats(`${BASE}/requests`, 'status=closed');
    expect(closed.json).toEqual([]);
  });

  it('refuses a range over 90 days, a date without its zone and an unknown status, with 400', async () => {
    for (const query of [
      'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
      'start_date=2026-06-01T00:00:00',
      'status=pending',
    ]) {
      const errors = await errorInBothFormats(
        `${BASE}/requests.xml?${query}`,
        `${BASE}/requests.json?${query}`,
        400,
      );
      expect(errors[0]?.code).toBe(400);
    }
  });

  it('keeps markup in a description as text in both formats, and the submitter out of both', async () => {
    const { json } = await bothFormats(`${BASE}/requests/${cases.viaOpen311}`);
    expect(json[0]).toMatchObject({ description: '工地未覆盖 <裸土> & 扬尘', address: '和平大道 88 号工地' });
    expect(json[0].lat).toBeUndefined();
    const xml = await open311Get(t, `${BASE}/requests/${cases.viaOpen311}.xml`);
    expect(xml.text).toContain('&lt;裸土&gt; &amp; 扬尘');
    expect(xml.text + JSON.stringify(json)).not.toMatch(/citizen@example|apiclient/);
  });
});

describe('tokens', () => {
  it('gives a request id back as its own token (realtime services), and 404 for anything else', async () => {
    const { json } = await bothFormats(`${BASE}/tokens/${cases.viaOpen311}`);
    expect(json).toEqual([{ service_request_id: cases.viaOpen311, token: cases.viaOpen311 }]);
    await errorInBothFormats(
      `${BASE}/tokens/${cases.private}.xml`,
      `${BASE}/tokens/${cases.private}.json`,
      404,
    );
  });
});
