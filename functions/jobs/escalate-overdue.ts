import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoJobRunStore } from '../../shared/adapters/dynamodb/job-run-store.ts';
import { scanWorkflowHeads } from '../../shared/adapters/dynamodb/workflow-scan.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { tableName, timeZone } from '../../shared/config/env.ts';
import { localDateOf } from '../../shared/domain/calendar/local-date.ts';
import { defaultWorkingCalendar } from '../../shared/domain/calendar/working-calendar.ts';
import { CASE_STATES, type CaseRecord } from '../../shared/domain/cases/case-record.ts';
import { localPeriodsOf } from '../../shared/domain/emissions/rollup-model.ts';
import { ConflictError } from '../../shared/domain/errors.ts';
import { runCheckpointed } from '../../shared/domain/jobs/run-checkpointed.ts';
import { buildEscalationReport } from '../../shared/domain/reports/escalation-report.ts';
import { type ReportEntry, reportId, reportKeyPrefix } from '../../shared/domain/reports/report-index.ts';
import {
  SUGGESTION_STATES,
  type SuggestionRecord,
} from '../../shared/domain/suggestions/suggestion-record.ts';
import type { EscalationLevel } from '../../shared/domain/workflow/escalation.ts';
import {
  CASE_DEADLINE_STATES,
  caseCandidate,
  type ReviewDue,
  SUGGESTION_DEADLINE_STATES,
  suggestionCandidate,
  suspendedDueForReview,
} from '../../shared/domain/workflow/escalation-candidates.ts';
import { type EscalationCandidate, runEscalationPass } from '../../shared/domain/workflow/escalation-job.ts';
import { escalationStep } from '../../shared/domain/workflow/escalation-step.ts';
import { reconcile } from '../../shared/domain/workflow/reconciliation.ts';
import { countEscalation } from '../../shared/observability/metrics.ts';
import { progressSink } from '../../shared/observability/progress.ts';
import type { IndexKeys, SideItem } from '../../shared/ports/workflow-store.ts';
import { caseStore, caseWriteOptions } from '../cases/case-context.ts';
import { scheduledJobHandler } from '../middleware/schedule.ts';
import { reportFiles, reportIndex } from '../reports/report-context.ts';
import { suggestionIndex, suggestionStore } from '../suggestions/suggestion-context.ts';

const client = getDocumentClient();
const workflowTable = tableName('workflow');
const cases = caseStore();
const suggestions = suggestionStore();
const suggestionKeys = suggestionIndex();
const calendar = defaultWorkingCalendar({ timeZone: timeZone() });
const runs = new DynamoJobRunStore(client, tableName('jobs'));
const index = reportIndex();
const files = reportFiles();

type WriteOptions = { index: IndexKeys; side?: SideItem[] };
type Store<R> = {
  get(id: string): Promise<R | undefined>;
  update(record: R, entry: never, options: WriteOptions): Promise<void>;
};

interface Target<R> {
  store: Store<R>;
  /** The index keys and listing items the record's own writers keep with every step. */
  optionsOf: (previous: R, next: R, entry: never) => WriteOptions;
  stillDue: (record: R) => boolean;
}

/**
 * Records one level as its own versioned step. A record that left its deadline states, or that an
 * overlapping run already raised, is left alone (false); a person acting at the same moment makes
 * the write fail on its version, and the record is read again (at most three times).
 */
const escalateOneLevel = async <R extends CaseRecord | SuggestionRecord>(
  target: Target<R>,
  candidate: EscalationCandidate,
  level: 1 | 2 | 3,
  at: Date,
): Promise<boolean> => {
  for (let attempt = 1; ; attempt++) {
    const record = await target.store.get(candidate.id);
    if (!record || !target.stillDue(record) || (record.escalationLevel ?? 0) >= level) return false;
    const step = escalationStep(record, level, at, candidate.deadline);
    try {
      const entry = step.entry as never;
      await target.store.update(step.record as R, entry, target.optionsOf(record, step.record as R, entry));
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
};

const escalateRecord = async <R extends CaseRecord | SuggestionRecord>(
  target: Target<R>,
  candidate: EscalationCandidate,
  levels: readonly EscalationLevel[],
  at: Date,
): Promise<boolean> => {
  for (const level of levels) {
    if (level !== 0 && !(await escalateOneLevel(target, candidate, level, at))) return false;
  }
  return true;
};

const caseTarget: Target<CaseRecord> = {
  store: cases as unknown as Store<CaseRecord>,
  optionsOf: (previous, next, entry) => caseWriteOptions(previous, next, entry),
  stillDue: (record) => CASE_DEADLINE_STATES.includes(record.state),
};

const suggestionTarget: Target<SuggestionRecord> = {
  store: suggestions as unknown as Store<SuggestionRecord>,
  optionsOf: (_previous, next) => ({ index: suggestionKeys.recordKeys(next) }),
  stillDue: (record) => SUGGESTION_DEADLINE_STATES.includes(record.state),
};

const ports = (heads: { cases: CaseRecord[]; suggestions: SuggestionRecord[] }) => ({
  openCandidates: async () =>
    [
      ...heads.cases.map(caseCandidate),
      ...heads.suggestions.map((record) => suggestionCandidate(record, calendar.timeZone)),
    ].filter((candidate): candidate is EscalationCandidate => candidate !== undefined),
  escalate: (candidate: EscalationCandidate, levels: readonly EscalationLevel[], at: Date) =>
    candidate.subject === 'case'
      ? escalateRecord(caseTarget, candidate, levels, at)
      : escalateRecord(suggestionTarget, candidate, levels, at),
});

/**
 * Hourly: escalates every case and suggestion near or past its deadline, reconciles every record
 * created against the states it can be in, and publishes both as the escalations report of the hour.
 */
export const handler = scheduledJobHandler(async ({ job, scheduledTime }) => {
  const now = new Date(scheduledTime);
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
          const { cases: caseHeads, suggestions: suggestionHeads } = await scanWorkflowHeads(
            client,
            workflowTable,
          );
          const pass = await runEscalationPass(
            ports({ cases: caseHeads.records, suggestions: suggestionHeads.records }),
            { now, calendar },
          );
          const reconciliation = {
            cases: reconcile({
              created: caseHeads.created,
              records: caseHeads.records,
              states: CASE_STATES,
              statesNeedingDeadline: CASE_DEADLINE_STATES,
            }),
            suggestions: reconcile({
              created: suggestionHeads.created,
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
