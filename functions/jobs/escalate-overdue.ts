import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoJobRunStore } from '../../shared/adapters/dynamodb/job-run-store.ts';
import { readOpenWorkflow } from '../../shared/adapters/dynamodb/workflow-open-read.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { tableName } from '../../shared/config/env.ts';
import { localDateOf } from '../../shared/domain/calendar/local-date.ts';
import { CASE_STATES } from '../../shared/domain/cases/case-record.ts';
import { localPeriodsOf } from '../../shared/domain/emissions/rollup-model.ts';
import { runCheckpointed } from '../../shared/domain/jobs/run-checkpointed.ts';
import { buildEscalationReport } from '../../shared/domain/reports/escalation-report.ts';
import { type ReportEntry, reportId, reportKeyPrefix } from '../../shared/domain/reports/report-index.ts';
import { SUGGESTION_STATES } from '../../shared/domain/suggestions/suggestion-record.ts';
import {
  CASE_DEADLINE_STATES,
  type ReviewDue,
  SUGGESTION_DEADLINE_STATES,
  suspendedDueForReview,
} from '../../shared/domain/workflow/escalation-candidates.ts';
import { runEscalationPass } from '../../shared/domain/workflow/escalation-job.ts';
import {
  dryRunLines,
  futureEscalationRefusal,
  isFutureInstant,
} from '../../shared/domain/workflow/escalation-run-mode.ts';
import { reconcile } from '../../shared/domain/workflow/reconciliation.ts';
import { countEscalation } from '../../shared/observability/metrics.ts';
import { progressSink } from '../../shared/observability/progress.ts';
import { freshWorkingCalendar, liveWorkingCalendar } from '../calendar/live-calendar.ts';
import { scheduledJobHandler } from '../middleware/schedule.ts';
import { reportFiles, reportIndex } from '../reports/report-context.ts';
import { escalationPorts } from './escalation-writer.ts';

const client = getDocumentClient();
const workflowTable = tableName('workflow');
const calendar = liveWorkingCalendar();
const runs = new DynamoJobRunStore(client, tableName('jobs'));
const index = reportIndex();
const files = reportFiles();

/**
 * Hourly: escalates every case and suggestion near or past its deadline, reconciles every record
 * created against the states it can be in, and publishes both as the escalations report of the hour.
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
          // Open work only (the sparse index): the hour's cost follows open cases, not all history.
          const { cases: caseHeads, suggestions: suggestionHeads } = await readOpenWorkflow(
            client,
            workflowTable,
          );
          const pass = await runEscalationPass(
            escalationPorts(
              { cases: caseHeads.records, suggestions: suggestionHeads.records },
              { timeZone: calendar.timeZone, write: true },
            ),
            { now, calendar },
          );
          const reconciliation = {
            cases: reconcile({
              created: caseHeads.opened,
              records: caseHeads.records,
              closedByState: caseHeads.closedByState,
              states: CASE_STATES,
              statesNeedingDeadline: CASE_DEADLINE_STATES,
            }),
            suggestions: reconcile({
              created: suggestionHeads.opened,
              closedByState: suggestionHeads.closedByState,
              records: suggestionHeads.records.map((s) => ({
                id: s.id,
                state: s.state,
                ...(s.replyDue === undefined ? {} : { deadline: s.replyDue }),
              })),
              states: SUGGESTION_STATES,
              statesNeedingDeadline: SUGGESTION_DEADLINE_STATES,
            }),
          };
          const reviewDue = suspendedDueForReview(caseHeads.records, localDateOf(now, calendar.timeZone));
          await publish(hour, now, pass, reconciliation, reviewDue);
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
  const heads = await readOpenWorkflow(client, workflowTable);
  const pass = await runEscalationPass(
    escalationPorts(
      { cases: heads.cases.records, suggestions: heads.suggestions.records },
      { timeZone: calendar.timeZone, write: false },
    ),
    { now: at, calendar },
  );
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

const publish = async (
  hour: string,
  now: Date,
  pass: Awaited<ReturnType<typeof runEscalationPass>>,
  reconciliation: Parameters<typeof buildEscalationReport>[0]['reconciliation'],
  reviewDue: ReviewDue[],
) => {
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
