import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateTime } from '../../shared/domain/open311/open311-time.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';
import { issueApiKey, open311Get, open311Post, readXml } from '../support/open311.ts';

/**
 * The whole path (issue 20): a civic client submits through Open311, our staff accept, dispatch
 * and handle the case through our own API, and the client follows the status through Open311 —
 * the lead department as agency_responsible, the deadline as expected_datetime, and closed at the end.
 */

const BASE = '/open311/v2';
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

type Role = 'handler' | 'head' | 'supervisor';
const act = async (id: string, role: Role, action: string, payload: Record<string, unknown> = {}) => {
  const response = await t.api(`/cases/${id}/transitions`, {
    method: 'POST',
    token: t.stack.users[role].token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, payload }),
  });
  expect(response.status, `${action}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as { state: string; deadline?: string; closedAt?: string };
};

const followed = async (id: string) => {
  const json = await open311Get(t, `${BASE}/requests/${id}.json`);
  const xml = await open311Get(t, `${BASE}/requests/${id}.xml`);
  expect([json.status, xml.status]).toEqual([200, 200]);
  const [request] = JSON.parse(json.text) as Record<string, unknown>[];
  const [asXml] = readXml(xml.text).value as Record<string, string>[];
  expect(asXml?.status).toBe(request?.status);
  expect(asXml?.agency_responsible).toBe(request?.agency_responsible);
  return request ?? {};
};

describe('Open311 end to end', () => {
  it('follows a case submitted through Open311 as our staff dispatch and close it', async () => {
    const { apiKey } = await issueApiKey(t, { clientName: 'FixMyStreet 青山' });
    const posted = await open311Post(t, `${BASE}/requests.json`, {
      api_key: apiKey,
      service_code: 'waterPollution',
      lat: '30.64',
      long: '114.39',
      description: '港湾排口有油污',
      email: 'reporter@example.cn',
    });
    expect(posted.status, posted.text).toBe(201);
    const id = (JSON.parse(posted.text) as { service_request_id: string }[])[0]?.service_request_id ?? '';

    expect(await followed(id)).toMatchObject({ status: 'open', status_notes: '已提交 (Submitted)' });

    await act(id, 'supervisor', 'accept');
    const dispatched = await act(id, 'supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' });
    expect(dispatched.deadline).toBeDefined();
    const afterDispatch = await followed(id);
    expect(afterDispatch).toMatchObject({
      status: 'open',
      status_notes: '已派遣 (Dispatched)',
      agency_responsible: '区生态环境局',
      expected_datetime: localDateTime(dispatched.deadline ?? '', 'Asia/Shanghai'),
    });
    // updated_datetime is the newest step: the dispatch, not the submission (both may fall in one second).
    const timeline = await t.api(`/cases/${id}/timeline`, { token: t.stack.users.supervisor.token });
    const steps = (await timeline.json()) as { entries: { action: string; at: string }[] };
    expect(steps.entries.at(-1)?.action).toBe('dispatch');
    expect(afterDispatch.updated_datetime).toBe(
      localDateTime(steps.entries.at(-1)?.at ?? '', 'Asia/Shanghai'),
    );

    await act(id, 'handler', 'signFor');
    const evidence = await uploadReadyPhoto(t, t.stack.users.handler.token);
    await act(id, 'handler', 'submitRectification', { mediaIds: [evidence] });
    await act(id, 'head', 'headSignOff');
    const closed = await act(id, 'supervisor', 'verify');
    expect(closed.state).toBe('closed');

    const done = await followed(id);
    expect(done).toMatchObject({
      status: 'closed',
      status_notes: '已结案 (Closed)',
      agency_responsible: '区生态环境局',
      updated_datetime: localDateTime(closed.closedAt ?? '', 'Asia/Shanghai'),
    });
    const list = await open311Get(t, `${BASE}/requests.json?status=closed&service_code=waterPollution`);
    expect(
      (JSON.parse(list.text) as { service_request_id: string }[]).map((r) => r.service_request_id),
    ).toEqual([id]);
    expect(list.text).not.toContain('reporter@example.cn');
  });
});
