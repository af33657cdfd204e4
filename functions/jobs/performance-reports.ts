import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoJobRunStore } from '../../shared/adapters/dynamodb/job-run-store.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { DynamoWorkflowHistory } from '../../shared/adapters/dynamodb/workflow-scan.ts';
import {
  completedPerformancePeriod,
  type PerformanceKind,
  runPerformanceReports,
} from '../../shared/application/reports/performance-report-job.ts';
import { tableName } from '../../shared/config/env.ts';
import { localDateOf } from '../../shared/domain/calendar/local-date.ts';
import type { CaseTimelineEntry } from '../../shared/domain/cases/case-record.ts';
import { reportPeriodOf } from '../../shared/domain/reports/report-run-mode.ts';
import { progressSink } from '../../shared/observability/progress.ts';
import { freshWorkingCalendar, liveWorkingCalendar } from '../calendar/live-calendar.ts';
import { caseStore } from '../cases/case-context.ts';
import { scheduledJobHandler } from '../middleware/schedule.ts';
import { reportFiles, reportIndex } from '../reports/report-context.ts';
import { dryRunAnswer, reportStoresFor } from './report-run.ts';

const client = getDocumentClient();
const history = new DynamoWorkflowHistory(client, tableName('workflow'));
const registry = new DynamoRegistryStore(client, tableName('registry'));
const cases = caseStore();
const calendar = liveWorkingCalendar();

/** Timelines are read ten at a time: enough to overlap round trips without bursting the table. */
const timelines = async (ids: readonly string[]): Promise<Map<string, CaseTimelineEntry[]>> => {
  const found = new Map<string, CaseTimelineEntry[]>();
  for (let start = 0; start < ids.length; start += 10) {
    const slice = ids.slice(start, start + 10);
    const read = await Promise.all(slice.map((id) => cases.timeline(id)));
    for (const [index, id] of slice.entries()) found.set(id, read[index] ?? []);
  }
  return found;
};

const deps = {
  sources: {
    departments: () => registry.listDepartments(),
    workflow: () => history.everyRecord(),
    timelines,
  },
  index: reportIndex(),
  files: reportFiles(),
  runs: new DynamoJobRunStore(client, tableName('jobs')),
  calendar,
};

const KIND: Record<string, PerformanceKind> = {
  performanceWeeklyReport: 'weekly',
  performanceMonthlyReport: 'monthly',
};

/**
 * Department performance reports: the week before (Mondays) and the month before (the 1st). A
 * period that has not ended, or a future fire time, is refused unless the run is a dry run
 * (report-run.ts).
 */
export const handler = scheduledJobHandler(async ({ job, scheduledTime, period, dryRun }) => {
  const kind = KIND[job];
  if (kind === undefined) throw new Error(`performance-reports 不能运行 ${job} (cannot run job ${job})`);
  await freshWorkingCalendar();
  const periodKind = kind === 'weekly' ? 'week' : 'month';
  const target =
    period === undefined
      ? completedPerformancePeriod(kind, localDateOf(new Date(scheduledTime), calendar.timeZone))
      : reportPeriodOf(periodKind, period);
  const dry = reportStoresFor({
    kind: periodKind,
    period: target,
    scheduledTime,
    dryRun,
    timeZone: calendar.timeZone,
  });
  // The report is "as of" its fire time: overdue lists are judged then, as the scheduler meant.
  const asOf = new Date(scheduledTime);
  const outcome = await runPerformanceReports(
    {
      ...deps,
      ...(dry ? { files: dry.files, index: dry.index, runs: dry.runs } : {}),
      now: () => asOf,
      progress: progressSink(job),
    },
    { job, kind, period: target },
  );
  return dry ? dryRunAnswer(job, target, dry) : { job, period: target, ...outcome };
});
