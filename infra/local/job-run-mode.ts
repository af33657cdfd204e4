import { formatLocalDateTime } from '../../shared/domain/calendar/local-time-text.ts';
import { DomainError } from '../../shared/domain/errors.ts';
import {
  futureInstantRefusal,
  futureReportRefusal,
  REPORT_JOB_PERIODS,
  reportPeriodOf,
} from '../../shared/domain/reports/report-run-mode.ts';
import { isFutureInstant } from '../../shared/domain/workflow/escalation-run-mode.ts';

/**
 * Whether `npm run job` runs a job for real, as a dry run, or not at all. One rule for the jobs that
 * write records people rely on (README "Scheduled jobs by hand"): nothing is written as of the
 * future. Escalation judged at another instant (`--at`) is a dry run unless `--commit`; a report
 * for a period that has not ended, or judged at a future instant, is a dry run unless `--commit`,
 * and with `--commit` both are refused. Reports of ended periods are rebuilt as before.
 */

const ESCALATION_JOB = 'escalateOverdue';
const WRITE_JOBS = [ESCALATION_JOB, ...Object.keys(REPORT_JOB_PERIODS)];

export type JobRunMode = { dryRun: boolean } | { refusal: string };

export interface JobRunArgs {
  name: string;
  at?: string | undefined;
  period?: string | undefined;
  commit: boolean;
  now: Date;
  timeZone: string;
}

const COMMIT_HINT =
  '去掉 --commit 可演练，不写任何记录。 (--commit refused; without it the run is a dry run)';

export const jobRunMode = (args: JobRunArgs): JobRunMode => {
  if (args.commit && !WRITE_JOBS.includes(args.name)) {
    return { refusal: `--commit 只用于 ${WRITE_JOBS.join('、')} (--commit applies to these jobs only)` };
  }
  const at = args.at === undefined ? undefined : new Date(args.at);
  if (at !== undefined && Number.isNaN(at.getTime())) {
    return { refusal: `--at ${args.at} 不是有效的时刻 (not an ISO instant)` };
  }
  if (args.name === ESCALATION_JOB) return escalationMode(args, at);
  const kind = REPORT_JOB_PERIODS[args.name];
  if (kind === undefined) return { dryRun: false };
  return reportMode(args, kind, at ?? args.now);
};

const escalationMode = (args: JobRunArgs, at: Date | undefined): JobRunMode => {
  if (at === undefined) return { dryRun: false };
  if (args.commit && isFutureInstant(at, args.now)) {
    return {
      refusal: `不能按将来的时刻 ${formatLocalDateTime(at, args.timeZone)} 写入督办升级；${COMMIT_HINT}`,
    };
  }
  return { dryRun: !args.commit };
};

const reportMode = (
  args: JobRunArgs,
  kind: NonNullable<(typeof REPORT_JOB_PERIODS)[string]>,
  at: Date,
): JobRunMode => {
  let refusal: DomainError | undefined;
  try {
    // Without --period the job reports the last period that ended before --at: only --at can be late.
    const period = args.period === undefined ? undefined : reportPeriodOf(kind, args.period);
    refusal =
      period === undefined
        ? futureInstantRefusal(at, args.now, args.timeZone)
        : futureReportRefusal({ kind, period, scheduledTime: at, now: args.now, timeZone: args.timeZone });
  } catch (error) {
    if (error instanceof DomainError) return { refusal: error.message };
    throw error;
  }
  if (refusal === undefined) return { dryRun: false };
  return args.commit ? { refusal: `${refusal.message}；${COMMIT_HINT}` } : { dryRun: true };
};
