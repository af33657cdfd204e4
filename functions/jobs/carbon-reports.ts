import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoBudgetStore } from '../../shared/adapters/dynamodb/budget-store.ts';
import { DynamoCarbonReadStore } from '../../shared/adapters/dynamodb/carbon-read-store.ts';
import { DynamoJobRunStore } from '../../shared/adapters/dynamodb/job-run-store.ts';
import { DynamoQuarantineCounter } from '../../shared/adapters/dynamodb/quarantine-counter.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { tableName, timeZone } from '../../shared/config/env.ts';
import { periodUtcRange } from '../../shared/domain/emissions/period-range.ts';
import { runCarbonReports, utcDaysOf } from '../../shared/domain/reports/carbon-report-job.ts';
import { completedPeriodBefore, type ReportGranularity } from '../../shared/domain/reports/report-periods.ts';
import { progressSink } from '../../shared/observability/progress.ts';
import { scheduledJobHandler } from '../middleware/schedule.ts';
import { reportFiles, reportIndex } from '../reports/report-context.ts';

const client = getDocumentClient();
const deps = {
  registry: new DynamoRegistryStore(client, tableName('registry')),
  rollups: new DynamoCarbonReadStore(client, tableName('carbon')),
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

/** Daily summary and monthly carbon report for the city, every industry and every enterprise. */
export const handler = scheduledJobHandler(async ({ job, scheduledTime, period }) => {
  const granularity = GRANULARITY[job];
  if (granularity === undefined) throw new Error(`carbon-reports cannot run job ${job}`);
  const zone = timeZone();
  const target =
    period === undefined
      ? completedPeriodBefore(granularity, new Date(scheduledTime), zone)
      : periodFor(granularity, period);
  const outcome = await runCarbonReports(
    { ...deps, progress: progressSink(job) },
    { job, granularity, period: target, utcDays: utcDaysOf(periodUtcRange(target, zone)), timeZone: zone },
  );
  return { job, period: target, ...outcome };
});

/** `--date 2026-11-28` for the monthly job means that day's month; a month for the daily job is an error. */
const periodFor = (granularity: ReportGranularity, period: string): string => {
  if (granularity === 'month' && /^\d{4}-\d{2}(-\d{2})?$/.test(period)) return period.slice(0, 7);
  if (granularity === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(period)) return period;
  throw new Error(`period ${period} does not name a ${granularity}`);
};
