import { firstUncoveredInstant } from '../../domain/calendar/provisional-deadline.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../domain/cases/case-record.ts';
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../domain/suggestions/suggestion-record.ts';
import {
  recomputeCaseDeadline,
  recomputeSuggestionDeadline,
} from '../../domain/workflow/deadline-recompute.ts';
import type { ProvisionalDeadlines } from '../../ports/provisional-deadlines.ts';
import type { WorkflowStore } from '../../ports/workflow-store.ts';
import { readAgainOnConflict } from '../workflow/read-again.ts';

/**
 * Counts again every open record whose provisional deadline the calendar now covers at least in part
 * (the records the ProvisionalDeadlines port lists): run by PUT /calendar/years/{year} right after a
 * load, and by the daily calendar job for whatever a failed load left over. Idempotent: a record
 * recomputed once has a later `since` (or none) and is not listed again.
 */

export interface RecomputeSummary {
  /** Records whose deadline is exact now. */
  recomputed: number;
  /** Records recomputed that still count days past the calendar. */
  stillProvisional: number;
  /** Records listed that no longer await a recomputation (closed meanwhile): forgotten. */
  released: number;
}

export interface RecomputePorts {
  provisional: ProvisionalDeadlines;
  cases: WorkflowStore<CaseRecord, CaseTimelineEntry>;
  suggestions: WorkflowStore<SuggestionRecord, SuggestionTimelineEntry>;
}

type Outcome = keyof RecomputeSummary;
type Recompute<R, T> = (
  record: R,
  calendar: WorkingCalendar,
  at: Date,
) => { record: R; entry: T } | undefined;

/** One record, on the version it read; a person acting at the same moment makes it read again. */
const recomputeOne = async <
  R extends CaseRecord | SuggestionRecord,
  T extends CaseTimelineEntry | SuggestionTimelineEntry,
>(
  store: WorkflowStore<R, T>,
  recompute: Recompute<R, T>,
  id: string,
  calendar: WorkingCalendar,
  at: Date,
): Promise<Outcome> => {
  return readAgainOnConflict(async (): Promise<Outcome> => {
    const record = await store.get(id);
    const step = record && recompute(record, calendar, at);
    if (!record || !step) {
      await store.releaseProvisional(id);
      return 'released';
    }
    await store.update({ before: record, ...step });
    return step.record.provisional ? 'stillProvisional' : 'recomputed';
  });
};

export const recomputeProvisionalDeadlines = async (
  ports: RecomputePorts,
  calendar: WorkingCalendar,
  at: Date,
): Promise<RecomputeSummary> => {
  const summary: RecomputeSummary = { recomputed: 0, stillProvisional: 0, released: 0 };
  const edge = firstUncoveredInstant(calendar);
  if (edge === undefined) return summary;
  for (const awaiting of await ports.provisional.awaitingBefore(edge)) {
    const outcome =
      awaiting.kind === 'case'
        ? await recomputeOne(ports.cases, recomputeCaseDeadline, awaiting.id, calendar, at)
        : await recomputeOne(ports.suggestions, recomputeSuggestionDeadline, awaiting.id, calendar, at);
    summary[outcome] += 1;
  }
  return summary;
};
