import type { CaseRecord, CaseTimelineEntry } from '../../domain/cases/case-record.ts';
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../domain/suggestions/suggestion-record.ts';
import type { EscalationLevel } from '../../domain/workflow/escalation.ts';
import { caseCandidate, suggestionCandidate } from '../../domain/workflow/escalation-candidates.ts';
import type { EscalationCandidate, EscalationPorts } from '../../domain/workflow/escalation-job.ts';
import { escalationStep } from '../../domain/workflow/escalation-step.ts';
import type { WorkflowStore } from '../../ports/workflow-store.ts';
import { readAgainOnConflict } from './read-again.ts';

export interface WorkflowStores {
  cases: WorkflowStore<CaseRecord, CaseTimelineEntry>;
  suggestions: WorkflowStore<SuggestionRecord, SuggestionTimelineEntry>;
}

/** One kind as the escalation sees it: its store and the record as a candidate (undefined: none). */
interface Target<
  R extends CaseRecord | SuggestionRecord,
  T extends CaseTimelineEntry | SuggestionTimelineEntry,
> {
  store: WorkflowStore<R, T>;
  candidateOf: (record: R, timeZone: string) => EscalationCandidate | undefined;
  step: (
    record: R,
    level: 1 | 2 | 3,
    at: Date,
    deadline: string,
    timeZone: string,
  ) => { record: R; entry: T };
}

/**
 * Records one level as its own versioned step. A record that left its deadline states, that got
 * another deadline since the pass read it (re-dispatched, extended: its level restarted for a
 * deadline this candidate does not judge), or that an overlapping run already raised, is left
 * alone (false); a person acting at the same moment makes the write fail on its version, and the
 * record is read again (at most three times).
 */
const escalateOneLevel = async <
  R extends CaseRecord | SuggestionRecord,
  T extends CaseTimelineEntry | SuggestionTimelineEntry,
>(
  target: Target<R, T>,
  candidate: EscalationCandidate,
  level: 1 | 2 | 3,
  at: Date,
  timeZone: string,
): Promise<boolean> => {
  return readAgainOnConflict(async () => {
    const before = await target.store.get(candidate.id);
    if (!before) return false;
    const current = target.candidateOf(before, timeZone);
    if (!current || current.deadline !== candidate.deadline || current.level >= level) return false;
    await target.store.update({ before, ...target.step(before, level, at, candidate.deadline, timeZone) });
    return true;
  });
};

const escalateRecord = async <
  R extends CaseRecord | SuggestionRecord,
  T extends CaseTimelineEntry | SuggestionTimelineEntry,
>(
  target: Target<R, T>,
  candidate: EscalationCandidate,
  levels: readonly EscalationLevel[],
  at: Date,
  timeZone: string,
): Promise<boolean> => {
  for (const level of levels) {
    if (level !== 0 && !(await escalateOneLevel(target, candidate, level, at, timeZone))) return false;
  }
  return true;
};

/**
 * The pass's ports over records read beforehand. `write: false` is a dry run: every due level is
 * reported as if recorded, and nothing is written.
 */
export const escalationPorts = (
  stores: WorkflowStores,
  heads: { cases: CaseRecord[]; suggestions: SuggestionRecord[] },
  options: { timeZone: string; write: boolean },
): EscalationPorts => {
  const cases: Target<CaseRecord, CaseTimelineEntry> = {
    store: stores.cases,
    candidateOf: (record) => caseCandidate(record),
    step: (record, level, at, deadline, zone) => escalationStep(record, level, at, deadline, zone),
  };
  const suggestions: Target<SuggestionRecord, SuggestionTimelineEntry> = {
    store: stores.suggestions,
    candidateOf: (record, zone) => suggestionCandidate(record, zone),
    step: (record, level, at, deadline, zone) => escalationStep(record, level, at, deadline, zone),
  };
  return {
    openCandidates: async () =>
      [
        ...heads.cases.map(caseCandidate),
        ...heads.suggestions.map((record) => suggestionCandidate(record, options.timeZone)),
      ].filter((candidate): candidate is EscalationCandidate => candidate !== undefined),
    escalate: async (candidate, levels, at) => {
      if (!options.write) return true;
      return candidate.subject === 'case'
        ? escalateRecord(cases, candidate, levels, at, options.timeZone)
        : escalateRecord(suggestions, candidate, levels, at, options.timeZone);
    },
  };
};
