import { formatLocalDate } from '../calendar/local-time-text.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { ConflictError } from '../errors.ts';
import { isOnTime } from './suggestion-deadlines.ts';
import type { SuggestionRecord } from './suggestion-record.ts';

/**
 * A reply date that has passed does not move (docs/workflow-rules.md, "Deadlines that have
 * passed"): after it the suggestion is overdue and escalated, and an extension would make a late
 * reply count as on time. A request still pending when the date passes can be rejected, not approved.
 */

const passed = (record: SuggestionRecord, at: Date, calendar: WorkingCalendar) =>
  record.replyDue !== undefined && !isOnTime(record.replyDue, at, calendar);

const passedText = (replyDue: string) => ({
  zh: `答复期限${formatLocalDate(replyDue)}已过`,
  en: `the reply was due by the end of ${replyDue}`,
});

/** 409 when the reply date is over: too late to ask for more time. */
export const lateReplyExtensionRequest = (record: SuggestionRecord, at: Date, calendar: WorkingCalendar) => {
  if (!passed(record, at, calendar)) return undefined;
  const text = passedText(record.replyDue ?? '');
  return new ConflictError(
    `${text.zh}，不能再申请延期 (${text.en}; an extension can no longer be requested)`,
  );
};

/** 409 when the reply date passed while the request waited: it can only be rejected now. */
export const lateReplyExtensionApproval = (record: SuggestionRecord, at: Date, calendar: WorkingCalendar) => {
  if (!passed(record, at, calendar)) return undefined;
  const text = passedText(record.replyDue ?? '');
  return new ConflictError(
    `${text.zh}，延期申请已不能批准，只能驳回 (${text.en}; the pending extension can no longer be approved, only rejected)`,
  );
};
