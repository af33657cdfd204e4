import { formatLocalDateTime } from '../calendar/local-time-text.ts';
import { formatLocalDateTimeEn } from '../calendar/local-time-text-en.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { isOverdue } from '../calendar/working-time.ts';
import { ConflictError } from '../errors.ts';
import type { CaseRecord } from './case-record.ts';

/**
 * No deadline moves once it has passed (docs/workflow-rules.md, "Deadlines that have passed"). By
 * then the case is overdue on the books and may have been escalated; an extension asked for or
 * granted afterwards would turn late handling into on-time handling. A request still pending when
 * the deadline passes lapses: it can be rejected, not approved.
 */

const passedSince = (record: CaseRecord, calendar: WorkingCalendar) => {
  const deadline = record.deadline ?? '';
  return {
    zh: `办理期限已于${formatLocalDateTime(deadline, calendar.timeZone)}届满`,
    en: `the deadline passed at ${formatLocalDateTimeEn(deadline, calendar.timeZone)}`,
  };
};

/** 409 when the case's deadline has passed: too late to ask for more time. */
export const lateExtensionRequest = (record: CaseRecord, at: Date, calendar: WorkingCalendar) => {
  if (!isOverdue(record.deadline, at)) return undefined;
  const passed = passedSince(record, calendar);
  return new ConflictError(
    `${passed.zh}，不能再申请延期 (${passed.en}; an extension can no longer be requested)`,
  );
};

/** 409 when the deadline passed while the request waited: it can only be rejected now. */
export const lateExtensionApproval = (record: CaseRecord, at: Date, calendar: WorkingCalendar) => {
  if (!isOverdue(record.deadline, at)) return undefined;
  const passed = passedSince(record, calendar);
  return new ConflictError(
    `${passed.zh}，延期申请已不能批准，只能驳回 (${passed.en}; the pending extension can no longer be approved, only rejected)`,
  );
};
