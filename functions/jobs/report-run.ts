import { dryRunReportStores } from '../../shared/adapters/memory/dry-run-report-stores.ts';
import { systemClock } from '../../shared/config/clock.ts';
import {
  futureReportRefusal,
  type ReportPeriodKind,
  reportDryRunLines,
} from '../../shared/domain/reports/report-run-mode.ts';

/**
 * How a report job runs for the period it was given (shared/domain/reports/report-run-mode.ts): a
 * dry run builds everything with stores that keep nothing; otherwise a period that has not ended,
 * or a fire time in the future, is refused before anything is read or written — whatever calls the
 * job (the scheduler never does either; `npm run job` turns them into dry runs unless `--commit`).
 */
export const reportStoresFor = (run: {
  kind: ReportPeriodKind;
  period: string;
  scheduledTime: string;
  dryRun?: boolean | undefined;
  timeZone: string;
}) => {
  if (run.dryRun) return dryRunReportStores();
  const refusal = futureReportRefusal({
    ...run,
    scheduledTime: new Date(run.scheduledTime),
    now: systemClock(),
  });
  if (refusal) throw refusal;
  return undefined;
};

/** The answer of a dry run: what would have been written. */
export const dryRunAnswer = (job: string, period: string, stores: ReturnType<typeof dryRunReportStores>) => ({
  job,
  period,
  dryRun: true,
  lines: reportDryRunLines(period, stores.entries),
  reports: stores.entries.map(({ id, title, headline }) => ({ id, title, headline })),
});
