/**
 * `npm run bench -- escalation`: the hourly escalation job's time over the same open cases with 1×
 * and then 10× the closed history (issue 21; target ≤ 1.2×), and beside it the full-table scan the
 * job used before the sparse `open` index, timed on the same data in the same run. Closed history is
 * written raw, as the store would have left it: the record in a terminal state and its timeline.
 */
import { spawn } from 'node:child_process';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { localTableName } from '../../infra/local/environment.ts';
import { scanWorkflowHeads } from '../../shared/adapters/dynamodb/workflow-scan.ts';
import { submitCase } from '../../shared/domain/cases/submit-case.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { seedCaseSteps } from '../support/case-seed.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { median, printTable } from './format.ts';

const OPEN = Number(process.env.BENCH_ESCALATION_OPEN ?? 60);
const CLOSED = Number(process.env.BENCH_ESCALATION_CLOSED ?? 1000);
const RUNS = Number(process.env.BENCH_ESCALATION_RUNS ?? 7);
const TIMELINE = 6;
const CHILD_FLAG = 'QS_ESCALATION_BENCH_CHILD';
const DAY = 86_400_000;

type Handler = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 900_000 };

export const runEscalationBench = async (): Promise<void> => {
  const child = spawn(process.execPath, [...process.execArgv, import.meta.filename], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD_FLAG]: '1' },
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`escalation bench exited with ${code}`);
};

const principalOf = (t: TestStack, role: 'deputy' | 'supervisor'): Principal => {
  const { user } = t.stack.users[role];
  return { userId: user.sub, username: user.username, roles: [role] };
};

/** `count` closed cases (record + timeline), 25 items a BatchWriteItem, 8 requests at once. */
const writeClosedHistory = async (t: TestStack, from: number, count: number, reporter: Principal) => {
  const items: Record<string, unknown>[] = [];
  for (let i = from; i < from + count; i++) {
    const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000);
    const id = `closed-${i}`;
    const { record, entry } = submitCase({
      id,
      principal: reporter,
      payload: { categoryId: 'noise', title: `已结案 ${i}`, description: 'bench history', mediaIds: [] },
      at,
    });
    items.push({
      ...record,
      state: 'closed',
      version: TIMELINE,
      pk: `CASE#${id}`,
      sk: 'RECORD',
      kind: 'case',
    });
    for (let seq = 1; seq <= TIMELINE; seq++) {
      items.push({
        ...entry,
        seq,
        pk: `CASE#${id}`,
        sk: `TL#${String(seq).padStart(6, '0')}`,
        kind: 'timeline',
      });
    }
  }
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) =>
    items.slice(i * 25, i * 25 + 25),
  );
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < batches.length; i = next++) {
      let pending = (batches[i] ?? []).map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const result = await t.dynamo.send(
          new BatchWriteCommand({ RequestItems: { [localTableName('workflow')]: pending } }),
        );
        pending = (result.UnprocessedItems?.[localTableName('workflow')] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
};

const timeRuns = async (run: () => Promise<unknown>, runs = RUNS): Promise<number> => {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
};

const benchEscalation = async (): Promise<void> => {
  const t = await startTestStack();
  try {
    const escalate = ((await import('../../functions/jobs/escalate-overdue.ts')) as { handler: Handler })
      .handler;
    const deputy = principalOf(t, 'deputy');
    const supervisor = principalOf(t, 'supervisor');
    const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    for (let i = 0; i < OPEN; i++) {
      await seedCaseSteps(t, {
        reporter: deputy,
        submittedAt: ago(30),
        steps: [
          ['accept', 'supervisor', ago(29)],
          ['dispatch', 'supervisor', ago(29), { leadDepartmentId: 'dept-ecology' }],
        ],
        principals: { supervisor },
      });
    }
    // The job's own read and pass, judged now, not written (the same work as the hourly run's read).
    const job = () =>
      escalate({ job: 'escalateOverdue', scheduledTime: new Date().toISOString(), dryRun: true }, context);
    const scan = () => scanWorkflowHeads(t.dynamo, localTableName('workflow'));
    await writeClosedHistory(t, 0, CLOSED, deputy);
    const jobAt1 = await timeRuns(job);
    const scanAt1 = await timeRuns(scan, 3);
    await writeClosedHistory(t, CLOSED, CLOSED * 9, deputy);
    const jobAt10 = await timeRuns(job);
    const scanAt10 = await timeRuns(scan, 3);
    console.log(
      `\n## Escalation over ${OPEN} open cases with ${CLOSED} vs ${CLOSED * 10} closed ones (${TIMELINE} timeline entries each), median of ${RUNS} job runs and 3 scans (Node ${process.version})\n`,
    );
    printTable(
      ['read', '1× closed', '10× closed', '10× / 1×'],
      [
        [
          'escalateOverdue (open index, dry run)',
          `${jobAt1.toFixed(1)} ms`,
          `${jobAt10.toFixed(1)} ms`,
          (jobAt10 / jobAt1).toFixed(2),
        ],
        [
          'full-table Scan (before the index)',
          `${scanAt1.toFixed(1)} ms`,
          `${scanAt10.toFixed(1)} ms`,
          (scanAt10 / scanAt1).toFixed(2),
        ],
      ],
    );
    console.log(
      '\nTarget: 10× / 1× ≤ 1.2 for the job. Shared 2-core box (~5 engineers at once): single figures are noisy, read the ratios.',
    );
  } finally {
    await t.close();
  }
};

if (process.env[CHILD_FLAG] === '1' && process.argv[1] === import.meta.filename) await benchEscalation();
