import type { CaseRecord } from '../../shared/domain/cases/case-record.ts';
import { ConflictError } from '../../shared/domain/errors.ts';
import type { SuggestionRecord } from '../../shared/domain/suggestions/suggestion-record.ts';
import type { EscalationLevel } from '../../shared/domain/workflow/escalation.ts';
import {
  CASE_DEADLINE_STATES,
  caseCandidate,
  SUGGESTION_DEADLINE_STATES,
  suggestionCandidate,
} from '../../shared/domain/workflow/escalation-candidates.ts';
import type { EscalationCandidate, EscalationPorts } from '../../shared/domain/workflow/escalation-job.ts';
import { escalationStep } from '../../shared/domain/workflow/escalation-step.ts';
import type { IndexKeys, SideItem } from '../../shared/ports/workflow-store.ts';
import { caseStore, caseWriteOptions } from '../cases/case-context.ts';
import { suggestionIndex, suggestionStore } from '../suggestions/suggestion-context.ts';

/** How the escalation job records levels on cases and suggestions: versioned steps, as any action. */

const cases = caseStore();
const suggestions = suggestionStore();
const suggestionKeys = suggestionIndex();

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
  timeZone: string,
): Promise<boolean> => {
  for (let attempt = 1; ; attempt++) {
    const record = await target.store.get(candidate.id);
    if (!record || !target.stillDue(record) || (record.escalationLevel ?? 0) >= level) return false;
    const step = escalationStep(record, level, at, candidate.deadline, timeZone);
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
  timeZone: string,
): Promise<boolean> => {
  for (const level of levels) {
    if (level !== 0 && !(await escalateOneLevel(target, candidate, level, at, timeZone))) return false;
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

/**
 * The pass's ports over records read beforehand. `write: false` is a dry run: every due level is
 * reported as if recorded, and nothing is written.
 */
export const escalationPorts = (
  heads: { cases: CaseRecord[]; suggestions: SuggestionRecord[] },
  options: { timeZone: string; write: boolean },
): EscalationPorts => ({
  openCandidates: async () =>
    [
      ...heads.cases.map(caseCandidate),
      ...heads.suggestions.map((record) => suggestionCandidate(record, options.timeZone)),
    ].filter((candidate): candidate is EscalationCandidate => candidate !== undefined),
  escalate: async (candidate, levels, at) => {
    if (!options.write) return true;
    const target = candidate.subject === 'case' ? caseTarget : suggestionTarget;
    return escalateRecord(
      target as Target<CaseRecord | SuggestionRecord>,
      candidate,
      levels,
      at,
      options.timeZone,
    );
  },
});
