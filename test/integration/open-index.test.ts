import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableInput, ensureTables, localClient } from '../../infra/local/dynamodb-local.ts';
import { localTableName } from '../../infra/local/environment.ts';
import { TABLES } from '../../infra/manifest.ts';
import { DynamoCaseStore } from '../../shared/adapters/dynamodb/case-store.ts';
import { backfillOpenIndex } from '../../shared/adapters/dynamodb/open-index-backfill.ts';
import { CASE_STATES } from '../../shared/domain/cases/case-record.ts';
import type { Principal, Role } from '../../shared/domain/roles.ts';
import { CASE_DEADLINE_STATES } from '../../shared/domain/workflow/escalation-candidates.ts';
import { reconcile } from '../../shared/domain/workflow/reconciliation.ts';
import { seedCaseSteps } from '../support/case-seed.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * The hourly jobs read open work from the workflow table's sparse `open` index (issue 21): a closed
 * case is not read, an open one escalates as before, the books still count the closed ones, a lost
 * open record is named, and records written before the index are put into it by the backfill.
 */

let t: TestStack;
type Handler = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;
let escalateOverdue: Handler;
const context = { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 };
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const table = () => localTableName('workflow');
/** The open cases as the jobs read them: through the workflow port (its DynamoDB adapter). */
const openCases = () => new DynamoCaseStore(t.dynamo, table()).openRecords();

const principal = (role: Role): Principal => {
  const { user } = t.stack.users[role];
  return {
    userId: user.sub,
    username: user.username,
    roles: [role],
    ...(user.department === undefined ? {} : { departmentId: user.department }),
  };
};
const people = () => ({ supervisor: principal('supervisor'), handler: principal('handler') });

/** Dispatched a month ago: far past its deadline. */
const overdueCase = async () =>
  (
    await seedCaseSteps(t, {
      reporter: principal('deputy'),
      submittedAt: daysAgo(30),
      steps: [
        ['accept', 'supervisor', daysAgo(29)],
        ['dispatch', 'supervisor', daysAgo(29), { leadDepartmentId: 'dept-ecology' }],
      ],
      principals: people(),
    })
  ).record.id;

const rejectedCase = async () =>
  (
    await seedCaseSteps(t, {
      reporter: principal('deputy'),
      submittedAt: daysAgo(20),
      steps: [['reject', 'supervisor', daysAgo(19), { reason: '不属于受理范围' }]],
      principals: people(),
    })
  ).record.id;

const record = async (id: string) =>
  (await t.dynamo.send(new GetCommand({ TableName: table(), Key: { pk: `CASE#${id}`, sk: 'RECORD' } }))).Item;

const runEscalation = () =>
  escalateOverdue({ job: 'escalateOverdue', scheduledTime: new Date().toISOString() }, context);

const casesReconciliation = async () => {
  const response = await t.api('/reports/escalations', { token: t.stack.users.supervisor.token });
  const body = (await response.json()) as { reconciliation: { cases: Record<string, unknown> } };
  return body.reconciliation.cases;
};

beforeAll(async () => {
  t = await startTestStack();
  escalateOverdue = ((await import('../../functions/jobs/escalate-overdue.ts')) as { handler: Handler })
    .handler;
});
afterAll(async () => {
  await t?.close();
});

describe('the sparse open index of the workflow table', () => {
  it('holds open cases and not closed ones; the open one escalates and the books count both', async () => {
    const open = await overdueCase();
    const closed = await rejectedCase();

    const read = await openCases();
    expect(read.records.map((r) => r.id)).toContain(open);
    expect(read.records.map((r) => r.id)).not.toContain(closed);
    expect(read.opened).toContain(open);
    expect(read.opened).not.toContain(closed);
    expect(read.closedByState.rejected).toBe(1);
    expect(await record(closed)).not.toHaveProperty('openpk');

    const run = await runEscalation();
    expect(run).toMatchObject({ ran: 1 });
    const escalated = await record(open);
    expect(escalated?.escalationLevel).toBe(3);
    expect(await casesReconciliation()).toMatchObject({
      balanced: true,
      created: 2,
      byState: expect.objectContaining({ dispatched: 1, rejected: 1 }),
    });
  });

  it('names an open case whose record was lost', async () => {
    const lost = await overdueCase();
    await t.dynamo.send(new DeleteCommand({ TableName: table(), Key: { pk: `CASE#${lost}`, sk: 'RECORD' } }));
    const read = await openCases();
    // What the hourly job reconciles (escalate-overdue.ts), from the open index and the ledger.
    const books = reconcile({
      created: read.opened,
      records: read.records,
      closedByState: read.closedByState,
      states: CASE_STATES,
      statesNeedingDeadline: CASE_DEADLINE_STATES,
    });
    expect(books.balanced).toBe(false);
    expect(books.outside).toEqual([{ id: lost, problem: 'createdWithoutRecord' }]);
  });

  it('backfills records written before the index: open ones get their keys and marker, closed ones the ledger', async () => {
    const legacyOpen = await overdueCase();
    const legacyClosed = await rejectedCase();
    // As the code before the index wrote them: no open keys, no marker, no ledger.
    for (const id of [legacyOpen, legacyClosed]) {
      const { openpk: _p, opensk: _s, ...old } = (await record(id)) ?? {};
      await t.dynamo.send(new PutCommand({ TableName: table(), Item: old }));
      await t.dynamo.send(new DeleteCommand({ TableName: table(), Key: { pk: `CASE#${id}`, sk: 'OPEN' } }));
    }
    await t.dynamo.send(new DeleteCommand({ TableName: table(), Key: { pk: 'CASE#LEDGER', sk: 'SHARD#0' } }));
    const before = await openCases();
    expect(before.records.map((r) => r.id)).not.toContain(legacyOpen);

    const first = await backfillOpenIndex(t.dynamo, table());
    expect(first.indexed).toBe(1);
    const after = await openCases();
    expect(after.records.map((r) => r.id)).toContain(legacyOpen);
    expect(after.opened).toContain(legacyOpen);
    expect(after.closedByState.rejected).toBe(2);

    const second = await backfillOpenIndex(t.dynamo, table());
    expect(second).toMatchObject({ indexed: 0, changedMeanwhile: 0 });
    expect((await openCases()).closedByState).toEqual(after.closedByState);
  });
});

describe('a local data folder made before the index', () => {
  it('gets the index added on the next start', async () => {
    const client = localClient(t.stack.urls.dynamodb);
    const name = (id: string) => `before-open-index-${id}`;
    const spec = TABLES.workflow;
    const older = { ...spec, indexes: spec.indexes.filter((index) => index.name !== 'open') };
    await client.send(new CreateTableCommand(createTableInput(name('workflow'), older)));

    await ensureTables(t.stack.urls.dynamodb, name);

    const table = await client.send(new DescribeTableCommand({ TableName: name('workflow') }));
    expect(table.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([
      'gsi1',
      'gsi2',
      'open',
    ]);
    client.destroy();
  });
});
