import { GetCommand } from '@aws-sdk/lib-dynamodb';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_STAGE, localTableName } from '../../infra/local/environment.ts';
import { readDeviceSecrets } from '../../shared/adapters/local/devices-file.ts';
import { ENV } from '../../shared/config/env.ts';
import { telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import type { IssuedBrokerCredentials } from '../../shared/ports/device-provisioner.ts';
import { eventually, startTestStack, type TestStack } from '../support/local-stack.ts';

let t: TestStack;
const clients: MqttClient[] = [];

beforeAll(async () => {
  t = await startTestStack();
}, 60_000);
afterAll(async () => {
  for (const client of clients) client.end(true);
  await t?.close();
});

const seededSecret = (meterId: string): string => {
  const device = t.stack.devices.find((candidate) => candidate.meterId === meterId);
  if (device === undefined) throw new Error(`no demo device ${meterId}`);
  return device.secret;
};

const connectMeter = async (meterId: string, password: string): Promise<MqttClient> => {
  const client = await mqtt.connectAsync(t.stack.urls.mqtt, {
    clientId: meterId,
    username: meterId,
    password,
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
  });
  clients.push(client);
  return client;
};

/** Resolves once the broker has closed the client's connection. */
const closed = (client: MqttClient): Promise<void> =>
  new Promise((resolve) => {
    if (!client.connected) return resolve();
    client.once('close', () => resolve());
  });

const credentialsOf = (
  meterId: string,
  init: { method: 'POST' | 'DELETE'; token?: string; query?: string },
) =>
  t.api(`/meters/${meterId}/credentials${init.query ?? ''}`, {
    method: init.method,
    token: init.token ?? t.stack.users.admin.token,
  });

const storedCredential = async (meterId: string) =>
  (
    await t.dynamo.send(
      new GetCommand({
        TableName: localTableName('registry'),
        Key: { pk: `METER#${meterId}`, sk: 'CREDENTIAL' },
        ConsistentRead: true,
      }),
    )
  ).Item;

/** The device hears its own publish back: proof the broker accepted it on the own topic. */
const publishAndHearBack = async (client: MqttClient, meterId: string): Promise<string> => {
  const topic = telemetryTopic(LOCAL_STAGE, meterId);
  await client.subscribeAsync(topic, { qos: 1 });
  const heard = new Promise<string>((resolve) => {
    client.once('message', (_topic, payload) => resolve(payload.toString('utf8')));
  });
  await client.publishAsync(topic, JSON.stringify({ probe: meterId }), { qos: 1 });
  return heard;
};

describe('who may provision', () => {
  it('refuses every role but admin with 403, on issue and on revoke', async () => {
    for (const role of ['deputy', 'handler', 'head', 'supervisor'] as const) {
      const token = t.stack.users[role].token;
      expect((await credentialsOf('MTR-0003', { method: 'POST', token })).status, role).toBe(403);
      expect((await credentialsOf('MTR-0003', { method: 'DELETE', token })).status, role).toBe(403);
    }
    // The seeded secret still works: nothing was revoked by the refused calls.
    const client = await connectMeter('MTR-0003', seededSecret('MTR-0003'));
    expect(client.connected).toBe(true);
    client.end(true);
  });

  it('answers 404 problem+json for an unknown meter', async () => {
    const response = await credentialsOf('MTR-9999', { method: 'POST' });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await credentialsOf('MTR-9999', { method: 'DELETE' })).status).toBe(404);
  });

  it('rejects a malformed meter id with the failing field', async () => {
    const response = await credentialsOf('MTR.0001', { method: 'POST' });

    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('/path/id');
  });
});

describe('issue and rotate', () => {
  it('refuses a second issue while credentials are active (409), unless rotate=true', async () => {
    const response = await credentialsOf('MTR-0001', { method: 'POST' });

    expect(response.status).toBe(409);
    // The refused call changed nothing: the seeded secret still connects.
    const client = await connectMeter('MTR-0001', seededSecret('MTR-0001'));
    expect(client.connected).toBe(true);
    client.end(true);
  });

  it('rotates: new credentials connect and publish, the old secret is cut off and refused', async () => {
    // Prepare: the device is online with its seeded secret.
    const oldSecret = seededSecret('MTR-0001');
    const oldClient = await connectMeter('MTR-0001', oldSecret);
    const oldClosed = closed(oldClient);

    // Act
    const response = await credentialsOf('MTR-0001', { method: 'POST', query: '?rotate=true' });

    // Assess: shown once, for this meter, on the local broker.
    expect(response.status).toBe(201);
    const issued = (await response.json()) as IssuedBrokerCredentials;
    expect(issued).toMatchObject({
      kind: 'broker',
      meterId: 'MTR-0001',
      clientId: 'MTR-0001',
      username: 'MTR-0001',
      mqttUrl: t.stack.urls.mqtt,
      topic: telemetryTopic(LOCAL_STAGE, 'MTR-0001'),
    });
    expect(issued.password).not.toBe(oldSecret);
    expect(issued.password.length).toBeGreaterThanOrEqual(32);
    // The local runtime keeps devices.json current, so the simulator and mosquitto_pub use the new secret.
    const secrets = await readDeviceSecrets(t.stack.env[ENV.localDevicesFile] ?? '');
    expect(secrets.find((d) => d.meterId === 'MTR-0001')?.secret).toBe(issued.password);
    expect(secrets.map((d) => d.meterId)).toEqual(t.stack.devices.map((d) => d.meterId));
    await oldClosed; // the sweep closes the old session within about a second
    await expect(connectMeter('MTR-0001', oldSecret)).rejects.toThrow(/bad username or password/i);
    const fresh = await connectMeter('MTR-0001', issued.password);
    expect(await publishAndHearBack(fresh, 'MTR-0001')).toBe(JSON.stringify({ probe: 'MTR-0001' }));
    fresh.end(true);
  });

  it('keeps only a scrypt hash in the registry, never the secret', async () => {
    const response = await credentialsOf('MTR-0001', { method: 'POST', query: '?rotate=true' });
    const issued = (await response.json()) as IssuedBrokerCredentials;

    const item = await storedCredential('MTR-0001');

    expect(item).toMatchObject({ meterId: 'MTR-0001', status: 'active', createdAt: issued.issuedAt });
    expect(item?.secretHash).toMatch(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(JSON.stringify(item)).not.toContain(issued.password);
    expect(Object.keys(item ?? {}).sort()).toEqual(
      ['createdAt', 'kind', 'meterId', 'pk', 'secretHash', 'sk', 'status'].sort(),
    );
  });
});

describe('revoke', () => {
  it('disconnects a connected device, refuses its reconnect, and records when', async () => {
    // Prepare
    const secret = seededSecret('MTR-0002');
    const client = await connectMeter('MTR-0002', secret);
    const disconnected = closed(client);

    // Act
    const response = await credentialsOf('MTR-0002', { method: 'DELETE' });

    // Assess
    expect(response.status).toBe(204);
    await disconnected;
    await expect(connectMeter('MTR-0002', secret)).rejects.toThrow(/bad username or password/i);
    const item = await storedCredential('MTR-0002');
    expect(item?.status).toBe('revoked');
    expect(Date.parse(String(item?.revokedAt))).toBeGreaterThanOrEqual(Date.parse(String(item?.createdAt)));
  });

  it('is idempotent, and a revoked meter can be issued new credentials without rotate', async () => {
    expect((await credentialsOf('MTR-0002', { method: 'DELETE' })).status).toBe(204);

    const response = await credentialsOf('MTR-0002', { method: 'POST' });

    expect(response.status).toBe(201);
    const issued = (await response.json()) as IssuedBrokerCredentials;
    const client = await connectMeter('MTR-0002', issued.password);
    expect(await publishAndHearBack(client, 'MTR-0002')).toContain('MTR-0002');
    // Still the one active credential: a plain second issue is refused again.
    expect((await credentialsOf('MTR-0002', { method: 'POST' })).status).toBe(409);
    client.end(true);
  });

  it('two concurrent issues on a revoked meter: exactly one wins, the other gets 409', async () => {
    await credentialsOf('MTR-0002', { method: 'DELETE' });

    const statuses = await Promise.all([
      credentialsOf('MTR-0002', { method: 'POST' }).then((r) => r.status),
      credentialsOf('MTR-0002', { method: 'POST' }).then((r) => r.status),
    ]);

    expect(statuses.sort()).toEqual([201, 409]);
    await eventually(async () =>
      (await storedCredential('MTR-0002'))?.status === 'active' ? true : undefined,
    );
  });
});
