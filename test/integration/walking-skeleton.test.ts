import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_STAGE, localBucketName, localTableName } from '../../infra/local/environment.ts';
import { meterTopicPrefix, telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import { localPeriodsOf } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import { eventually, startTestStack, type TestStack } from '../support/local-stack.ts';

let t: TestStack;

beforeAll(async () => {
  // rate(5 minutes) counts from the anchor: put it just short of five minutes ago so the heartbeat fires soon.
  t = await startTestStack({ schedulerAnchor: () => new Date(Date.now() - 5 * 60_000 + 1_500) });
});
afterAll(async () => {
  await t?.close();
});

const device = () => {
  const first = t.stack.devices[0];
  if (first === undefined) throw new Error('no demo device seeded');
  return first;
};

/** The meter's hour rollup item in the carbon table (layout: shared/domain/carbon/rollups/rollup-model.ts). */
const meterHourRollup = async (meterId: string, ts: string) => {
  const result = await t.dynamo.send(
    new GetCommand({
      TableName: localTableName('carbon'),
      Key: { pk: `ROLLUP#meter#${meterId}#hour`, sk: localPeriodsOf(new Date(ts)).hour },
    }),
  );
  return result.Item;
};

const connectMeter = (meterId: string, secret: string) =>
  mqtt.connectAsync(t.stack.urls.mqtt, {
    clientId: meterId,
    username: meterId,
    password: secret,
    protocolVersion: 4,
    reconnectPeriod: 0,
  });

describe('HTTP API stand-in', () => {
  it('answers /health without a token', async () => {
    const response = await t.api('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', stage: 'local' });
  });

  it('serves the OpenAPI 3.1 document generated from the contracts', async () => {
    const document = (await (await t.api('/openapi.json')).json()) as { openapi: string; paths: object };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health', '/media/uploads']));
  });

  it('rejects a missing, forged or expired token with 401 as the JWT authorizer would', async () => {
    const body = JSON.stringify({ contentType: 'image/jpeg', sizeBytes: 10 });
    const headers = { 'content-type': 'application/json' };
    const expired = await t.stack.issueToken(t.stack.users.deputy.user, {
      now: new Date(Date.now() - 2 * 3600_000),
      ttlSeconds: 3600,
    });
    const forged = `${t.stack.users.admin.token.slice(0, -4)}AAAA`;
    for (const token of [undefined, forged, expired]) {
      const response = await t.api('/media/uploads', { method: 'POST', body, headers, token });
      expect(response.status).toBe(401);
    }
  });

  it('answers 404 for a route the manifest does not declare', async () => {
    expect((await t.api('/nowhere')).status).toBe(404);
  });
});

describe('presigned upload round trip', () => {
  it('uploads a photo straight to S3 through the slot and reads back the same bytes', async () => {
    // Prepare
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
    const slotResponse = await t.api('/media/uploads', {
      method: 'POST',
      token: t.stack.users.deputy.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contentType: 'image/jpeg', sizeBytes: photo.length, fileName: 'river.jpg' }),
    });
    expect(slotResponse.status).toBe(201);
    const slot = (await slotResponse.json()) as { url: string; key: string; fields: Record<string, string> };
    expect(slot.key).toMatch(
      new RegExp(`^uploads/pending/${t.stack.users.deputy.user.sub}/[0-9a-f-]+\\.jpg$`),
    );

    // Act
    const form = new FormData();
    for (const [name, value] of Object.entries(slot.fields)) form.append(name, value);
    form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'river.jpg');
    const upload = await fetch(slot.url, { method: 'POST', body: form });

    // Assess
    expect(upload.status).toBeLessThan(300);
    const stored = await t.s3.send(new GetObjectCommand({ Bucket: localBucketName('media'), Key: slot.key }));
    expect(Buffer.from(await (stored.Body?.transformToByteArray() ?? new Uint8Array()))).toEqual(photo);
  });

  it('refuses a slot for a file larger than its type allows, with problem+json', async () => {
    const response = await t.api('/media/uploads', {
      method: 'POST',
      token: t.stack.users.deputy.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contentType: 'image/png', sizeBytes: 50 * 1024 * 1024 }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('telemetry over MQTT → IoT rule → ingest function → DynamoDB', () => {
  it('stores a batch published by a real MQTT client, once even when redelivered', async () => {
    // Prepare
    const { meterId, secret } = device();
    const client = await connectMeter(meterId, secret);
    const message = { messageId: 'it-msg-1', readings: [{ ts: new Date().toISOString(), quantity: 12.5 }] };

    // Act
    await client.publishAsync(telemetryTopic(LOCAL_STAGE, meterId), JSON.stringify(message), { qos: 1 });
    await client.publishAsync(telemetryTopic(LOCAL_STAGE, meterId), JSON.stringify(message), { qos: 1 });
    await client.endAsync();

    // Assess: the batch lands in the meter's hour rollup, which is also its dedup marker
    await t.stack.ruleEngine.idle();
    const item = await eventually(() => meterHourRollup(meterId, message.readings[0]?.ts ?? ''));
    expect(item.msgs).toEqual(new Set(['it-msg-1']));
    expect(item.readings).toBe(1);
    expect(item.batchLog).toEqual([
      expect.objectContaining({ messageId: 'it-msg-1', clientId: meterId, readings: message.readings }),
    ]);
  });

  it('quarantines a message that breaks the contract, with the reason', async () => {
    const { meterId, secret } = device();
    const client = await connectMeter(meterId, secret);
    const bad = { messageId: 'it-bad-1', readings: [{ ts: 'yesterday', quantity: 'lots' }] };
    await client.publishAsync(telemetryTopic(LOCAL_STAGE, meterId), JSON.stringify(bad), { qos: 1 });
    await client.endAsync();

    const today = new Date().toISOString().slice(0, 10);
    const record = await eventually(async () => {
      const result = await t.dynamo.send(
        new QueryCommand({
          TableName: localTableName('telemetry'),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `QUARANTINE#${today}` },
        }),
      );
      return result.Items?.find((i) => i.messageId === 'it-bad-1');
    });
    expect(record.reason).toBe('invalid telemetry message');
    expect(record.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['/readings/0/ts', '/readings/0/quantity']),
    );
  });

  it('sends a payload that is not JSON to the error action in the dead-letter bucket', async () => {
    const { meterId, secret } = device();
    const client = await connectMeter(meterId, secret);
    await client.publishAsync(telemetryTopic(LOCAL_STAGE, meterId), 'not json at all', { qos: 1 });
    await client.endAsync();

    const key = await eventually(async () => {
      const listed = await t.s3.send(
        new ListObjectsV2Command({
          Bucket: localBucketName('deadLetter'),
          Prefix: `iot-errors/${meterTopicPrefix(LOCAL_STAGE, meterId)}`,
        }),
      );
      return listed.Contents?.[0]?.Key;
    });
    const object = await t.s3.send(new GetObjectCommand({ Bucket: localBucketName('deadLetter'), Key: key }));
    const record = JSON.parse((await object.Body?.transformToString()) ?? '{}');
    expect(Buffer.from(record.base64OriginalPayload, 'base64').toString()).toBe('not json at all');
    expect(record.ruleName).toBe('qingshan_local_meter_telemetry');
  });

  it('lets a meter publish only with its own credentials and only on its own topic', async () => {
    const [first, second] = t.stack.devices;
    if (first === undefined || second === undefined) throw new Error('two demo devices expected');
    await expect(connectMeter(first.meterId, 'wrong-secret')).rejects.toThrow();
    await expect(connectMeter(first.meterId, second.secret)).rejects.toThrow();

    const client = await connectMeter(first.meterId, first.secret);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const foreign = { messageId: 'it-foreign-1', readings: [{ ts: new Date().toISOString(), quantity: 1 }] };
    client.publish(telemetryTopic(LOCAL_STAGE, second.meterId), JSON.stringify(foreign), { qos: 1 });
    await closed; // the broker drops a client that publishes where it may not
    await t.stack.ruleEngine.idle();
    const foreignHour = await meterHourRollup(second.meterId, foreign.readings[0]?.ts ?? '');
    expect(foreignHour?.msgs?.has('it-foreign-1') ?? false).toBe(false);
    client.end(true);
  });
});

describe('scheduler stand-in', () => {
  it('fires the heartbeat job on its rate() schedule and the job records its run', async () => {
    const run = await eventually(async () => {
      const result = await t.dynamo.send(
        new QueryCommand({
          TableName: localTableName('jobs'),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'JOB#heartbeat' },
        }),
      );
      return result.Items?.[0];
    }, 15_000);
    expect(run.outcome).toBe('succeeded');
    expect(run.scheduledTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });
});
