import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoPendingStore } from '../../shared/adapters/dynamodb/carbon/ingest-pending.ts';
import { DynamoIngestStore } from '../../shared/adapters/dynamodb/carbon/ingest-store.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { retryWithBackoff } from '../../shared/adapters/retry-with-backoff.ts';
import { budgetSpent, type RunDeps, runImport } from '../../shared/application/imports/run-import.ts';
import { runWithdrawal } from '../../shared/application/imports/run-withdrawal.ts';
import { accountingDefaults } from '../../shared/config/accounting-defaults.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { DEFAULT_IDENTIFIER_PREFIX, ENV, tableName, timeZone } from '../../shared/config/env.ts';
import { loadFactorLibrary } from '../../shared/domain/carbon/accounting/factors.ts';
import type { ImportRecord } from '../../shared/domain/imports/import-record.ts';
import { isOpen } from '../../shared/domain/imports/import-record.ts';
import { progressSink } from '../../shared/observability/progress.ts';
import { importAccounts, importFiles, importStore } from '../imports/imports-context.ts';
import { scheduledJobHandler } from '../middleware/schedule.ts';

/** A worker holds an import this long (the function's timeout is 15 minutes). */
const LEASE_MS = 14 * 60 * 1000;
/**
 * An invocation starts no checkpoint after this: the one under way (200 rows, a minute or two on a
 * loaded box) ends inside the lease, the lease is released, and the next minute's tick resumes the
 * import or its withdrawal. Without it a long file (or its withdrawal) ran into the timeout: the
 * lease lapsed under a run still booking (locally a timed-out handler is not killed), a second
 * worker took the import up beside it, and the two raced for the same slots.
 */
export const RUN_BUDGET_MS = 11 * 60 * 1000;

/** The job's wiring: the carbon table (imports, slots, rollups), the registry (accounts, meters), the bucket. */
export const importRunDeps = (): Omit<RunDeps, 'progress'> => {
  const client = getDocumentClient();
  const registry = new DynamoRegistryStore(client, tableName('registry'));
  return {
    store: importStore(),
    accounts: importAccounts(),
    files: importFiles(),
    ingest: new DynamoIngestStore(client, tableName('carbon')),
    pending: new DynamoPendingStore(client, tableName('carbon')),
    // Parsed on first use, not at load: most minutes find no import to run, and checking the factor
    // library was the largest part of this function's cold start (docs/performance.md, "Cold start").
    get library() {
      return loadFactorLibrary();
    },
    // Read when a run starts (runLeased reads it again per run): the GWP set's parse and hash check
    // need not happen at load.
    get accounting() {
      return accountingDefaults();
    },
    timeZone: timeZone(),
    handlePrefix: process.env[ENV.identifierPrefix] || DEFAULT_IDENTIFIER_PREFIX,
    retry: retryWithBackoff,
    meter: (id) => registry.getMeter(id),
    enterprise: (id) => registry.getEnterprise(id),
    now: systemClock,
  };
};

const deps = importRunDeps();

/**
 * Runs one import (or its withdrawal) under its lease until `until` (then it stops at a checkpoint,
 * still running or withdrawing, for the next tick); false when another worker holds it.
 */
export const runLeased = async (
  base: Omit<RunDeps, 'progress'>,
  record: ImportRecord,
  label: string,
  until: Date,
) => {
  const now = base.now();
  const claimed = await base.store.claim(
    record.id,
    now.toISOString(),
    new Date(now.getTime() + LEASE_MS).toISOString(),
  );
  if (claimed === undefined) return false;
  const run: RunDeps = {
    ...base,
    accounting: accountingDefaults(),
    progress: progressSink(`${label} ${record.id}`),
  };
  try {
    const job = claimed.status === 'withdrawing' ? runWithdrawal : runImport;
    await job(run, claimed, { until });
  } finally {
    await base.store.update(record.id, { leaseUntil: base.now().toISOString() });
  }
  return true;
};

/**
 * Every minute: works through queued, interrupted and withdrawing imports, oldest first, each under
 * a lease so two workers never run one at once; an interrupted one resumes from its checkpoint.
 */
export const handler = scheduledJobHandler(async (event) => {
  const open: ImportRecord[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await deps.store.list(100, cursor);
    open.push(...page.items.filter(isOpen));
    cursor = page.next;
  } while (cursor && open.length < 100);
  const until = new Date(deps.now().getTime() + RUN_BUDGET_MS);
  const ran: string[] = [];
  for (const record of open.reverse()) {
    if (budgetSpent({ until }, deps.now())) break;
    if (await runLeased(deps, record, event.job, until)) ran.push(record.id);
  }
  return { job: event.job, imports: ran };
});
