import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoJobRunStore } from '../../shared/adapters/dynamodb/job-run-store.ts';
import {
  type EscalationOutcome,
  escalateOverdue,
} from '../../shared/application/workflow/escalate-overdue.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { tableName } from '../../shared/config/env.ts';
import { localPeriodsOf } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import { runCheckpointed } from '../../shared/domain/jobs/run-checkpointed.ts';
import { buildEscalationReport } from '../../shared/domain/reports/escalation-report.ts';
import { type ReportEntry, reportId, reportKeyPrefix } from '../../shared/domain/reports/report-index.ts';
import {
  dryRunLines,
  futureEscalationRefusal,
  isFutureInstant,
} from '../../shared/domain/workflow/escalation-run-mode.ts';
import { countEscalation } from '../../shared/observability/metrics.ts';
import { progressSink } from '../../shared/observability/progress.ts';
import { freshWorkingCalendar, liveWorkingCalendar } from '../calendar/live-calendar.ts';
import { caseStore } from '../cases/case-context.ts';
import { scheduledJobHandler } from '../middleware/schedule.ts';
import { reportFiles, reportIndex } from '../reports/report-context.ts';
import { suggestionStore } from '../suggestions/suggestion-context.ts';

const stores = { cases: caseStore(), suggestions: suggestionStore() };
const calendar = liveWorkingCalendar();
const runs = new DynamoJobRunStore(getDocumentClient(), tableName('jobs'));
const index = reportIndex();
const files = reportFiles();

/**
 * Hourly: escalates every case and suggestion near or past its deadline, reconciles every record
 * created against the states it can be in (shared/application/workflow/escalate-overdue.ts), and
 * publishes both as the escalations report of the hour.
 */
export const handler = scheduledJobHandler(async ({ job, scheduledTime, dryRun }) => {
  await freshWorkingCalendar();
  const now = new Date(scheduledTime);
  if (dryRun) return judgeWithoutWriting(job, now);
  if (isFutureInstant(now, systemClock())) throw futureEscalationRefusal(now, calendar.timeZone);
  const hour = localPeriodsOf(now, calendar.timeZone).hour;
  const outcome = await runCheckpointed({
    job,
    period: hour,
    store: runs,
    now: systemClock,
    progress: progressSink(job),
    units: [
      {
        id: 'escalate-and-report',
        run: async () => {
          const result = await escalateOverdue(stores, { now, calendar, write: true });
          await publish(hour, now, result);
          const { pass } = result;
          countEscalation(pass.raised, pass.escalated);
          return { checked: pass.checked, raised: pass.raised, escalated: pass.escalated.length };
        },
      },
    ],
  });
  return { job, period: hour, ...outcome };
});

/**
 * A dry run (`npm run job -- escalateOverdue --at …` without `--commit`): the pass judged at `at`
 * over the records as they are now, reported and not recorded — no timeline step, no report, no
 * checkpoint.
 */
const judgeWithoutWriting = async (job: string, at: Date) => {
  const { pass } = await escalateOverdue(stores, { now: at, calendar, write: false });
  return {
    job,
    dryRun: true,
    judgedAt: at.toISOString(),
    lines: dryRunLines(pass, at, calendar.timeZone),
    checked: pass.checked,
    wouldRaise: pass.raised,
    escalated: pass.escalated,
  };
};

const DISTRICT = { level: 'district', id: 'district', name: '全区 District' };

const publish = async (hour: string, now: Date, { pass, reconciliation, reviewDue }: EscalationOutcome) => {
  const report = buildEscalationReport({
    period: hour,
    generatedAt: now.toISOString(),
    timeZone: calendar.timeZone,
    reviewDue,
    pass,
    reconciliation,
  });
  const entry: ReportEntry = {
    id: reportId('escalations', DISTRICT, hour),
    kind: 'escalations',
    period: hour,
    subject: DISTRICT,
    title: `督办升级与不漏一件核对 ${hour}`,
    formats: ['json', 'csv', 'html'],
    keyPrefix: reportKeyPrefix({ kind: 'escalations', subject: DISTRICT, period: hour }),
    generatedAt: now.toISOString(),
    headline: {
      escalated: pass.escalated.length,
      raisedNow: pass.raised,
      suspendedDueForReview: reviewDue.length,
      casesBalanced: reconciliation.cases.balanced ? 'yes' : 'no',
      suggestionsBalanced: reconciliation.suggestions.balanced ? 'yes' : 'no',
    },
  };
  await files.write(`${entry.keyPrefix}.json`, JSON.stringify(report.json, null, 2), 'json');
  await files.write(`${entry.keyPrefix}.csv`, report.csv, 'csv');
  await files.write(`${entry.keyPrefix}.html`, report.html, 'html');
  await index.put(entry);
};
