import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_REGION, LOCAL_STAGE, localTableName } from '../../infra/local/environment.ts';
import { freePort } from '../../infra/local/free-port.ts';
import { pendingEntries } from '../../infra/local/rule-journal.ts';
import { LOCAL_S3_CREDENTIALS } from '../../infra/local/s3-local.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { telemetryTopic } from '../../shared/contracts/carbon/telemetry.ts';
import { localPeriodsOf } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import { eventually, PROJECT_ROOT } from '../support/local-stack.ts';
import { readableRollup } from '../support/rollup-view.ts';

/**
 * A process killed while acknowledged messages wait in the rule engine loses nothing and counts
 * nothing twice: the stack runs in a child process (its own process group, DynamoDB Local included),
 * is SIGKILLed mid-stream, and started again on the same data folder and ports.
 */

interface ChildInfo {
  urls: { mqtt: string; dynamodb: string };
  devices: { meterId: string; secret: string }[];
  replayed: number;
}

const children: ChildProcess[] = [];
let dataDir = '';

const startChild = async (
  ports: Record<string, number>,
): Promise<{ child: ChildProcess; info: ChildInfo }> => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(PROJECT_ROOT, 'test/support/durable-stack-child.ts'),
      dataDir,
      JSON.stringify(ports),
    ],
    { cwd: PROJECT_ROOT, detached: true, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const info = await new Promise<ChildInfo>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`stack child exited early (${code})`)));
    lines.on('line', (line) => {
      if (line.startsWith('{"urls"')) resolve(JSON.parse(line) as ChildInfo);
    });
  });
  return { child, info };
};

/** Kills the child's whole process group at once: node, its DynamoDB Local, everything in memory. */
const killHard = async (child: ChildProcess) => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  await exited;
};

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
});

const METER = 'MTR-0001'; // electricity, interval kWh
const MESSAGES = 120;
const READINGS_PER_MESSAGE = 5;

describe('rule engine durability (kill -9 and restart)', () => {
  it('counts every acknowledged or re-sent message exactly once', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qingshan-durability-'));
    const ports = {
      api: await freePort(),
      dynamodb: await freePort(),
      mqtt: await freePort(),
      mqttWs: await freePort(),
    };
    const first = await startChild(ports);

    // All readings fall in one local hour, two hours ago: message i carries 5 readings of (i + 1) kWh.
    // Total readings 120 × 5 = 600; total kWh 5 × (1 + … + 120) = 5 × 7 260 = 36 300.
    const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
    const message = (i: number) => ({
      messageId: `durable-${i}`,
      readings: Array.from({ length: READINGS_PER_MESSAGE }, (_, r) => ({
        ts: new Date(hourStart + (i * READINGS_PER_MESSAGE + r) * 1_000).toISOString(),
        quantity: i + 1,
      })),
    });
    const secret = first.info.devices.find((d) => d.meterId === METER)?.secret ?? '';
    const connect = (url: string) =>
      mqtt.connectAsync(url, {
        clientId: METER,
        username: METER,
        password: secret,
        protocolVersion: 4,
        reconnectPeriod: 0,
      });

    // Act 1: publish in waves of 10; after 4 waves are acknowledged, send a 5th and kill the stack
    // while it is on the wire. Waves 6–12 are never sent before the crash.
    const acked = new Set<number>();
    const client = await connect(first.info.urls.mqtt);
    client.on('error', () => undefined);
    const wave = (w: number) =>
      Array.from({ length: 10 }, (_, k) => w * 10 + k).map((i) =>
        client
          .publishAsync(telemetryTopic(LOCAL_STAGE, METER), JSON.stringify(message(i)), { qos: 1 })
          .then(() => void acked.add(i))
          .catch(() => undefined),
      );
    for (let w = 0; w < 4; w += 1) await Promise.all(wave(w));
    void wave(4);
    await killHard(first.child);
    client.end(true);
    const journal = await readFile(join(dataDir, 'rule-journal.ndjson'), 'utf8');
    const pendingAtKill = pendingEntries(journal).length;

    // Act 2: restart on the same folder; the device re-sends what was never acknowledged, plus a few it
    // cannot know were (a realistic duplicate).
    const second = await startChild(ports);
    const again = await connect(second.info.urls.mqtt);
    const resend = [...Array.from({ length: MESSAGES }, (_, i) => i).filter((i) => !acked.has(i)), 0, 1, 2];
    for (const i of resend) {
      await again.publishAsync(telemetryTopic(LOCAL_STAGE, METER), JSON.stringify(message(i)), { qos: 1 });
    }
    await again.endAsync();

    // Assess
    expect(acked.size).toBeGreaterThanOrEqual(40);
    expect(acked.size).toBeLessThan(MESSAGES);
    // The kill caught acknowledged invocations not yet run: without the journal they would be lost.
    expect(pendingAtKill).toBeGreaterThan(0);
    expect(second.info.replayed).toBe(pendingAtKill);
    const dynamo = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: second.info.urls.dynamodb,
        region: LOCAL_REGION,
        credentials: LOCAL_S3_CREDENTIALS,
      }),
    );
    const key = { pk: rollupPk('meter', METER, 'hour'), sk: localPeriodsOf(new Date(hourStart)).hour };
    const hourItem = async () =>
      readableRollup(
        (await dynamo.send(new GetCommand({ TableName: localTableName('carbon'), Key: key }))).Item,
      );
    await eventually(
      async () => ((await hourItem()).readings === MESSAGES * READINGS_PER_MESSAGE ? true : undefined),
      60_000,
    );
    // Everything journalled has finished, so nothing else can still land.
    await eventually(
      async () =>
        pendingEntries(await readFile(join(dataDir, 'rule-journal.ndjson'), 'utf8')).length === 0
          ? true
          : undefined,
      30_000,
    );
    expect(await hourItem()).toMatchObject({ readings: 600, q_electricity: 36_300, batches: MESSAGES });
    dynamo.destroy();
    await killHard(second.child);
  }, 180_000);
});
