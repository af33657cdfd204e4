import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUBLISH_PAYLOAD_BYTES } from '../../infra/local/broker.ts';
import { LOCAL_STAGE } from '../../infra/local/environment.ts';
import { telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

let t: TestStack;
const clients: MqttClient[] = [];

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  for (const client of clients) client.end(true);
  await t?.close();
});

const connectMeter = async (): Promise<MqttClient> => {
  const [device] = t.stack.devices;
  if (device === undefined) throw new Error('no demo device');
  const client = await mqtt.connectAsync(t.stack.urls.mqtt, {
    clientId: device.meterId,
    username: device.meterId,
    password: device.secret,
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
  });
  clients.push(client);
  return client;
};

/** 'acked' when the broker answers PUBACK, 'closed' when it drops the connection instead. */
const publishOutcome = (client: MqttClient, payload: Buffer): Promise<'acked' | 'closed'> =>
  new Promise((resolve) => {
    client.once('close', () => resolve('closed'));
    client.publish(
      telemetryTopic(LOCAL_STAGE, client.options.clientId ?? ''),
      payload,
      { qos: 1 },
      (error) => {
        if (!error) resolve('acked');
      },
    );
  });

/** A JSON body of exactly `bytes` bytes (a meter message padded with a long id). */
const messageOf = (bytes: number): Buffer => {
  const shell = JSON.stringify({ messageId: '', readings: [] });
  return Buffer.from(JSON.stringify({ messageId: 'm'.repeat(bytes - shell.length), readings: [] }));
};

describe('the local broker, as IoT Core', () => {
  it('sets the payload limit at IoT Core’s 128 KB', () => {
    expect(MAX_PUBLISH_PAYLOAD_BYTES).toBe(128 * 1024);
  });

  it('acknowledges a publish of exactly 128 KB', async () => {
    const client = await connectMeter();
    expect(await publishOutcome(client, messageOf(128 * 1024))).toBe('acked');
    client.end(true);
  });

  it('disconnects a meter that publishes more than 128 KB, without acknowledging it', async () => {
    const client = await connectMeter();
    expect(await publishOutcome(client, messageOf(128 * 1024 + 1))).toBe('closed');
    const big = await connectMeter();
    expect(await publishOutcome(big, messageOf(300 * 1024))).toBe('closed');
  });
});
