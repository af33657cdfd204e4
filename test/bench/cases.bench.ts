/**
 * 随手拍 cases on the local stack: `POST /cases` throughput while seeding, then `GET /cases/{id}`
 * p50/p99 under 50 concurrent clients beside a raw DynamoDB Local GetItem of the same items, measured
 * in the same run, so the ratio shows what the gateway, JWT check, handler and view add.
 * Everything runs in one Node process on a shared machine: read ratios, not absolute figures.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { localTableName } from '../../infra/local/environment.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { concurrently, inTurns, row } from './concurrent-run.ts';
import { loadNow, printTable } from './format.ts';
import { probeRequests } from './request-probe.ts';
import { benchSuggestionLists } from './suggestion-lists.ts';

const CASES = Number(process.env.BENCH_CASES ?? 300);
const READS = Number(process.env.BENCH_READS ?? 3000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);

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

const act = (t: TestStack, id: string, action: string, payload: unknown) =>
  t.api(`/cases/${id}/transitions`, {
    method: 'POST',
    token: t.stack.users.supervisor.token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, payload }),
  });

/** Two cases in three are accepted and dispatched, alternately to ecology and urban management. */
const DEPARTMENTS = ['dept-ecology', 'dept-urban-management'];

const rawPage = (t: TestStack, partition: string) =>
  t.dynamo.send(
    new QueryCommand({
      TableName: localTableName('workflow'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: 20,
    }),
  );

const CHILD_FLAG = 'QS_CASES_BENCH_CHILD';

/** Runs in a child process for the same reason as the ingest bench: the handlers' SDK client keeps the first stack's endpoint. */
export const runCaseBench = async (): Promise<void> => {
  const child = spawn(process.execPath, [...process.execArgv, import.meta.filename], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD_FLAG]: '1' },
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`cases bench exited with ${code}`);
};

/**
 * The baseline of `POST /cases`: the very TransactWriteItems its handler sent for one case, replayed
 * with a fresh case id each call — the same items, without gateway, JWT check, handler and reads.
 */
const rawCaseTransaction = async (
  t: TestStack,
  captured: TransactWriteCommandInput,
  capturedId: string,
): Promise<boolean> => {
  const input = JSON.parse(
    JSON.stringify(captured).replaceAll(capturedId, randomUUID()),
  ) as TransactWriteCommandInput;
  await t.dynamo.send(new TransactWriteCommand(input));
  return true;
};

/** Measured calls and their raw baseline run in this many turns (concurrent-run.ts). */
const TURNS = 5;

const benchCases = async (): Promise<void> => {
  const t = await startTestStack();
  const probe = probeRequests();
  try {
    console.log(
      `\n## 随手拍 cases on the local stack (${CLIENTS} concurrent clients, Node ${process.version}, load ${loadNow()})\n`,
    );
    const ids: string[] = [];
    // Warm the submit path, and capture one real creating transaction for the raw baseline.
    const warm = await submitCase(t, -1);
    const warmId = ((await warm.json()) as { id: string }).id;
    const captured = probe.lastInput('TransactWriteItems') as TransactWriteCommandInput;
    // Warm both write paths alike (JIT of the handler and of DynamoDB Local's transactions) before
    // measuring either: the first calls of a cold path took seconds and made the p99 of whichever ran first.
    await concurrently(CLIENTS, CLIENTS * 2, async (i) => (await submitCase(t, 1000 + i)).status === 201);
    await concurrently(CLIENTS, CLIENTS * 2, () => rawCaseTransaction(t, captured, warmId));
    probe.reset();
    const creating = await inTurns(
      CLIENTS,
      CASES,
      TURNS,
      () => rawCaseTransaction(t, captured, warmId),
      async (i) => {
        const response = await submitCase(t, i);
        if (response.status !== 201) return false;
        ids.push(((await response.json()) as { id: string }).id);
        return true;
      },
    );
    const [rawCreate, seeding] = [creating.baseline, creating.measured];
    const submitRequests = probe.summary(CASES);
    if (ids.length === 0) throw new Error('no case could be created; is the stack healthy?');
    const pick = (i: number) => ids[(i * 7919) % ids.length] as string;

    // Warm both paths (module load, JIT, connections) before measuring.
    await concurrently(
      CLIENTS,
      CLIENTS * 2,
      async (i) => (await t.api(`/cases/${pick(i)}`, { token: t.stack.users.deputy.token })).ok,
    );
    const { baseline: raw, measured: api } = await inTurns(
      CLIENTS,
      READS,
      TURNS,
      async (i) => {
        const result = await t.dynamo.send(
          new GetCommand({
            TableName: localTableName('workflow'),
            Key: { pk: `CASE#${pick(i)}`, sk: 'RECORD' },
          }),
        );
        return result.Item !== undefined;
      },
      async (i) => {
        const response = await t.api(`/cases/${pick(i)}`, { token: t.stack.users.deputy.token });
        await response.arrayBuffer();
        return response.status === 200;
      },
    );
    printTable(
      ['operation', 'calls', 'failed', 'p50', 'p99', 'throughput', 'p50 ×raw', 'p99 ×raw'],
      [row('DynamoDB Local GetItem (raw)', raw), row('GET /cases/{id}', api, raw)],
    );
    console.log('');
    printTable(
      ['operation', 'calls', 'failed', 'p50', 'p99', 'throughput', 'p50 ×raw', 'p99 ×raw'],
      [
        row(
          `raw TransactWriteItems, the ${captured.TransactItems?.length ?? 0} items of one case`,
          rawCreate,
        ),
        row('POST /cases', seeding, rawCreate),
      ],
    );
    console.log(`\nPOST /cases: DynamoDB requests per case: ${submitRequests} (load ${loadNow()})`);
    // Dispatch two cases in three so the department partitions hold real pages.
    const dispatching = await concurrently(CLIENTS, ids.length, async (i) => {
      if (i % 3 === 2) return true;
      const id = ids[i] as string;
      if (!(await act(t, id, 'accept', { note: '立案' })).ok) return false;
      const response = await act(t, id, 'dispatch', { leadDepartmentId: DEPARTMENTS[i % 3] });
      await response.arrayBuffer();
      return response.ok;
    });
    const lists: [string, string, string, string][] = [
      ['GET /cases?limit=20 (supervisor, all)', '/cases?limit=20', 'supervisor', 'CASES#ALL'],
      ['GET /cases?limit=20 (handler, own dept)', '/cases?limit=20', 'handler', 'CASES#DEPT#dept-ecology'],
      [
        'GET /cases?category=noise&state=dispatched&limit=20 (supervisor)',
        '/cases?category=noise&state=dispatched&limit=20',
        'supervisor',
        'CASES#ALL',
      ],
    ];
    const listRows: string[][] = [];
    const listRequests: string[] = [];
    for (const [name, path, role, partition] of lists) {
      const token = t.stack.users[role as 'supervisor' | 'handler'].token;
      await concurrently(CLIENTS, CLIENTS * 2, async () => (await t.api(path, { token })).ok);
      probe.reset();
      const { baseline: raw, measured: api } = await inTurns(
        CLIENTS,
        READS,
        TURNS,
        async () => ((await rawPage(t, partition)).Items?.length ?? 0) > 0,
        async () => {
          const response = await t.api(path, { token });
          await response.arrayBuffer();
          return response.status === 200;
        },
      );
      listRows.push(row(`raw Query gsi1 ${partition} Limit 20`, raw), row(name, api, raw));
      listRequests.push(`${name}: ${probe.summary(READS)}`);
    }
    console.log('');
    printTable(
      ['operation', 'calls', 'failed', 'p50', 'p99', 'throughput', 'p50 ×raw', 'p99 ×raw'],
      [...listRows, row('POST accept + dispatch (seeding)', dispatching)],
    );
    const suggestions = await benchSuggestionLists(t, probe, CLIENTS, READS);
    console.log('');
    printTable(
      ['operation', 'calls', 'failed', 'p50', 'p99', 'throughput', 'p50 ×raw', 'p99 ×raw'],
      suggestions.rows,
    );
    console.log(
      `\nDynamoDB requests per list page (load ${loadNow()}):\n${[...listRequests, ...suggestions.requests].join('\n')}`,
    );
    console.log(
      `\nList raw = one gsi1 Query of the same partition, newest first, Limit 20; the filtered API call may read several such pages to fill one. Two cases in three dispatched via the API (ecology / urban management); the handler is handler-eco.`,
    );
    console.log(
      `\nraw = GetItem of the same case items through the SDK, no gateway. POST /cases writes the case and its first timeline entry in one transaction (${ids.length} cases).`,
    );
  } finally {
    await t.close();
  }
};

if (process.env[CHILD_FLAG] === '1' && process.argv[1] === import.meta.filename) await benchCases();
