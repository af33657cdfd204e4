import mqtt from 'mqtt';
import { LOCAL_STAGE } from '../../../infra/local/environment.ts';
import { telemetryTopic } from '../../../shared/contracts/carbon/telemetry.ts';
import { isoWeekOf } from '../../../shared/domain/calendar/iso-week.ts';
import { addDays, localDateOf } from '../../../shared/domain/calendar/local-date.ts';
import { computeUsccCheckCharacter } from '../../../shared/domain/registry/uscc.ts';
import { eventually, type TestStack } from '../local-stack.ts';
import type { Principals } from './principals.ts';

/**
 * The registry, carbon and report objects of the matrix. Registry objects are made through the
 * API as an admin would; the quarantined message comes over real MQTT from a demo meter; alerts and
 * reports are what the scheduled jobs write, run in-process as the scheduler fires them.
 *
 * enterprise, facility          ENT-AUTHZ and its FAC-AUTHZ
 * meter.active / meter.revoked  meters of ENT-AUTHZ: credentials issued / issued then revoked
 * handle.enterprise/meter/factor identifiers to resolve
 * budget.*                      a budget of ENT-AUTHZ for 2026-11
 * quarantine, quarantine.date   a negative reading of MTR-0001, quarantined; its UTC day
 * report.perf1/perf2/district   this week's performance reports of department 1, 2, the district
 * report.carbonCity             yesterday's daily carbon report of the city
 * recalculation                 a recalculation of ENT-AUTHZ's current month, queued (the scheduler
 *                               may run it while the matrix runs)
 */
export const buildCarbonFixtures = async (t: TestStack, p: Principals): Promise<Record<string, string>> => {
  const admin = p.tokens.admin ?? '';
  const send = async (method: string, path: string, body?: unknown, status = 201) => {
    const answer = await t.api(path, {
      method,
      token: admin,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    if (answer.status !== status) throw new Error(`fixture ${method} ${path}: ${answer.status} ${text}`);
    return (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
  };
  const fx: Record<string, string> = { enterprise: 'ENT-AUTHZ', facility: 'FAC-AUTHZ' };
  const registry = async () => {
    fx['handle.enterprise'] = String((await send('POST', '/enterprises', ENTERPRISE_BODY)).handle);
    const facility = await send('POST', '/enterprises/ENT-AUTHZ/facilities', {
      id: 'FAC-AUTHZ',
      name: '一号车间',
    });
    fx['handle.facility'] = String(facility.handle);
    await send('PUT', '/budgets/enterprise/ENT-AUTHZ/2026-11', { limitTonnes: 100 }, 200);
    for (const [name, id] of [
      ['meter.active', 'MTR-AUTHZ-1'],
      ['meter.revoked', 'MTR-AUTHZ-2'],
    ] as const) {
      const meter = await send('POST', '/meters', { ...METER_BODY, id });
      fx[name] = id;
      if (name === 'meter.active') fx['handle.meter'] = String(meter.handle);
      await send('POST', `/meters/${id}/credentials`);
    }
    await send('DELETE', '/meters/MTR-AUTHZ-2/credentials', undefined, 204);
    const month = localDateOf(new Date(), 'Asia/Shanghai').slice(0, 7);
    const recalculation = { ...RECALCULATION_BODY, period: month };
    fx.recalculation = String((await send('POST', '/recalculations', recalculation, 202)).id);
    fx['recalculation.period'] = month;
  };
  const factor = async () => {
    const factors = (await send('GET', '/factors', undefined, 200)) as { items: { handle: string }[] };
    fx['handle.factor'] = factors.items[0]?.handle ?? '';
  };
  const [, , quarantined, reports] = await Promise.all([
    registry(),
    factor(),
    quarantineOne(t, admin),
    runJobs(),
  ]);
  Object.assign(fx, quarantined, reports);
  return fx;
};

const USCC_BODY = '91440300123450900';
export const ENTERPRISE_BODY = {
  id: 'ENT-AUTHZ',
  name: '矩阵测试企业',
  uscc: USCC_BODY + computeUsccCheckCharacter(USCC_BODY),
  industryCode: 'C3311',
  address: '青山区测试路 9 号',
  location: { latitude: 30.6, longitude: 114.3 },
};

export const RECALCULATION_BODY = { level: 'enterprise', id: 'ENT-AUTHZ', reason: '授权矩阵测试' };

export const METER_BODY = {
  enterpriseId: 'ENT-AUTHZ',
  facilityId: 'FAC-AUTHZ',
  name: '矩阵测试电表',
  energyType: 'electricity',
  unit: 'kWh',
  readingKind: 'interval',
  gridRegion: 'CN-SOUTH',
  expectedIntervalSeconds: 900,
};

/** A negative reading from the demo meter MTR-0001 over MQTT, then its quarantine id. */
const quarantineOne = async (t: TestStack, admin: string) => {
  const device = t.stack.devices.find((d) => d.meterId === 'MTR-0001');
  const client = await mqtt.connectAsync(t.stack.urls.mqtt, {
    clientId: 'MTR-0001',
    username: 'MTR-0001',
    password: device?.secret ?? '',
    protocolVersion: 4,
    reconnectPeriod: 0,
  });
  const message = { messageId: 'authz-negative', readings: [{ ts: new Date().toISOString(), quantity: -1 }] };
  await client.publishAsync(telemetryTopic(LOCAL_STAGE, 'MTR-0001'), JSON.stringify(message), { qos: 1 });
  await client.endAsync();
  await t.stack.ruleEngine.idle();
  const date = new Date().toISOString().slice(0, 10);
  const id = await eventually(async () => {
    const answer = await t.api(`/quarantine?date=${date}`, { token: admin });
    const { items } = (await answer.json()) as { items: { id: string; messageId?: string }[] };
    return items.find((item) => item.messageId === 'authz-negative')?.id;
  });
  return { quarantine: id, 'quarantine.date': date };
};

type JobHandler = (event: unknown, context: unknown) => Promise<unknown>;
const JOB_CONTEXT = { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 };

/** The jobs as the scheduler fires them: alerts (offline meters), reports, escalations. */
const runJobs = async () => {
  const load = async (module: string) => ((await import(module)) as { handler: JobHandler }).handler;
  const now = new Date();
  const today = localDateOf(now, 'Asia/Shanghai');
  // Last week: a report is written only for a period that has ended (report-run-mode.ts).
  const week = isoWeekOf(addDays(today, -7));
  const yesterday = addDays(today, -1);
  const run = async (module: string, job: string, at: Date, period?: string) =>
    (await load(module))(
      { job, scheduledTime: at.toISOString(), ...(period ? { period } : {}) },
      JOB_CONTEXT,
    );
  // A day later every meter of the registry has been silent for long enough to be reported offline.
  await run(
    '../../../functions/carbon/jobs/meter-offline-scan.ts',
    'meterOfflineScan',
    new Date(now.getTime() + 86_400_000),
  );
  await run('../../../functions/jobs/performance-reports.ts', 'performanceWeeklyReport', now, week);
  await run('../../../functions/carbon/jobs/carbon-reports.ts', 'carbonDailyReport', now, yesterday);
  await run('../../../functions/jobs/escalate-overdue.ts', 'escalateOverdue', now);
  return {
    'report.perf1': `performance-weekly~department~dept-ecology~${week}`,
    'report.perf2': `performance-weekly~department~dept-water~${week}`,
    'report.district': `performance-weekly~district~district~${week}`,
    'report.carbonCity': `carbon-daily~city~city~${yesterday}`,
  };
};
