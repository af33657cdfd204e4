/**
 * 随手拍 cases on the local stack: `POST /cases` throughput while seeding, then `GET /cases/{id}`
 * p50/p99 under 50 concurrent clients beside a raw DynamoDB Local GetItem of the same items, measured
 * in the same run, so the ratio shows what the gateway, JWT check, handler and view add.
 * Everything runs in one Node process on a shared machine: read ratios, not absolute figures.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { localTableName } from '../../infra/local/environment.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { median, printTable, quantile } from './format.ts';

const CASES = Number(process.env.BENCH_CASES ?? 300);
const READS = Number(process.env.BENCH_READS ?? 3000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);

interface Run {
  latencies: number[];
  seconds: number;
  failures: number;
}

/** `clients` loops share one counter of `total` calls; each call is timed on its own. */
const concurrently = async (
  clients: number,
  total: number,
  call: (i: number) => Promise<boolean>,
): Promise<Run> => {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < total; i = next++) {
      const t0 = performance.now();
      const ok = await call(i);
      latencies.push(performance.now() - t0);
      if (!ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { latencies, seconds: (performance.now() - started) / 1000, failures };
};

const submitCase = (t: TestStack, i: number) =>
  t.api('/cases', {
    method: 'POST',
    token: t.stack.users.deputy.token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      categoryId: i % 2 === 0 ? 'noise' : 'waterPollution',
      title: `压测案件 ${i}`,
      description: 'bench case',
      location: { latitude: 30.5 + (i % 100) / 10_000, longitude: 114.3 },
    }),
  });

const row = (name: string, run: Run, baseline?: Run) => [
  name,
  String(run.latencies.length),
  String(run.failures),
  `${median(run.latencies).toFixed(2)} ms`,
  `${quantile(run.latencies, 0.99).toFixed(2)} ms`,
  `${(run.latencies.length / run.seconds).toFixed(0)} /s`,
  baseline === undefined ? '1.00' : (median(run.latencies) / median(baseline.latencies)).toFixed(2),
  baseline === undefined
    ? '1.00'
    : (quantile(run.latencies, 0.99) / quantile(baseline.latencies, 0.99)).toFixed(2),
];

export const runCaseBench = async (): Promise<void> => {
  const t = await startTestStack();
  try {
    console.log(
      `\n## 随手拍 cases on the local stack (${CLIENTS} concurrent clients, Node ${process.version})\n`,
    );
    const ids: string[] = [];
    const seeding = await concurrently(CLIENTS, CASES, async (i) => {
      const response = await submitCase(t, i);
      if (response.status !== 201) return false;
      ids.push(((await response.json()) as { id: string }).id);
      return true;
    });
    if (ids.length === 0) throw new Error('no case could be created; is the stack healthy?');
    const pick = (i: number) => ids[(i * 7919) % ids.length] as string;

    // Warm both paths (module load, JIT, connections) before measuring.
    await concurrently(
      CLIENTS,
      CLIENTS * 2,
      async (i) => (await t.api(`/cases/${pick(i)}`, { token: t.stack.users.deputy.token })).ok,
    );
    const raw = await concurrently(CLIENTS, READS, async (i) => {
      const result = await t.dynamo.send(
        new GetCommand({
          TableName: localTableName('workflow'),
          Key: { pk: `CASE#${pick(i)}`, sk: 'RECORD' },
        }),
      );
      return result.Item !== undefined;
    });
    const api = await concurrently(CLIENTS, READS, async (i) => {
      const response = await t.api(`/cases/${pick(i)}`, { token: t.stack.users.deputy.token });
      await response.arrayBuffer();
      return response.status === 200;
    });
    printTable(
      ['operation', 'calls', 'failed', 'p50', 'p99', 'throughput', 'p50 ×raw', 'p99 ×raw'],
      [
        row('DynamoDB Local GetItem (raw)', raw),
        row('GET /cases/{id}', api, raw),
        row('POST /cases (seeding)', seeding, raw),
      ],
    );
    console.log(
      `\nraw = GetItem of the same case items through the SDK, no gateway. POST /cases writes the case and its first timeline entry in one transaction (${ids.length} cases).`,
    );
  } finally {
    await t.close();
  }
};
