import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import {
  DEFAULT_ESCALATION_POLICY,
  type EscalationLevel,
  type EscalationPolicy,
  escalationLabel,
  escalationsDue,
  escalationTarget,
} from './escalation.ts';

/**
 * The hourly escalation pass over open cases and suggestions: each record whose deadline is near or
 * past is raised to the level its deadline calls for, every level in between recorded once on its
 * timeline. The pass is idempotent — a record already at its target level is left alone — so a
 * re-run, or two overlapping runs, change nothing twice.
 */

export type EscalationSubject = 'case' | 'suggestion';

export interface EscalationCandidate {
  subject: EscalationSubject;
  id: string;
  title: string;
  state: string;
  /** The instant the handling is due (a suggestion's reply date ends at local midnight). */
  deadline: string;
  level: EscalationLevel;
  /** The department responsible now (lead department / lead unit), for the list. */
  unitId?: string;
  /** The deadline counted days past the loaded working calendar (docs/working-calendar.md). */
  provisional?: true;
  provisionalSince?: string;
}

export interface EscalationPorts {
  /** Every open record that has a deadline. */
  openCandidates(): Promise<EscalationCandidate[]>;
  /**
   * Records the levels on the record and its timeline (one entry per level). Resolves false when
   * the record moved on meanwhile (closed, or escalated by an overlapping run): nothing is written.
   */
  escalate(candidate: EscalationCandidate, levels: readonly EscalationLevel[], at: Date): Promise<boolean>;
}

export interface EscalatedItem {
  subject: EscalationSubject;
  id: string;
  title: string;
  state: string;
  unitId?: string;
  deadline: string;
  /** As on the candidate: the deadline is provisional; the reports show the mark and the note. */
  provisional?: true;
  provisionalSince?: string;
  overdue: boolean;
  level: EscalationLevel;
  levelLabel?: string;
  /** Levels recorded by this pass (empty when the record was already at its level). */
  raisedNow: EscalationLevel[];
}

export interface EscalationPassResult {
  checked: number;
  raised: number;
  /** Every open record at level ≥ 1 after the pass, most overdue first. */
  escalated: EscalatedItem[];
}

export const runEscalationPass = async (
  ports: EscalationPorts,
  options: { now: Date; calendar: WorkingCalendar; policy?: EscalationPolicy },
): Promise<EscalationPassResult> => {
  const policy = options.policy ?? DEFAULT_ESCALATION_POLICY;
  const candidates = await ports.openCandidates();
  const escalated: EscalatedItem[] = [];
  let raised = 0;
  for (const candidate of candidates) {
    const target = escalationTarget(candidate.deadline, options.now, options.calendar, policy);
    const due = escalationsDue(candidate.level, target);
    const recorded = due.length > 0 && (await ports.escalate(candidate, due, options.now));
    if (recorded) raised += due.length;
    const level = recorded ? target : candidate.level;
    if (level === 0) continue;
    escalated.push({
      subject: candidate.subject,
      id: candidate.id,
      title: candidate.title,
      state: candidate.state,
      ...(candidate.unitId === undefined ? {} : { unitId: candidate.unitId }),
      deadline: candidate.deadline,
      ...(candidate.provisional ? { provisional: true, provisionalSince: candidate.provisionalSince } : {}),
      overdue: options.now.getTime() > Date.parse(candidate.deadline),
      level,
      levelLabel: escalationLabel(level).zh,
      raisedNow: recorded ? due : [],
    });
  }
  escalated.sort((a, b) => a.deadline.localeCompare(b.deadline));
  return { checked: candidates.length, raised, escalated };
};
