import { randomUUID } from 'node:crypto';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { ALERTS_GSI1PK, alertPk, rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { DynamoCaseStore } from '../../shared/adapters/dynamodb/case-store.ts';
import { openBreachCase } from '../../shared/application/carbon/breach-case.ts';
import { defaultWorkingCalendar } from '../../shared/domain/calendar/bundled-calendar.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * The anomaly scan job against the local stack: meter-hour rollups, budgets and a budget-breach alert
 * written by hand, the job run as the scheduler (or `npm run job -- anomalyScan --period …`) runs it,
 * alerts read back through GET /alerts and the automatic case through GET /cases/{id}.
 */

let t: TestStack;
// biome-ignore lint/suspicious/noExplicitAny: answers are read as loose JSON, as in the other integration tests
type Json = Record<string, any>;
type Handler = (event: unknown, context: unknown) => Promise<Json>;
let runScan: (hour: string) => Promise<Json>;

const put = (table: string, item: Record<string, unknown>) =>
  t.dynamo.send(new PutCommand({ TableName: localTableName(table), Item: item }));

const meterHour = (meterId: string, hour: string, co2eT: number) =>
  put('carbon', { pk: rollupPk('meter', meterId, 'hour'), sk: hour, co2eT, readings: 4 });

const breachAlert = (enterpriseId: string, raisedAt: string, value: number) => ({
  kind: 'budgetBreach' as const,
  level: 'enterprise' as const,
  targetId: enterpriseId,
  period: '2026-11',
  raisedAt,
  value,
  limit: 100,
  threshold: 100,
  message: `企业 ${enterpriseId} 2026-11 碳排放已超出预算`,
});

const putBreachAlert = (alert: ReturnType<typeof breachAlert>) =>
  put('carbon', {
    pk: alertPk('enterprise', alert.targetId),
    sk: `budgetBreach#${alert.period}`,
    gsi1pk: ALERTS_GSI1PK,
    gsi1sk: alert.raisedAt,
    ...alert,
  });

const budget = (enterpriseId: string, month: string, limitTonnes: number) =>
  put('carbon', {
    pk: `BUDGET#enterprise#${enterpriseId}`,
    sk: month,
    level: 'enterprise',
    targetId: enterpriseId,
    period: month,
    limitTonnes,
    warningRatio: 0.8,
    version: 1,
    updatedAt: '2026-10-20T00:00:00Z',
    updatedBy: 'admin',
  });

// Wednesday 2026-11-25, 14:00–15:00 Shanghai. The same hour in the 8 weeks before, nearest first:
// 11-18, 11-11, 11-04, 10-28, 10-21, 10-14, 10-07, 09-30.
const HOUR = '2026-11-25T14';
const HISTORY: [string, number][] = [
  ['2026-11-18T14', 1.0],
  ['2026-11-11T14', 1.1],
  ['2026-11-04T14', 0.9],
  ['2026-10-28T14', 1.0],
  ['2026-10-21T14', 1.2],
  ['2026-10-14T14', 0.8],
  ['2026-10-07T14', 1.0],
  ['2026-09-30T14', 1.1],
];

beforeAll(async () => {
  t = await startTestStack();
  // MTR-0001: history median 1.0, MAD 0.1 (σ ≈ 0.148); 5.0 t at HOUR → z = 4.0 / 0.148 ≈ 27: a spike.
  // MTR-0002: the same history and 1.05 t at HOUR → z ≈ 0.3: normal.
  for (const [hour, value] of HISTORY) {
    await meterHour('MTR-0001', hour, value);
    await meterHour('MTR-0002', hour, value);
  }
  await meterHour('MTR-0001', HOUR, 5);
  await meterHour('MTR-0002', HOUR, 1.05);
  // MTR-0003 (also ENT-0001): a normal value, but exactly 1.05 t in each of the 6 hours 09–14: a flat line.
  for (const [hour, value] of HISTORY) await meterHour('MTR-0003', hour, value);
  for (const hh of ['09', '10', '11', '12', '13', '14'])
    await meterHour('MTR-0003', `2026-11-25T${hh}`, 1.05);
  // ENT-0002: 90 t by the end of 11-25 14:00–15:00, i.e. after 24 × 24 + 15 = 591 of the month's 720
  // hours → 90 × 720 / 591 ≈ 109.6 t projected against a 100 t budget: a projected breach.
  // ENT-0001: 10 t → ≈ 12.2 t against 1000 t: nothing.
  await budget('ENT-0002', '2026-11', 100);
  await put('carbon', { pk: rollupPk('enterprise', 'ENT-0002', 'month'), sk: '2026-11', co2eT: 90 });
  await budget('ENT-0001', '2026-11', 1000);
  await put('carbon', { pk: rollupPk('enterprise', 'ENT-0001', 'month'), sk: '2026-11', co2eT: 10 });
  // ENT-0003 breached its November budget (raised by the ingest's budget check).
  await putBreachAlert(breachAlert('ENT-0003', '2026-11-20T03:00:00.000Z', 120.5));
  const module = (await import('../../functions/carbon/jobs/anomaly-scan.ts')) as { handler: Handler };
  runScan = (hour) =>
    module.handler(
      { job: 'anomalyScan', scheduledTime: '2026-11-25T15:10:00+08:00', period: hour },
      { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 },
    );
});
afterAll(async () => {
  await t?.close();
});

const getJson = async (path: string, role: 'supervisor' | 'head' | 'deputy' = 'supervisor') => {
  const response = await t.api(path, { token: t.stack.users[role].token });
  return { status: response.status, body: (await response.json()) as Json };
};

const anomalyAlerts = async () => (await getJson('/alerts?kind=anomaly&limit=100')).body.items as Json[];

/** Every case record and AUTOCASE marker in the workflow table (a test may scan; the job never does). */
const workflowItems = async () =>
  ((await t.dynamo.send(new ScanCommand({ TableName: localTableName('workflow') }))).Items ?? []) as Json[];

describe('anomaly scan job', () => {
  it('turns an injected spike into exactly one alert, a flat line and a projected breach into one each, and a breach into one case', async () => {
    const outcome = await runScan(HOUR);
    expect(outcome).toMatchObject({ period: HOUR, skipped: 0 });
    expect(outcome.results['enterprise:ENT-0001']).toMatchObject({
      anomalies: 2,
      raised: 2,
      projectedBreach: false,
    });
    expect(outcome.results['enterprise:ENT-0002']).toMatchObject({ anomalies: 0, projectedBreach: true });
    expect(outcome.results.breachCases).toEqual({ opened: 1, resumed: 0, alreadyOpen: 0 });

    const alerts = await anomalyAlerts();
    expect(alerts).toHaveLength(3);
    const spike = alerts.find((alert) => alert.targetId === 'MTR-0001');
    expect(spike).toMatchObject({ kind: 'anomaly', targetId: 'MTR-0001', period: HOUR, value: 5 });
    expect(spike).toMatchObject({ anomalyKind: 'spike', expected: 1 });
    expect(spike?.score).toBeCloseTo(4 / (1.4826 * 0.1), 1); // ≈ 26.98
    expect(spike?.message).toContain('碳排放异常升高');
    expect(alerts.find((alert) => alert.targetId === 'MTR-0003')).toMatchObject({
      anomalyKind: 'flatLine',
      period: HOUR,
      score: 6,
    });
    expect(alerts.some((alert) => alert.targetId === 'MTR-0002')).toBe(false);
    const projected = alerts.find((alert) => alert.level === 'enterprise');
    expect(projected).toMatchObject({ targetId: 'ENT-0002', period: 'projectedBreach#2026-11', limit: 100 });
    expect(projected?.value).toBeCloseTo((90 * 720) / 591, 6);
    expect(projected?.message).toContain('将超出月度碳预算 100 tCO2e');

    const markers = (await workflowItems()).filter((item) => String(item.pk).startsWith('AUTOCASE#'));
    expect(markers).toHaveLength(1);
    // Stored marks keep their text: the alert's key, its kind and period (no migration).
    expect(markers[0]?.pk).toBe('AUTOCASE#ALERT#enterprise#ENT-0003#budgetBreach#2026-11');
    const opened = await getJson(`/cases/${markers[0]?.caseId}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      state: 'dispatched',
      leadDepartmentId: 'dept-ecology',
      reporterId: 'system:anomaly-scan',
      isPublic: false,
      categoryId: 'other',
    });
    expect(opened.body.title).toContain('青山建材水泥有限公司');
    expect(opened.body.description).toContain('120.5 tCO2e');
    // The environment department's head sees it as theirs.
    expect((await getJson(`/cases/${markers[0]?.caseId}`, 'head')).status).toBe(200);
    // The alert names the case it opened, so the console links them by id.
    const breaches = (await getJson('/alerts?kind=budgetBreach')).body.items as Json[];
    expect(breaches.find((alert) => alert.targetId === 'ENT-0003')?.caseId).toBe(markers[0]?.caseId);
  });

  it('raises nothing new and opens no second case when the same hour is scanned again, or the next', async () => {
    const again = await runScan(HOUR);
    expect(again.ran).toBe(again.total);
    expect(again.results['enterprise:ENT-0001']).toMatchObject({ anomalies: 2, raised: 0 });
    expect(again.results.breachCases).toEqual({ opened: 0, resumed: 0, alreadyOpen: 1 });
    const next = await runScan('2026-11-25T15');
    expect(next.results.breachCases).toEqual({ opened: 0, resumed: 0, alreadyOpen: 1 });

    // No item yet for 15:00 (no readings): nothing is judged for that hour.
    expect(next.results['enterprise:ENT-0001']).toMatchObject({ anomalies: 0 });
    expect(await anomalyAlerts()).toHaveLength(3);
    const systemCases = (await workflowItems()).filter(
      (item) => item.sk === 'RECORD' && item.reporterId === 'system:anomaly-scan',
    );
    expect(systemCases).toHaveLength(1);
  });

  it('finishes opening a case whose first attempt crashed after the submission', async () => {
    const alert = breachAlert('ENT-0004', '2026-11-22T03:00:00.000Z', 101);
    await putBreachAlert(alert);
    const store = new DynamoCaseStore(t.dynamo, localTableName('workflow'));
    // The real store, except that the process dies before the acceptance is written.
    const crashing = new Proxy(store, {
      get: (target, name) => {
        if (name === 'update') return () => Promise.reject(new Error('process killed'));
        const value = Reflect.get(target, name);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(
      openBreachCase(
        {
          cases: crashing,
          // …and dies again before the alert names its case.
          alerts: { linkCase: () => Promise.reject(new Error('process killed')) },
          env: { calendar: defaultWorkingCalendar({ timeZone: 'Asia/Shanghai' }) },
          newId: randomUUID,
          now: () => new Date(),
        },
        alert,
        { id: 'ENT-0004', name: '青山城配物流有限公司', uscc: '—' },
      ),
    ).rejects.toThrow('process killed');

    const outcome = await runScan(HOUR);
    expect(outcome.results.breachCases).toEqual({ opened: 0, resumed: 1, alreadyOpen: 1 });
    const marker = (await workflowItems()).find((item) => String(item.pk).includes('ENT-0004'));
    const finished = await getJson(`/cases/${marker?.caseId}`);
    expect(finished.body).toMatchObject({
      state: 'dispatched',
      leadDepartmentId: 'dept-ecology',
      version: 3,
    });
    const timeline = await getJson(`/cases/${marker?.caseId}/timeline`);
    // Three steps, none of them taken by a person: recorded under the system role.
    expect(
      timeline.body.entries.map((e: { action: string; actorRole: string }) => [e.action, e.actorRole]),
    ).toEqual([
      ['submit', 'system'],
      ['accept', 'system'],
      ['dispatch', 'system'],
    ]);
    // The crash came before the alert was linked: the resumed run links it.
    const breaches = (await getJson('/alerts?kind=budgetBreach&id=ENT-0004')).body.items as Json[];
    expect(breaches[0]?.caseId).toBe(marker?.caseId);
    const again = await runScan(HOUR);
    expect(again.results.breachCases).toEqual({ opened: 0, resumed: 0, alreadyOpen: 2 });
  });
});
