import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/*
 * Answers of the running stack checked against their routes' contracts (test/support/
 * response-contract.ts): a route or more of each context in one place. Every integration test's
 * `t.api` is checked the same way (test/support/local-stack.ts).
 */

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

let t: TestStack;
let api: TestStack['api'];
const token = (role: Role) => t.stack.users[role].token;
const send = (path: string, role: Role, method: string, body?: unknown) =>
  api(path, {
    method,
    token: token(role),
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
/** A request the test expects to succeed: a refusal would keep the contract too, and prove nothing. */
const ok = async (path: string, role: Role, method: string, body?: unknown) => {
  const response = await send(path, role, method, body);
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return response;
};
const read = async (path: string, role: Role) => (await ok(path, role, 'GET')).json();

beforeAll(async () => {
  t = await startTestStack();
  api = t.api;
});
afterAll(async () => {
  await t?.close();
});

describe('answers keep their contracts', () => {
  it('system, registry and calendar reads', async () => {
    expect((await api('/health')).status).toBe(200);
    await read('/departments', 'deputy');
    await read('/deputies', 'deputy');
    await read('/factors', 'handler');
    await read('/meters?limit=5', 'admin');
    await read('/meters/MTR-0001', 'supervisor');
    await read('/enterprises', 'admin');
    await read('/identifiers/88.118.8/meter.MTR-0001', 'supervisor');
    await read('/calendar/years', 'deputy');
    // an error answer is problem+json too
    expect((await send('/meters/MTR-0001', 'deputy', 'GET')).status).toBe(403);
  });

  it('a case from submission to its timeline and comments', async () => {
    const submitted = await ok('/cases', 'deputy', 'POST', {
      categoryId: 'waterPollution',
      title: '河道排污',
      description: '青山河东岸排污口有黑水排出',
      location: { latitude: 30.5, longitude: 114.3 },
    });
    const created = (await submitted.json()) as { id: string; version: number };
    await ok(`/cases/${created.id}/transitions`, 'supervisor', 'POST', {
      action: 'accept',
      version: created.version,
    });
    await read(`/cases/${created.id}`, 'deputy');
    await read('/cases?limit=5', 'supervisor');
    await read(`/cases/${created.id}/timeline`, 'deputy');
    await ok(`/cases/${created.id}/comments`, 'supervisor', 'POST', { text: '已转交区生态环境局核实' });
    await read(`/cases/${created.id}/comments`, 'deputy');
  });

  it('a suggestion, budgets, alerts, emissions, notifications and API keys', async () => {
    const filed = await ok('/suggestions', 'deputy', 'POST', {
      title: '关于推进工业园区屋顶分布式光伏建设的建议',
      body: '建议对园区内企业屋顶开展光伏可利用面积普查，并给予并网支持。',
      category: 'energyAndCarbon',
    });
    const suggestion = (await filed.json()) as { id: string };
    await read(`/suggestions/${suggestion.id}`, 'deputy');
    await read('/suggestions', 'supervisor');
    await read(`/suggestions/${suggestion.id}/timeline`, 'deputy');
    await ok('/budgets/enterprise/ENT-0001/2026-12', 'admin', 'PUT', { limitTonnes: 150 });
    await read('/budgets', 'supervisor');
    await read('/alerts', 'supervisor');
    await read('/emissions?level=city&id=city&from=2026-12-01&to=2026-12-02&granularity=day', 'deputy');
    await read('/notifications', 'deputy');
    await read('/notification-preferences', 'deputy');
    await ok('/media/uploads', 'deputy', 'POST', { contentType: 'image/jpeg', sizeBytes: 2048 });
    const issued = (await (await ok('/api-keys', 'admin', 'POST', { clientName: '契约测试' })).json()) as {
      id: string;
    };
    await read('/api-keys', 'admin');
    expect((await send(`/api-keys/${issued.id}`, 'admin', 'DELETE')).status).toBe(204);
  });

  it('the report list and a report, as the performance job wrote them', async () => {
    const job = (await import('../../functions/jobs/performance-reports.ts')) as { handler: Handler };
    await job.handler(
      { job: 'performanceWeeklyReport', scheduledTime: '2026-11-30T02:00:00+08:00', period: '2026-W48' },
      { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 },
    );
    const list = (await read('/reports?kind=performance-weekly', 'supervisor')) as {
      items: { id: string }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    await read(`/reports/${list.items[0]?.id}`, 'supervisor');
  });
});
