import { localDateOf } from '../calendar/local-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { addWorkingTime, type WorkingTimeUnit, workingTimeBetween } from '../calendar/working-time.ts';
import { UnprocessableError, ValidationError } from '../errors.ts';
import { findCaseCategory, type WorkingTimeLimit } from './case-categories.ts';
import type { CaseRecord } from './case-record.ts';

/** The handling deadline of a case dispatched at `at`: its category's SLA in working time. */
export const dispatchDeadline = (
  record: CaseRecord,
  at: Date,
  calendar: WorkingCalendar,
): { deadline: string; sla: WorkingTimeLimit } => {
  const category = findCaseCategory(record.categoryId);
  if (!category)
    throw new UnprocessableError(
      `案件类别 ${record.categoryId} 未配置 (case category ${record.categoryId} is not configured)`,
    );
  const deadline = addWorkingTime(at, category.sla.amount, category.sla.unit, calendar);
  return { deadline: deadline.toISOString(), sla: category.sla };
};

/** An approved extension runs from the current deadline, not from the approval. */
export const extendDeadline = (
  record: CaseRecord,
  extension: { amount: number; unit: WorkingTimeUnit },
  at: Date,
  calendar: WorkingCalendar,
): string => {
  const base = record.deadline ? new Date(record.deadline) : at;
  return addWorkingTime(base, extension.amount, extension.unit, calendar).toISOString();
};

/**
 * While a case is suspended (挂账) its clock stops: on resume the deadline moves on by the working
 * hours the suspension lasted, so the department is not marked overdue for time it could not work.
 */
export const resumeDeadline = (
  record: CaseRecord,
  at: Date,
  calendar: WorkingCalendar,
): { deadline?: string; pausedWorkingHours: number } => {
  const pausedWorkingHours = record.suspension
    ? Math.max(0, workingTimeBetween(new Date(record.suspension.at), at, calendar))
    : 0;
  if (!record.deadline) return { pausedWorkingHours };
  const deadline = addWorkingTime(new Date(record.deadline), pausedWorkingHours, 'workingHours', calendar);
  return { deadline: deadline.toISOString(), pausedWorkingHours };
};

/** A review date must lie after today (local), or the suspension would be due for review at once. */
export const checkReviewDate = (nextReviewDate: string, at: Date, calendar: WorkingCalendar) =>
  nextReviewDate > localDateOf(at, calendar.timeZone)
    ? undefined
    : new ValidationError('下次复查日期须晚于今天 (the next review date must be after today)', [
        { path: '/nextReviewDate', message: '须为将来的日期 (must be a future date)' },
      ]);
