import { randomUUID } from 'node:crypto';
import { runRecalculation } from '../../../shared/application/carbon/recalculation-run.ts';
import { accountingDefaults } from '../../../shared/config/accounting-defaults.ts';
import type { ScheduledJobEvent } from '../../../shared/contracts/jobs.ts';
import type {
  RecalcScope,
  RecalculationRecord,
} from '../../../shared/domain/carbon/rollups/recalculation-model.ts';
import {
  newRecalculation,
  openRecalculationOf,
} from '../../../shared/domain/carbon/rollups/recalculation-requests.ts';
import { CITY_ID } from '../../../shared/domain/carbon/rollups/rollup-model.ts';
import { progressSink } from '../../../shared/observability/progress.ts';
import { scheduledJobHandler } from '../../middleware/schedule.ts';
import { recalculationDeps, viewOf } from '../recalculations/recalculation-context.ts';

const deps = recalculationDeps();
/** A worker holds a recalculation this long (the function's timeout is 15 minutes). */
const LEASE_MS = 14 * 60 * 1000;

/** Runs one recalculation under its lease; undefined when another worker holds it. */
const runLeased = async (job: string, record: RecalculationRecord) => {
  const now = deps.now();
  const claimed = await deps.store.claim(
    record.id,
    now.toISOString(),
    new Date(now.getTime() + LEASE_MS).toISOString(),
  );
  if (claimed === undefined) return undefined;
  try {
    // The configuration as it is now, for `accounting: current`.
    const run = { ...deps, accounting: accountingDefaults(), progress: progressSink(`${job} ${record.id}`) };
    await runRecalculation(run, claimed);
  } finally {
    await deps.store.update(record.id, { leaseUntil: deps.now().toISOString() });
  }
  return viewOf(deps, record.id);
};

/** `npm run job -- recalculate --enterprise ENT-0001 --period 2026-11`: that scope's month, now. */
const runByHand = async (event: ScheduledJobEvent, period: string) => {
  const asked = event.recalculation;
  if (asked === undefined) throw new Error('no scope');
  const scope: RecalcScope = asked.level === 'city' ? { level: 'city', id: CITY_ID } : asked;
  if (scope.level === 'enterprise' && (await deps.registry.getEnterprise(scope.id)) === undefined)
    throw new Error(`企业不存在 (enterprise ${scope.id} not found)`);
  const open = openRecalculationOf(await deps.store.listRecent(50), scope, period);
  if (open !== undefined) return runLeased(event.job, open);
  const record = newRecalculation(
    {
      scope,
      period,
      reason: asked.reason ?? 'npm run job -- recalculate',
      accounting: 'as-logged',
      requestedBy: 'cli',
    },
    `recalc-${deps.now().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`,
    deps.now(),
    deps.timeZone,
  );
  await deps.store.create(record);
  return runLeased(event.job, record);
};

/**
 * Every minute: works through the queued (or interrupted) recalculations, oldest first, each under a
 * lease so two workers never run one at once; an interrupted one resumes from its checkpoint. By
 * hand (`--enterprise`/`--city` and `--period`) it recalculates that scope's month at once.
 */
export const handler = scheduledJobHandler(async (event) => {
  if (event.recalculation !== undefined) {
    if (event.period === undefined || !/^\d{4}-\d{2}$/.test(event.period))
      throw new Error('recalculate needs --period YYYY-MM');
    return { job: event.job, recalculation: await runByHand(event, event.period) };
  }
  const open = (await deps.store.listRecent(50))
    .filter((r) => r.status === 'queued' || r.status === 'running')
    .reverse();
  const ran: string[] = [];
  for (const record of open) if ((await runLeased(event.job, record)) !== undefined) ran.push(record.id);
  return { job: event.job, ran };
});
