import type { CaseRecord } from '../../shared/domain/cases/case-record.ts';
import { ConflictError } from '../../shared/domain/errors.ts';
import type { SuggestionRecord } from '../../shared/domain/suggestions/suggestion-record.ts';
import type { EscalationLevel } from '../../shared/domain/workflow/escalation.ts';
import { caseCandidate, suggestionCandidate } from '../../shared/domain/workflow/escalation-candidates.ts';
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
  /** The record as the pass sees it: undefined once it left its deadline states. */
  candidateOf: (record: R, timeZone: string) => EscalationCandidate | undefined;
}

/**
 * Records one level as its own versioned step. A record that left its deadline states, that got
 * another deadline since the pass read it (re-dispatched, extended: its level restarted for a
 * deadline this candidate does not judge), or that an overlapping run already raised, is left
 * alone (false); a person acting at the same moment makes the write fail on its version, and the
 * record is read again (at most three times).
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
    if (!record) return false;
    const current = target.candidateOf(record, timeZone);
    if (!current || current.deadline !== candidate.deadline || current.level >= level) return false;
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
  candidateOf: (record) => caseCandidate(record),
};

const suggestionTarget: Target<SuggestionRecord> = {
  store: suggestions as unknown as Store<SuggestionRecord>,
  optionsOf: (_previous, next) => ({ index: suggestionKeys.recordKeys(next) }),
  candidateOf: (record, timeZone) => suggestionCandidate(record, timeZone),
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
