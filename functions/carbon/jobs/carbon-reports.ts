import { getDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { DynamoBudgetStore } from '../../../shared/adapters/dynamodb/carbon/budget-store.ts';
import { DynamoCarbonReadStore } from '../../../shared/adapters/dynamodb/carbon/carbon-read-store.ts';
import { DynamoQuarantineCounter } from '../../../shared/adapters/dynamodb/carbon/quarantine-counter.ts';
import { DynamoJobRunStore } from '../../../shared/adapters/dynamodb/job-run-store.ts';
import { DynamoRegistryStore } from '../../../shared/adapters/dynamodb/registry-store.ts';
import { runCarbonReports, utcDaysOf } from '../../../shared/application/reports/carbon-report-job.ts';
import { systemClock } from '../../../shared/config/clock.ts';
import { tableName, timeZone } from '../../../shared/config/env.ts';
import { periodUtcRange } from '../../../shared/domain/carbon/rollups/period-range.ts';
import {
  completedPeriodBefore,
  type ReportGranularity,
} from '../../../shared/domain/reports/report-periods.ts';
import { reportPeriodOf } from '../../../shared/domain/reports/report-run-mode.ts';
import { progressSink } from '../../../shared/observability/progress.ts';
import { dryRunAnswer, reportStoresFor } from '../../jobs/report-run.ts';
import { scheduledJobHandler } from '../../middleware/schedule.ts';
import { reportFiles, reportIndex } from '../../reports/report-context.ts';

const client = getDocumentClient();
const registry = new DynamoRegistryStore(client, tableName('registry'));
const deps = {
  registry,
  rollups: new DynamoCarbonReadStore(client, tableName('carbon'), registry),
  budgets: new DynamoBudgetStore(client, tableName('carbon')),
  quarantine: new DynamoQuarantineCounter(client, tableName('telemetry')),
  index: reportIndex(),
  files: reportFiles(),
  runs: new DynamoJobRunStore(client, tableName('jobs')),
  now: systemClock,
};

const GRANULARITY: Record<string, ReportGranularity> = {
  carbonDailyReport: 'day',
  carbonMonthlyReport: 'month',
};

/**
 * Daily summary and monthly carbon report for the city, every industry and every enterprise. A
 * period that has not ended, or a future fire time, is refused unless the run is a dry run
 * (report-run.ts).
 */
export const handler = scheduledJobHandler(async ({ job, scheduledTime, period, dryRun }) => {
  const granularity = GRANULARITY[job];
  if (granularity === undefined) throw new Error(`carbon-reports 不能运行 ${job} (cannot run job ${job})`);
  const zone = timeZone();
  // `--date 2026-11-28` for the monthly job means that day's month.
  const target =
    period === undefined
      ? completedPeriodBefore(granularity, new Date(scheduledTime), zone)
      : reportPeriodOf(granularity, period);
  const dry = reportStoresFor({ kind: granularity, period: target, scheduledTime, dryRun, timeZone: zone });
  const outcome = await runCarbonReports(
    {
      ...deps,
      ...(dry ? { files: dry.files, index: dry.index, runs: dry.runs } : {}),
      progress: progressSink(job),
    },
    { job, granularity, period: target, utcDays: utcDaysOf(periodUtcRange(target, zone)), timeZone: zone },
  );
  return dry ? dryRunAnswer(job, target, dry) : { job, period: target, ...outcome };
});
