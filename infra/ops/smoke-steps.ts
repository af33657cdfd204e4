/**
 * The smoke test's steps against a deployment's API and broker, whatever signs the tokens: a deputy
 * submits a case and reads it back; an admin gives the smoke meter fresh credentials (an X.509
 * certificate in the cloud, a broker password locally), a reading is published with them over MQTT, and
 * it must show up in the meter's emissions. Every step says what it did and how long it took.
 */
import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { localDateOf } from '../../shared/domain/calendar/local-date.ts';

export interface SmokeTarget {
  api: string;
  tokens: { deputy: string; admin: string };
  meterId: string;
  timeZone: string;
  /** How long to wait for the reading to reach the rollups. */
  readingTimeoutMs: number;
  log: (line: string) => void;
}

type Issued =
  | { kind: 'broker'; mqttUrl: string; clientId: string; username: string; password: string; topic: string }
  | {
      kind: 'certificate';
      endpoint: string;
      clientId: string;
      certificatePem: string;
      privateKey: string;
      topic: string;
    };

export class SmokeFailure extends Error {
  override name = 'SmokeFailure';
}

const call = async (target: SmokeTarget, token: string | undefined, path: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(`${target.api.replace(/\/+$/, '')}${path}`, { ...init, headers });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
  };
};

const expectStatus = (what: string, got: { status: number; body: unknown }, wanted: number): void => {
  if (got.status !== wanted)
    throw new SmokeFailure(`${what}: ${got.status} (wanted ${wanted}) ${JSON.stringify(got.body)}`);
};

const step = async <T>(target: SmokeTarget, name: string, run: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  try {
    const result = await run();
    target.log(`ok    ${name} (${Math.round(performance.now() - started)} ms)`);
    return result;
  } catch (error) {
    target.log(`FAIL  ${name}: ${(error as Error).message}`);
    throw error;
  }
};

/** Messages of the meter today (local), from its day rollup: what the new reading must raise by one. */
const messagesToday = async (target: SmokeTarget): Promise<number> => {
  const today = localDateOf(new Date(), target.timeZone);
  const query = `level=meter&id=${encodeURIComponent(target.meterId)}&from=${today}&to=${today}&granularity=day`;
  const got = await call(target, target.tokens.admin, `/emissions?${query}`);
  expectStatus('GET /emissions', got, 200);
  return Number((got.body?.totals as { batches?: number } | undefined)?.batches ?? 0);
};

const publishReading = async (issued: Issued, messageId: string): Promise<void> => {
  const options =
    issued.kind === 'broker'
      ? { clientId: issued.clientId, username: issued.username, password: issued.password }
      : {
          clientId: issued.clientId,
          cert: issued.certificatePem,
          key: issued.privateKey,
          protocol: 'mqtts' as const,
        };
  const url = issued.kind === 'broker' ? issued.mqttUrl : `mqtts://${issued.endpoint}:8883`;
  const client = await mqtt.connectAsync(url, {
    ...options,
    protocolVersion: 4,
    connectTimeout: 15_000,
    reconnectPeriod: 0,
  });
  try {
    const reading = { ts: new Date().toISOString(), quantity: 0.5 };
    await client.publishAsync(issued.topic, JSON.stringify({ messageId, readings: [reading] }), { qos: 1 });
  } finally {
    await client.endAsync();
  }
};

export const runSmoke = async (target: SmokeTarget): Promise<void> => {
  await step(target, 'GET /health', async () =>
    expectStatus('GET /health', await call(target, undefined, '/health'), 200),
  );
  const caseId = await step(target, 'POST /cases as a deputy', async () => {
    const got = await call(target, target.tokens.deputy, '/cases', {
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        categoryId: 'waterPollution',
        title: '冒烟测试 smoke test',
        description: '部署后自检，可关闭 Post-deployment smoke test; may be closed',
        location: { latitude: 21.2, longitude: 110.4 },
      }),
    });
    expectStatus('POST /cases', got, 201);
    return String(got.body?.id);
  });
  await step(target, `GET /cases/${caseId}`, async () =>
    expectStatus('GET /cases/{id}', await call(target, target.tokens.deputy, `/cases/${caseId}`), 200),
  );
  await step(target, `meter ${target.meterId} reads interval quantities`, async () => {
    const got = await call(target, target.tokens.admin, `/meters/${encodeURIComponent(target.meterId)}`);
    expectStatus(`GET /meters/${target.meterId}`, got, 200);
    if (got.body?.readingKind !== 'interval')
      throw new SmokeFailure('the smoke meter must read interval quantities');
  });
  const before = await step(target, 'emissions of the meter today', () => messagesToday(target));
  const issued = await step(target, 'POST /meters/{id}/credentials?rotate=true as an admin', async () => {
    const got = await call(
      target,
      target.tokens.admin,
      `/meters/${encodeURIComponent(target.meterId)}/credentials?rotate=true`,
      {
        method: 'POST',
      },
    );
    expectStatus('POST /meters/{id}/credentials', got, 201);
    return got.body as unknown as Issued;
  });
  await step(target, `publish one reading on ${issued.topic} (${issued.kind})`, () =>
    publishReading(issued, `smoke-${randomUUID()}`),
  );
  await step(target, 'the reading reaches the meter’s day rollup', async () => {
    const deadline = Date.now() + target.readingTimeoutMs;
    while (Date.now() < deadline) {
      if ((await messagesToday(target)) > before) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new SmokeFailure(
      `not counted within ${target.readingTimeoutMs / 1000} s; see GET /quarantine and the ingest logs`,
    );
  });
};
