import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { addWorkingTime, workingTimeBetween } from '../calendar/working-time.ts';

/**
 * Escalation of cases and suggestions near or past their deadline (督办升级). Three levels, each
 * reached at most once per record:
 *   1 the handling department's head — when the deadline is within one working day;
 *   2 People's Congress staff (人大工作机构) — when the deadline has passed;
 *   3 the district leader — when it is overdue by more than `leaderAfterWorkingDays` working days.
 * The job computes the level a record should be at from its deadline and the clock, and records
 * every level between the stored one and that target; re-running at the same time finds the stored
 * level already at the target and changes nothing.
 */

export const ESCALATION_LEVELS = [
  { level: 1, id: 'departmentHead', zh: '承办部门负责人', en: 'head of the handling department' },
  { level: 2, id: 'peoplesCongressStaff', zh: '人大代表工作机构', en: "People's Congress staff" },
  { level: 3, id: 'districtLeader', zh: '区领导', en: 'district leader' },
] as const;
export type EscalationLevel = 0 | 1 | 2 | 3;

export interface EscalationPolicy {
  /** Level 1 when no more than this many working hours remain. */
  nearDeadlineWorkingHours: number;
  /** Level 3 once the record is overdue beyond this many whole working days. */
  leaderAfterWorkingDays: number;
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  nearDeadlineWorkingHours: 8,
  leaderAfterWorkingDays: 3,
};

/** The level a record with this deadline should have reached at `now`. */
export const escalationTarget = (
  deadline: Date | string | undefined,
  now: Date,
  calendar: WorkingCalendar,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): EscalationLevel => {
  if (deadline === undefined) return 0;
  const due = new Date(deadline);
  if (now.getTime() <= due.getTime()) {
    return workingTimeBetween(now, due, calendar) <= policy.nearDeadlineWorkingHours ? 1 : 0;
  }
  const leaderFrom = addWorkingTime(due, policy.leaderAfterWorkingDays, 'workingDays', calendar);
  return now.getTime() > leaderFrom.getTime() ? 3 : 2;
};

/** The levels to record now, lowest first: every level above `current` up to `target`. */
export const escalationsDue = (current: EscalationLevel, target: EscalationLevel): EscalationLevel[] => {
  const due: EscalationLevel[] = [];
  for (let level = current + 1; level <= target; level++) due.push(level as EscalationLevel);
  return due;
};

export const escalationLabel = (level: Exclude<EscalationLevel, 0>) =>
  ESCALATION_LEVELS[level - 1] as (typeof ESCALATION_LEVELS)[number];
