import { provisionalMarkOf } from '../calendar/provisional-deadline.ts';
import { DEADLINE_RUNNING_STATES } from '../cases/case-listing.ts';
import type { CaseRecord } from '../cases/case-record.ts';
import type { SuggestionRecord } from '../suggestions/suggestion-record.ts';
import type { SuggestionState } from '../suggestions/suggestion-vocabulary.ts';
import type { EscalationCandidate } from './escalation-job.ts';
import { replyDueInstant } from './escalation-restart.ts';

/** Case states in which a department holds the case against its deadline (as `overdue` reads them). */
export const CASE_DEADLINE_STATES = DEADLINE_RUNNING_STATES;

/** Suggestion states in which the lead unit owes the reply by `replyDue`. */
export const SUGGESTION_DEADLINE_STATES: readonly SuggestionState[] = ['assigned', 'rehandling'];

export const caseCandidate = (record: CaseRecord): EscalationCandidate | undefined => {
  if (!CASE_DEADLINE_STATES.includes(record.state) || record.deadline === undefined) return undefined;
  return {
    subject: 'case',
    id: record.id,
    title: record.title,
    state: record.state,
    deadline: record.deadline,
    level: record.escalationLevel ?? 0,
    ...(record.leadDepartmentId === undefined ? {} : { unitId: record.leadDepartmentId }),
    ...provisionalOf(record),
  };
};

/** A case's provisional deadline, as the reports show it (a suggestion's reply date never is). */
const provisionalOf = (record: CaseRecord): Pick<EscalationCandidate, 'provisional' | 'provisionalSince'> => {
  const mark = provisionalMarkOf(record);
  return mark === undefined ? {} : { provisional: true, provisionalSince: mark.since };
};

/** A reply due on a local date is due by the end of that day, i.e. the next local midnight. */
export const suggestionCandidate = (
  record: SuggestionRecord,
  timeZone: string,
): EscalationCandidate | undefined => {
  if (!SUGGESTION_DEADLINE_STATES.includes(record.state) || record.replyDue === undefined) return undefined;
  return {
    subject: 'suggestion',
    id: record.id,
    title: record.title,
    state: record.state,
    deadline: replyDueInstant(record.replyDue, timeZone),
    level: record.escalationLevel ?? 0,
    ...(record.assignment === undefined ? {} : { unitId: record.assignment.leadUnitId }),
  };
};

export interface ReviewDue {
  id: string;
  title: string;
  nextReviewDate: string;
  reason: string;
}

/**
 * Suspended cases (挂账) whose review date has come: suspension is never a way to let a case drop
 * out of sight, so each one is listed with the escalations until someone resumes or re-suspends it.
 */
export const suspendedDueForReview = (records: readonly CaseRecord[], localToday: string): ReviewDue[] =>
  records
    .filter((record) => record.state === 'suspended' && record.suspension !== undefined)
    .filter((record) => (record.suspension?.nextReviewDate ?? '') <= localToday)
    .map((record) => ({
      id: record.id,
      title: record.title,
      nextReviewDate: record.suspension?.nextReviewDate ?? '',
      reason: record.suspension?.reason ?? '',
    }))
    .sort((a, b) => a.nextReviewDate.localeCompare(b.nextReviewDate));
