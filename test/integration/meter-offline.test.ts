import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_STAGE, localTableName } from '../../infra/local/environment.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import { localPeriodsOf } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * The meter-offline job's handler against DynamoDB Local: readings come in over real MQTT, the scan
 * runs at chosen scheduled times (its clock), and alerts land in the carbon table and in GET /alerts.
 */
let t: TestStack;
type Handler = (
  event: unknown,
  context: Context,
) => Promise<{ checked: number; offline: number; raised: number }>;
let scan: (at: number) => Promise<{ checked: number; offline: number; raised: number }>;

beforeAll(async () => {
  t = await startTestStack();
  const module = (await import('../../functions/carbon/jobs/meter-offline-scan.ts')) as { handler: Handler };
  scan = (at) =>
    module.handler({ job: 'meterOfflineScan', scheduledTime: new Date(at).toISOString() }, {} as Context);
});
afterAll(async () => {
  await t?.close();
});

const METER = 'MTR-0001'; // expected every 900 s: offline after 2 700 s of silence
const ENTERPRISE = 'ENT-0001'; // the demo registry's owner of MTR-0001
const MIN = 60_000;

const publishReading = async (ts: number, messageId: string) => {
  const device = t.stack.devices.find((d) => d.meterId === METER);
  const client = await mqtt.connectAsync(t.stack.urls.mqtt, {
    clientId: METER,
    username: METER,
    password: device?.secret ?? '',
    protocolVersion: 4,
    reconnectPeriod: 0,
  });
  const payload = { messageId, readings: [{ ts: new Date(ts).toISOString(), quantity: 10 }] };
  await client.publishAsync(telemetryTopic(LOCAL_STAGE, METER), JSON.stringify(payload), { qos: 1 });
  await client.endAsync();
  await t.stack.ruleEngine.idle();
};

const lastReadingAt = async (ts: number): Promise<string> => {
  const { Item } = await t.dynamo.send(
    new GetCommand({
      TableName: localTableName('carbon'),
      Key: { pk: rollupPk('meter', METER, 'hour'), sk: localPeriodsOf(new Date(ts)).hour },
    }),
  );
  return String(Item?.lastReadingAt);
};

const offlineAlerts = async () =>
  (
    await t.dynamo.send(
      new QueryCommand({
        TableName: localTableName('carbon'),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :kind)',
        ExpressionAttributeValues: { ':pk': `ALERT#meter#${METER}`, ':kind': 'meterOffline#' },
      }),
    )
  ).Items ?? [];

describe('meter-offline scan', () => {
  it('raises one alert per silence episode, keyed by the last reading', async () => {
    // Prepare: one reading at t0, three hours ago (the seeded meters were registered just now, so
    // at scan times before now the never-reporting ones are not yet silent).
    const t0 = Math.floor((Date.now() - 3 * 60 * MIN) / MIN) * MIN;
    await publishReading(t0, 'offline-1');
    const first = await lastReadingAt(t0);

    // Act + Assess: 45 min after is within the allowance, 46 min after is not.
    expect(await scan(t0 + 45 * MIN)).toMatchObject({ offline: 0, raised: 0 });
    expect(await scan(t0 + 46 * MIN)).toMatchObject({ offline: 1, raised: 1 });
    // Later scans of the same silence find the same alert and raise nothing.
    expect(await scan(t0 + 61 * MIN)).toMatchObject({ offline: 1, raised: 0 });
    let alerts = await offlineAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      sk: `meterOffline#${first}`,
      kind: 'meterOffline',
      level: 'meter',
      targetId: METER,
      period: first,
      value: 46 * 60,
      threshold: 2700,
      gsi1pk: 'ALERTS',
      raisedAt: new Date(t0 + 46 * MIN).toISOString(),
    });

    // The meter speaks again at t0 + 90 min, then falls silent: a second episode, a second alert.
    await publishReading(t0 + 90 * MIN, 'offline-2');
    expect(await scan(t0 + 100 * MIN)).toMatchObject({ offline: 0 });
    expect(await scan(t0 + 136 * MIN)).toMatchObject({ offline: 1, raised: 1 });
    alerts = await offlineAlerts();
    expect(alerts.map((a) => a.period)).toEqual([first, await lastReadingAt(t0 + 90 * MIN)]);

    // Staff see them through GET /alerts.
    const response = await t.api(`/alerts?kind=meterOffline&level=meter&id=${METER}`, {
      token: t.stack.users.supervisor.token,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: { targetId: string; message: string; enterpriseId?: string }[];
    };
    expect(body.items).toHaveLength(2);
    expect(body.items[0]?.message).toContain('离线');
    // whose meter it is, so staff know whom to call (a documented field of Alert)
    expect(body.items[0]?.enterpriseId).toBe(ENTERPRISE);
  });
});
