import { addDays, localTimeToInstant } from '../calendar/local-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { type EscalationLevel, escalationTarget } from './escalation.ts';

/**
 * The escalation level a record holds belongs to the deadline in force (docs/workflow-rules.md,
 * "Escalation follows the deadline in force"):
 *
 * - a NEW deadline — a new handling round: dispatch and re-dispatch, rework, assignment and
 *   re-assignment after a hand-back, re-handling after a 不满意 — is escalated afresh: the level
 *   restarts, and the levels reached before stay on the timeline as what happened then;
 * - a deadline that is cleared (returned to the dispatcher, handed back) takes its level with it;
 * - a deadline that MOVES within its round (an approved extension, a resumption after 挂账, a
 *   recount when a calendar year is loaded) keeps the levels its new position still warrants at
 *   that instant and no more: an extension approved near the old end is warned about again near the
 *   new one, while a case resumed still overdue is not escalated twice for the same lateness.
 */

type StoredLevel = Exclude<EscalationLevel, 0> | undefined;

/** The change every new or cleared deadline makes (a field set to undefined is removed). */
export const restartEscalation = (): { escalationLevel: undefined } => ({ escalationLevel: undefined });

/** The level to keep when the deadline moves to `deadline` at `at`: the lower of held and warranted. */
export const escalationAfterMove = (
  held: StoredLevel,
  deadline: string | undefined,
  at: Date,
  calendar: WorkingCalendar,
): { escalationLevel: StoredLevel } => {
  const kept = Math.min(held ?? 0, escalationTarget(deadline, at, calendar)) as EscalationLevel;
  return { escalationLevel: kept === 0 ? undefined : kept };
};

/** A reply due on a local date is due by the end of that day, i.e. the next local midnight. */
export const replyDueInstant = (replyDue: string, timeZone: string): string =>
  localTimeToInstant(addDays(replyDue, 1), 0, timeZone).toISOString();
