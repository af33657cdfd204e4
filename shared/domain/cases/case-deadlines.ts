import { localDateOf } from '../calendar/local-date.ts';
import {
  type ComputedDeadline,
  computeDeadline,
  provisionalFields,
  provisionalMarkOf,
} from '../calendar/provisional-deadline.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { type WorkingTimeUnit, workingTimeBetween } from '../calendar/working-time.ts';
import { UnprocessableError, ValidationError } from '../errors.ts';
import { findCaseCategory, type WorkingTimeLimit } from './case-categories.ts';
import type { CaseRecord } from './case-record.ts';

/**
 * A deadline as the record stores it: the instant, and whether it counted days the working calendar
 * does not cover yet (`provisional`, cleared when not; see provisional-deadline.ts).
 */
export type DeadlineFields = { deadline: string } & ReturnType<typeof provisionalFields>;

const fieldsOf = (computed: ComputedDeadline): DeadlineFields => ({
  deadline: computed.deadline.toISOString(),
  ...provisionalFields(computed),
});

/** The handling deadline of a case dispatched at `at`: its category's SLA in working time. */
export const dispatchDeadline = (
  record: CaseRecord,
  at: Date,
  calendar: WorkingCalendar,
): DeadlineFields & { sla: WorkingTimeLimit } => {
  const category = findCaseCategory(record.categoryId);
  if (!category)
    throw new UnprocessableError(
      `案件类别 ${record.categoryId} 未配置 (case category ${record.categoryId} is not configured)`,
    );
  return {
    ...fieldsOf(computeDeadline(at, category.sla.amount, category.sla.unit, calendar)),
    sla: category.sla,
  };
};

/** An approved extension runs from the current deadline, not from the approval. */
export const extendDeadline = (
  record: CaseRecord,
  extension: { amount: number; unit: WorkingTimeUnit },
  at: Date,
  calendar: WorkingCalendar,
): DeadlineFields => {
  const base = record.deadline ? new Date(record.deadline) : at;
  const from = record.deadline ? provisionalMarkOf(record) : undefined;
  return fieldsOf(computeDeadline(base, extension.amount, extension.unit, calendar, { from }));
};

/**
 * While a case is suspended (挂账) its clock stops: on resume the deadline moves on by the working
 * hours the suspension lasted, so the department is not marked overdue for time it could not work.
 */
export const resumeDeadline = (
  record: CaseRecord,
  at: Date,
  calendar: WorkingCalendar,
): Partial<DeadlineFields> & { pausedWorkingHours: number } => {
  const pausedWorkingHours = record.suspension
    ? Math.max(0, workingTimeBetween(new Date(record.suspension.at), at, calendar))
    : 0;
  if (!record.deadline) return { pausedWorkingHours };
  const from = provisionalMarkOf(record);
  const moved = computeDeadline(new Date(record.deadline), pausedWorkingHours, 'workingHours', calendar, {
    from,
  });
  return { ...fieldsOf(moved), pausedWorkingHours };
};

/** A review date must lie after today (local), or the suspension would be due for review at once. */
export const checkReviewDate = (nextReviewDate: string, at: Date, calendar: WorkingCalendar) =>
  nextReviewDate > localDateOf(at, calendar.timeZone)
    ? undefined
    : new ValidationError('下次复查日期须晚于今天 (the next review date must be after today)', [
        { path: '/nextReviewDate', message: '须为将来的日期 (must be a future date)' },
      ]);
