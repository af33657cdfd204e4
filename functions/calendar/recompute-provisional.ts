import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { type MarkedKind, markedBefore } from '../../shared/adapters/dynamodb/provisional-deadlines.ts';
import { tableName } from '../../shared/config/env.ts';
import { firstUncoveredInstant } from '../../shared/domain/calendar/provisional-deadline.ts';
import type { WorkingCalendar } from '../../shared/domain/calendar/working-calendar.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../shared/domain/cases/case-record.ts';
import { ConflictError } from '../../shared/domain/errors.ts';
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../shared/domain/suggestions/suggestion-record.ts';
import {
  recomputeCaseDeadline,
  recomputeSuggestionDeadline,
} from '../../shared/domain/workflow/deadline-recompute.ts';
import type { WorkflowStore } from '../../shared/ports/workflow-store.ts';
import { caseStore } from '../cases/case-context.ts';
import { suggestionStore } from '../suggestions/suggestion-context.ts';

/**
 * Counts again every open record whose provisional deadline the calendar now covers at least in part
 * (the markers of provisional-deadlines.ts, one Query): run by PUT /calendar/years/{year} right after
 * a load, and by the daily calendar job for whatever a failed load left over. Idempotent: a record
 * recomputed once has a later `since` (or none) and is not found again.
 */

export interface RecomputeSummary {
  /** Records whose deadline is exact now. */
  recomputed: number;
  /** Records recomputed that still count days past the calendar. */
  stillProvisional: number;
  /** Markers of records that no longer await a recomputation (closed meanwhile): dropped. */
  released: number;
}

type Outcome = keyof RecomputeSummary;
interface Target<
  R extends CaseRecord | SuggestionRecord,
  T extends CaseTimelineEntry | SuggestionTimelineEntry,
> {
  kind: MarkedKind;
  store: WorkflowStore<R, T>;
  step(record: R, calendar: WorkingCalendar, at: Date): { record: R; entry: T } | undefined;
}

const cases: Target<CaseRecord, CaseTimelineEntry> = {
  kind: 'CASE',
  store: caseStore(),
  step: recomputeCaseDeadline,
};

const suggestions: Target<SuggestionRecord, SuggestionTimelineEntry> = {
  kind: 'SUGGESTION',
  store: suggestionStore(),
  step: recomputeSuggestionDeadline,
};

/** One record, on the version it read; a person acting at the same moment makes it read again. */
const recomputeOne = async <
  R extends CaseRecord | SuggestionRecord,
  T extends CaseTimelineEntry | SuggestionTimelineEntry,
>(
  target: Target<R, T>,
  id: string,
  calendar: WorkingCalendar,
  at: Date,
): Promise<Outcome> => {
  for (let attempt = 1; ; attempt++) {
    const record = await target.store.get(id);
    const step = record && target.step(record, calendar, at);
    if (!record || !step) {
      await target.store.releaseProvisional(id);
      return 'released';
    }
    try {
      await target.store.update({ before: record, ...step });
      return step.record.provisional ? 'stillProvisional' : 'recomputed';
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
};

export const recomputeProvisionalDeadlines = async (
  calendar: WorkingCalendar,
  at: Date,
): Promise<RecomputeSummary> => {
  const summary: RecomputeSummary = { recomputed: 0, stillProvisional: 0, released: 0 };
  const edge = firstUncoveredInstant(calendar);
  if (edge === undefined) return summary;
  for (const marked of await markedBefore(getDocumentClient(), tableName('workflow'), edge)) {
    const outcome =
      marked.kind === 'CASE'
        ? await recomputeOne(cases, marked.id, calendar, at)
        : await recomputeOne(suggestions, marked.id, calendar, at);
    summary[outcome] += 1;
  }
  return summary;
};
