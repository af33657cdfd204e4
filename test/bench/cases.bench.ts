/**
 * 随手拍 cases on the local stack: `POST /cases` throughput while seeding, then `GET /cases/{id}`
 * p50/p99 under 50 concurrent clients beside a raw DynamoDB Local GetItem of the same items, and
 * the list pages beside a raw Query of the same partition, measured in the same run, so the ratio
 * shows what the gateway, JWT check, handler and view add. POST and lists are measured with the
 * clients in this process (as the bench was) and on a load thread (list-pages.ts); a tail profile
 * of the serving thread is printed after each table (tail-profile.ts). Read ratios, not absolutes.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { LOCAL_REGION, localTableName } from '../../infra/local/environment.ts';
import { LOCAL_S3_CREDENTIALS } from '../../infra/local/s3-local.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { concurrently, inTurns, row } from './concurrent-run.ts';
import { loadNow, printTable } from './format.ts';
import {
  type BenchContext,
  type ListSpec,
  localPhase,
  measureFourWays,
  measureListPage,
  threadPhase,
} from './list-pages.ts';
import { startLoadThread } from './load-thread.ts';
import { probeRequests } from './request-probe.ts';
import { benchSuggestionLists } from './suggestion-lists.ts';
import { tailProfile } from './tail-profile.ts';

const CASES = Number(process.env.BENCH_CASES ?? 300);
const READS = Number(process.env.BENCH_READS ?? 3000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);

const caseBody = (i: number) =>
  JSON.stringify({
    categoryId: i % 2 === 0 ? 'noise' : 'waterPollution',
    title: `压测案件 ${i}`,
    description: 'bench case',
    location: { latitude: 30.5 + (i % 100) / 10_000, longitude: 114.3 },
  });

const submitCase = (t: TestStack, i: number) =>
  t.api('/cases', {
    method: 'POST',
    token: t.stack.users.deputy.token,
    headers: { 'content-type': 'application/json' },
    body: caseBody(i),
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

/** POST /cases four ways (list-pages.ts) beside the raw transaction of one case; the ids created. */
const benchSubmit = async (context: BenchContext, ids: string[]) => {
  const { t, probe } = context;
  // Capture one real creating transaction for the raw baseline.
  const warm = await submitCase(t, -1);
  const warmId = ((await warm.json()) as { id: string }).id;
  const captured = probe.lastInput('TransactWriteItems') as TransactWriteCommandInput;
  // The first calls of a cold path (handler JIT, DynamoDB Local's transactions) took seconds.
  await concurrently(CLIENTS, CLIENTS * 2, async (i) => (await submitCase(t, 1000 + i)).status === 201);
  const rows = await measureFourWays(
    context,
    CASES,
    {
      raw: `raw TransactWriteItems, the ${captured.TransactItems?.length ?? 0} items of one case`,
      api: 'POST /cases',
    },
    [
      localPhase(context, 'raw transaction', () => rawCaseTransaction(t, captured, warmId)),
      localPhase(context, 'POST /cases', async (i) => {
        const response = await submitCase(t, i);
        if (response.status !== 201) return false;
        ids.push(((await response.json()) as { id: string }).id);
        return true;
      }),
      threadPhase(context, 'raw transaction (thread)', (offset, calls) => ({
        kind: 'transaction',
        clients: CLIENTS,
        calls,
        offset,
        input: captured,
        replace: warmId,
      })),
      threadPhase(
        context,
        'POST /cases (thread)',
        (offset, calls) => ({
          kind: 'post',
          clients: CLIENTS,
          calls,
          offset,
          path: '/cases',
          token: t.stack.users.deputy.token,
          bodies: Array.from({ length: calls }, (_, i) => caseBody(offset + i)),
          status: 201,
        }),
        ids,
      ),
    ],
  );
  return { rows, requests: probe.summary(CASES * 2) };
};

const HEADERS = ['operation', 'calls', 'failed', 'p50', 'p99', 'throughput', 'p50 ×raw', 'p99 ×raw'];

const printProfile = (profile: ReturnType<typeof tailProfile>) => {
  console.log('');
  printTable(profile.headers, profile.rows());
};

const benchCases = async (): Promise<void> => {
  const profile = tailProfile();
  const t = await startTestStack({ log: profile.log });
  // No scheduled job shares the measured thread (in AWS each is a function of its own); the
  // notification backlog is drained before each list measurement instead (outbox-drain.ts).
  await t.stack.scheduler.stop();
  const probe = probeRequests();
  const thread = startLoadThread({
    dynamodb: t.stack.urls.dynamodb,
    region: LOCAL_REGION,
    credentials: LOCAL_S3_CREDENTIALS,
    api: t.stack.urls.api,
  });
  const context: BenchContext = { t, probe, profile, thread, clients: CLIENTS, reads: READS, turns: TURNS };
  try {
    console.log(
      `\n## 随手拍 cases on the local stack (${CLIENTS} concurrent clients, Node ${process.version}, load ${loadNow()})\n`,
    );
    const ids: string[] = [];
    const submit = await benchSubmit(context, ids);
    printTable(HEADERS, submit.rows);
    printProfile(profile);
    console.log(`\nPOST /cases: DynamoDB requests per case: ${submit.requests} (load ${loadNow()})`);
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
    console.log('');
    printTable(HEADERS, [row('DynamoDB Local GetItem (raw)', raw), row('GET /cases/{id}', api, raw)]);
    // Dispatch two cases in three so the department partitions hold real pages.
    const dispatching = await concurrently(CLIENTS, ids.length, async (i) => {
      if (i % 3 === 2) return true;
      const id = ids[i] as string;
      if (!(await act(t, id, 'accept', { note: '立案' })).ok) return false;
      const response = await act(t, id, 'dispatch', { leadDepartmentId: DEPARTMENTS[i % 3] });
      await response.arrayBuffer();
      return response.ok;
    });
    const { supervisor, handler } = t.stack.users;
    const lists: ListSpec[] = [
      {
        name: 'GET /cases?limit=20 (supervisor, all)',
        path: '/cases?limit=20',
        token: supervisor.token,
        index: 'gsi1',
        partition: 'CASES#ALL',
      },
      {
        name: 'GET /cases?limit=20 (handler, own dept)',
        path: '/cases?limit=20',
        token: handler.token,
        index: 'gsi1',
        partition: 'CASES#DEPT#dept-ecology',
      },
      {
        // The raw baseline reads the partition the filtered list reads (LIST#ALL's gsi2).
        name: 'GET /cases?category=noise&state=dispatched&limit=20 (supervisor)',
        path: '/cases?category=noise&state=dispatched&limit=20',
        token: supervisor.token,
        index: 'gsi2',
        partition: 'CASES#STATE#dispatched#CATEGORY#noise',
      },
    ];
    const listRows: string[][] = [];
    const listRequests: string[] = [];
    for (const list of lists) {
      const measured = await measureListPage(context, list);
      listRows.push(...measured.rows);
      listRequests.push(measured.requests);
    }
    console.log('');
    printTable(HEADERS, [...listRows, row('POST accept + dispatch (seeding)', dispatching)]);
    printProfile(profile);
    const suggestions = await benchSuggestionLists(context);
    console.log('');
    printTable(HEADERS, suggestions.rows);
    printProfile(profile);
    console.log(
      `\nDynamoDB requests per list page (load ${loadNow()}):\n${[...listRequests, ...suggestions.requests].join('\n')}`,
    );
    console.log(
      `\nList raw = one Query of the partition the API call reads, newest first, Limit 20. Two cases in three dispatched via the API (ecology / urban management); the handler is handler-eco. "same process": the clients run on the event loop that serves the API (the bench before 2026-12-07 15:00, contract check included); "load thread": raw and API clients on a worker thread, plain fetch.`,
    );
    console.log(
      `\nraw = GetItem of the same case items through the SDK, no gateway. POST /cases writes the case and its first timeline entry in one transaction (${ids.length} cases).`,
    );
  } finally {
    profile.stop();
    await thread.close();
    await t.close();
  }
};

if (process.env[CHILD_FLAG] === '1' && process.argv[1] === import.meta.filename) await benchCases();
