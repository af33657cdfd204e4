import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { localTableName } from '../../infra/local/environment.ts';
import type { TestStack } from '../support/local-stack.ts';
import { concurrently, type Phase, phasesInTurns, type Run, row } from './concurrent-run.ts';
import type { LoadThread } from './load-thread.ts';
import { drainNotifications } from './outbox-drain.ts';
import type { probeRequests } from './request-probe.ts';
import type { tailProfile } from './tail-profile.ts';

/** What every measured list (and POST) shares: the stack, its probes and both client placements. */
export interface BenchContext {
  t: TestStack;
  probe: ReturnType<typeof probeRequests>;
  profile: ReturnType<typeof tailProfile>;
  thread: LoadThread;
  clients: number;
  reads: number;
  turns: number;
}

/** A turn of the load worker as a phase. */
export const threadPhase = (
  context: BenchContext,
  name: string,
  job: (offset: number, calls: number) => Parameters<LoadThread['run']>[0],
  created?: string[],
): Phase => ({
  name,
  run: async (offset, calls) => {
    const answer = await context.thread.run(job(offset, calls));
    created?.push(...answer.created);
    return answer.run;
  },
});

/** Calls of this process (the old placement: one event loop with the gateway and handlers) as a phase. */
export const localPhase = (
  context: BenchContext,
  name: string,
  call: (i: number) => Promise<boolean>,
): Phase => ({
  name,
  run: (offset, calls) => concurrently(context.clients, calls, (i) => call(offset + i)),
});

/**
 * The four phases in turns, and their rows: the raw baseline and the API call made from this
 * process (the bench as it was: `t.api` checks every answer against the route's contract, on the
 * event loop that serves the API), then both made from the load worker (plain fetch, no check).
 */
export const measureFourWays = async (
  context: BenchContext,
  total: number,
  labels: { raw: string; api: string },
  phases: [Phase, Phase, Phase, Phase],
): Promise<string[][]> => {
  // Warm every phase alike (connections, JIT) before measuring any; the probe counts measured calls only.
  for (const phase of phases) await phase.run(0, context.clients * 2);
  await drainNotifications();
  await context.probe.settled();
  context.probe.reset();
  const [rawHere, apiHere, rawThread, apiThread] = (await phasesInTurns(
    total,
    context.turns,
    phases,
    context.profile.around,
  )) as [Run, Run, Run, Run];
  return [
    row(`${labels.raw} — same process (old bench)`, rawHere),
    row(`${labels.api} — same process, contract-checked (old bench)`, apiHere, rawHere),
    row(`${labels.raw} — load thread`, rawThread),
    row(`${labels.api} — load thread, plain fetch`, apiThread, rawThread),
  ];
};

export interface ListSpec {
  name: string;
  path: string;
  token: string;
  index: 'gsi1' | 'gsi2';
  partition: string;
}

const rawPage = (t: TestStack, index: string, partition: string) =>
  t.dynamo.send(
    new QueryCommand({
      TableName: localTableName('workflow'),
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: 20,
    }),
  );

/**
 * One list page measured four ways beside one raw Query of the same partition (Limit 20, newest
 * first); also the DynamoDB requests its handler sent per page (both placements together).
 */
export const measureListPage = async (
  context: BenchContext,
  list: ListSpec,
): Promise<{ rows: string[][]; requests: string }> => {
  const { t, probe } = context;
  const page = async () => {
    const response = await t.api(list.path, { token: list.token });
    await response.arrayBuffer();
    return response.status === 200;
  };
  const partition = list.partition.replace(/#[^#]{20,}$/, '#…');
  const rows = await measureFourWays(
    context,
    context.reads,
    { raw: `raw Query ${list.index} ${partition} Limit 20`, api: list.name },
    [
      localPhase(context, `raw ${list.name}`, async () => {
        return ((await rawPage(t, list.index, list.partition)).Items?.length ?? 0) > 0;
      }),
      localPhase(context, `api ${list.name}`, page),
      threadPhase(context, `raw ${list.name} (thread)`, (offset, calls) => ({
        kind: 'query',
        clients: context.clients,
        calls,
        offset,
        table: localTableName('workflow'),
        index: list.index,
        partition: list.partition,
        limit: 20,
      })),
      threadPhase(context, `api ${list.name} (thread)`, (offset, calls) => ({
        kind: 'get',
        clients: context.clients,
        calls,
        offset,
        paths: [list.path],
        token: list.token,
      })),
    ],
  );
  return { rows, requests: `${list.name}: ${probe.summary(context.reads * 2)}` };
};
