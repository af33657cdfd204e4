import { localDateOf } from '../../domain/calendar/local-date.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { CASE_STATES } from '../../domain/cases/case-record.ts';
import { SUGGESTION_STATES } from '../../domain/suggestions/suggestion-vocabulary.ts';
import {
  CASE_DEADLINE_STATES,
  type ReviewDue,
  SUGGESTION_DEADLINE_STATES,
  suspendedDueForReview,
} from '../../domain/workflow/escalation-candidates.ts';
import { type EscalationPassResult, runEscalationPass } from '../../domain/workflow/escalation-job.ts';
import { reconcile } from '../../domain/workflow/reconciliation.ts';
import { escalationPorts, type WorkflowStores } from './escalation-writer.ts';

export interface EscalationOutcome {
  pass: EscalationPassResult;
  reconciliation: { cases: ReturnType<typeof reconcile>; suggestions: ReturnType<typeof reconcile> };
  /** Suspended cases whose review date has come. */
  reviewDue: ReviewDue[];
}

/**
 * The hourly escalation over the open work only (the stores' open records: the hour's cost follows
 * open cases, not all history): every case and suggestion near or past its deadline is raised one
 * step per level, and every record ever opened is reconciled against the states it can be in (not
 * one missed). `write: false` judges without writing (a dry run).
 */
export const escalateOverdue = async (
  stores: WorkflowStores,
  options: { now: Date; calendar: WorkingCalendar; write: boolean },
): Promise<EscalationOutcome> => {
  const { now, calendar } = options;
  const [cases, suggestions] = await Promise.all([
    stores.cases.openRecords(),
    stores.suggestions.openRecords(),
  ]);
  const pass = await runEscalationPass(
    escalationPorts(
      stores,
      { cases: cases.records, suggestions: suggestions.records },
      { timeZone: calendar.timeZone, write: options.write },
    ),
    { now, calendar },
  );
  const reconciliation = {
    cases: reconcile({
      created: cases.opened,
      records: cases.records,
      closedByState: cases.closedByState,
      states: CASE_STATES,
      statesNeedingDeadline: CASE_DEADLINE_STATES,
    }),
    suggestions: reconcile({
      created: suggestions.opened,
      closedByState: suggestions.closedByState,
      records: suggestions.records.map((s) => ({
        id: s.id,
        state: s.state,
        ...(s.replyDue === undefined ? {} : { deadline: s.replyDue }),
      })),
      states: SUGGESTION_STATES,
      statesNeedingDeadline: SUGGESTION_DEADLINE_STATES,
    }),
  };
  const reviewDue = suspendedDueForReview(cases.records, localDateOf(now, calendar.timeZone));
  return { pass, reconciliation, reviewDue };
};
