/**
 * `npm run job -- <name> [--period 2026-11 | --date 2026-11-28] [--at <ISO instant>] [--commit]`: runs
 * one scheduled job by hand against the running local stack (`npm start` in another terminal),
 * exactly as the scheduler would fire it, with a progress bar. `npm run job -- --list` names the jobs.
 * Nothing is written as of the future (job-run-mode.ts): escalation judged at another instant
 * (`--at`) and a report of a period that has not ended (or judged at a future `--at`) are dry runs
 * unless `--commit` is given, and a commit is refused for the future (README "Scheduled jobs by hand").
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PROGRESS_ENV } from '../../shared/observability/progress.ts';
import { DEFAULTS, FUNCTIONS, type ScheduleTrigger } from '../manifest.ts';
import { localEnvironment } from './environment.ts';
import { jobRunMode } from './job-run-mode.ts';
import { findRunningStack } from './running-stacks.ts';

const USAGE = `npm run job -- <name> [options]      (npm start must be running)
  --list                     the jobs and their schedules
  --period <p>               the period to build: 2026-11-28 (daily), 2026-11 (monthly), 2026-W48 (weekly),
                             2026-11-28T14 (anomalyScan: one local hour); default: the one the schedule would pick
  --date <YYYY-MM-DD>        same as --period, for the daily report
  --at <ISO instant>         the schedule's fire time (default now), e.g. to judge deadlines at another time;
                             for escalateOverdue a dry run: prints what would be escalated, writes nothing
                             a report of a period that has not ended, or at a future --at: a dry run too
  --commit                   write anyway: escalateOverdue at a past --at; refused for the future
  --enterprise <id> | --city recalculate only: recompute that scope's month (--period 2026-11) now,
                             after a factor correction; --reason <text> says why (docs/accounting.md)
  --data-dir <dir>           the running stack's data folder (default: the one stack running, whatever its ports)
  --dynamodb <url>, --s3 <url>   emulator endpoints (default: those of that stack)`;

const parsed = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        period: { type: 'string' },
        date: { type: 'string' },
        at: { type: 'string' },
        commit: { type: 'boolean', default: false },
        enterprise: { type: 'string' },
        city: { type: 'boolean', default: false },
        reason: { type: 'string' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        'data-dir': { type: 'string' },
        dynamodb: { type: 'string' },
        s3: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(1);
  }
})();
const { values, positionals } = parsed;

const projectRoot = resolve(import.meta.dirname, '..', '..');
const scheduled = FUNCTIONS.flatMap((spec) =>
  spec.trigger.kind === 'schedule' ? [{ spec, trigger: spec.trigger as ScheduleTrigger }] : [],
);

const listJobs = () =>
  scheduled.map(
    ({ trigger }) => `  ${trigger.job.padEnd(24)} ${trigger.expression.padEnd(28)} ${trigger.description}`,
  );

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

/** The emulator endpoints: both flags, else those of the running stack (registry of running stacks). */
const endpoints = async (): Promise<{ dynamodb: string; s3: string }> => {
  if (values.dynamodb !== undefined && values.s3 !== undefined)
    return { dynamodb: values.dynamodb, s3: values.s3 };
  const stack = await findRunningStack(projectRoot, values['data-dir']);
  if (typeof stack === 'string') return fail(stack);
  return { dynamodb: values.dynamodb ?? stack.urls.dynamodb, s3: values.s3 ?? stack.urls.s3 };
};

/** Dry run or not; a refusal (a commit for the future, a bad --at or --period) ends the command. */
const dryRunOf = (name: string): boolean => {
  const mode = jobRunMode({
    name,
    at: values.at,
    period: values.period ?? values.date,
    commit: values.commit,
    now: new Date(),
    timeZone: process.env.QS_TIME_ZONE ?? DEFAULTS.timeZone,
  });
  return 'refusal' in mode ? fail(mode.refusal) : mode.dryRun;
};

/** `recalculate --enterprise ENT-0001 | --city [--reason …]`: the scope to recompute now. */
const recalculationScope = () => {
  if (values.enterprise === undefined && !values.city) return {};
  const scope = values.city ? { level: 'city', id: 'city' } : { level: 'enterprise', id: values.enterprise };
  return { recalculation: { ...scope, ...(values.reason ? { reason: values.reason } : {}) } };
};

const main = async () => {
  const name = positionals[0];
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.list || name === undefined) {
    console.log(['Jobs (npm run job -- <name> [--period …] [--at …]):', ...listJobs()].join('\n'));
    return;
  }
  const found = scheduled.find(({ trigger }) => trigger.job === name);
  if (found === undefined) return fail([`No job named ${name}. Jobs:`, ...listJobs()].join('\n'));
  const dryRun = dryRunOf(name);
  const urls = await endpoints();
  try {
    await fetch(urls.dynamodb, { signal: AbortSignal.timeout(2000) });
  } catch {
    fail(
      `DynamoDB Local is not answering at ${urls.dynamodb}. Is the stack still starting? See npm start's output.`,
    );
  }
  Object.assign(process.env, localEnvironment(urls, process.env.QS_TIME_ZONE ?? DEFAULTS.timeZone), {
    [PROGRESS_ENV]: 'bar',
  });
  const period = values.period ?? values.date;
  const event = {
    job: name,
    scheduledTime: values.at ?? new Date().toISOString(),
    ...(period === undefined ? {} : { period }),
    ...(dryRun ? { dryRun: true } : {}),
    ...recalculationScope(),
  };
  const module = (await import(pathToFileURL(resolve(projectRoot, found.spec.entry)).href)) as {
    handler: (event: unknown, context: unknown) => Promise<unknown>;
  };
  const started = Date.now();
  const result = await module
    .handler(event, {
      functionName: `qingshan-local-${found.spec.id}`,
      awsRequestId: `job-${started}`,
      getRemainingTimeInMillis: () => 15 * 60 * 1000,
    })
    .catch((error: unknown) =>
      // A bad --period is a zod error on the event: say so in one message, not a stack trace.
      fail(
        `${name} 运行失败 (failed): ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`,
      ),
    );
  console.log(JSON.stringify(result, null, 2));
  console.error(`${name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};

await main();
