import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoJobRunStore } from '../../shared/adapters/dynamodb/job-run-store.ts';
import { runCheckpointed } from '../../shared/application/jobs/run-checkpointed.ts';
import { escalateOverdue } from '../../shared/application/workflow/escalate-overdue.ts';
import { publishEscalations } from '../../shared/application/workflow/publish-escalations.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { tableName } from '../../shared/config/env.ts';
import { localPeriodsOf } from '../../shared/domain/carbon/rollups/rollup-model.ts';
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
const reports = { files: reportFiles(), index: reportIndex() };

/**
 * Hourly: escalates every case and suggestion near or past its deadline, reconciles every record
 * created against the states it can be in (shared/application/workflow/escalate-overdue.ts), and
 * publishes both as the escalations report of the hour (publish-escalations.ts).
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
          await publishEscalations(reports, { hour, now, timeZone: calendar.timeZone }, result);
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
