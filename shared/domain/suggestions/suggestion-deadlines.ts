import { addCalendarMonths } from '../calendar/calendar-months.ts';
import { localDateOf } from '../calendar/local-date.ts';
import { formatLocalDate } from '../calendar/local-time-text.ts';
import { computeDeadline, provisionalFields } from '../calendar/provisional-deadline.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { type DomainError, UnprocessableError, ValidationError } from '../errors.ts';
import type { SuggestionRecord } from './suggestion-record.ts';

/**
 * Suggestion deadlines. Month periods start on the local date of the assignment and end on the
 * corresponding day of the final month (Civil Code art. 202, see calendar-months.ts); the reply is on
 * time when sent on or before that local date.
 *
 * - Reply within 3 months of assignment, at most 6 months with the assigning office's consent, as the
 *   handling rules set (the 代表法 requires the organs to 研究处理并负责答复; the month periods come
 *   from the 办理办法 of each level). Published examples: a provincial regulation on deputies'
 *   suggestions (承办单位应当在接到交办的代表建议、批评和意见后的三个月内将办理结果书面答复代表 … 经交办
 *   机构同意，可以延长至六个月内答复; http://www.fymate.net/html/text/lar/168704/16870457_3.html, art. 21);
 *   a municipal rule (在本级人民代表大会闭会之日起三个月内，至迟不超过六个月办理完毕并书面答复;
 *   http://www.lawyee.com.cn/html/text/lar/170461/17046198_3.html, art. 16). The article number of the
 *   national law was not verified here, so none is cited. Qingshan reads "6 months" as the latest date
 *   an approved extension may reach.
 * - Hand back within 7 working days of assignment, with a reason: a common local rule, e.g. 玉林市人民政府
 *   办公室 玉政办电〔2019〕11号 (对不属于本单位职责范围的建议，必须在接到承办通知后7个工作日内退回 …),
 *   http://www.yulin.gov.cn/zcwj/yzbd/t8706881.shtml.
 * - Co-handling unit's opinion within 1 month, and a re-handled reply within 1 month of the
 *   unsatisfied rating: Qingshan's rules (issue 6); local 办理办法 set similar but varying periods.
 */
export const REPLY_MONTHS = 3;
export const MAX_REPLY_MONTHS = 6;
export const CO_OPINION_MONTHS = 1;
export const HAND_BACK_WORKING_DAYS = 7;
export const REHANDLING_REPLY_MONTHS = 1;
/**
 * How many times an unsatisfied rating sends a suggestion back for re-handling. After that, an
 * unsatisfied rating is recorded (and counts in the statistics) but the suggestion closes normally.
 */
export const MAX_REHANDLINGS = 1;

export interface AssignmentDeadlines extends ReturnType<typeof provisionalFields> {
  assignedOn: string;
  replyDue: string;
  coOpinionDue?: string;
  /** The only one counted in working days, so the only one that can be provisional. */
  handBackDue: string;
}

/** The deadlines that start with an assignment at `at`. */
export const assignmentDeadlines = (
  at: Date,
  hasCoUnits: boolean,
  calendar: WorkingCalendar,
): AssignmentDeadlines => {
  const assignedOn = localDateOf(at, calendar.timeZone);
  const handBack = computeDeadline(at, HAND_BACK_WORKING_DAYS, 'workingDays', calendar);
  return {
    assignedOn,
    replyDue: addCalendarMonths(assignedOn, REPLY_MONTHS),
    ...(hasCoUnits ? { coOpinionDue: addCalendarMonths(assignedOn, CO_OPINION_MONTHS) } : {}),
    handBackDue: handBack.deadline.toISOString(),
    ...provisionalFields(handBack),
  };
};

/** The reply due date after an unsatisfied rating at `at`. */
export const rehandlingReplyDue = (at: Date, calendar: WorkingCalendar): string =>
  addCalendarMonths(localDateOf(at, calendar.timeZone), REHANDLING_REPLY_MONTHS);

/** The latest reply due date an extension may reach: assignment + 6 months. */
export const latestReplyDue = (record: SuggestionRecord): string | undefined =>
  record.assignment ? addCalendarMonths(record.assignment.assignedOn, MAX_REPLY_MONTHS) : undefined;

const beyondLimitMessage = (due: string, limit: string) =>
  `答复期限最迟为交办之日起六个月（${formatLocalDate(limit)}），不能延期至${formatLocalDate(due)} (the reply may be due at most 6 months after assignment, ${limit}; ${due} is later)`;

/** Checks a requested extension date: later than the current due date, not past the 6-month limit. */
export const checkRequestedDue = (record: SuggestionRecord, due: string): DomainError | undefined => {
  const limit = latestReplyDue(record);
  if (record.replyDue && due <= record.replyDue) {
    return new ValidationError('延期须晚于当前答复期限 (an extension must move the reply due date later)', [
      {
        path: '/replyDue',
        message: `延期后的答复期限须晚于当前期限${formatLocalDate(record.replyDue)} (must be after ${record.replyDue})`,
      },
    ]);
  }
  if (limit && due > limit) {
    return new ValidationError(beyondLimitMessage(due, limit), [
      { path: '/replyDue', message: beyondLimitMessage(due, limit) },
    ]);
  }
  return undefined;
};

/**
 * Checks the date a supervisor grants. Past the 6-month limit the approval itself is refused (422),
 * whatever was asked for: not even a supervisor may grant more than the law's six months.
 */
export const checkGrantedDue = (record: SuggestionRecord, due: string): DomainError | undefined => {
  const limit = latestReplyDue(record);
  if (limit && due > limit) return new UnprocessableError(beyondLimitMessage(due, limit));
  if (record.replyDue && due <= record.replyDue) {
    return new ValidationError('延期须晚于当前答复期限 (an extension must move the reply due date later)', [
      {
        path: '/replyDue',
        message: `须晚于${formatLocalDate(record.replyDue)} (must be after ${record.replyDue})`,
      },
    ]);
  }
  return undefined;
};

/** On time: sent on or before the local due date (no due date: on time). */
export const isOnTime = (due: string | undefined, at: Date, calendar: WorkingCalendar): boolean =>
  due === undefined || localDateOf(at, calendar.timeZone) <= due;

/**
 * Overdue is derived, never stored: a reply is awaited (assigned or re-handling) and today's local
 * date is after the reply due date.
 */
export const isSuggestionOverdue = (
  record: SuggestionRecord,
  now: Date,
  calendar: WorkingCalendar,
): boolean =>
  (record.state === 'assigned' || record.state === 'rehandling') && !isOnTime(record.replyDue, now, calendar);

/** A co-handling unit that has not sent its opinion by `coOpinionDue` is late (first round only). */
export const overdueCoUnits = (record: SuggestionRecord, now: Date, calendar: WorkingCalendar): string[] => {
  if (record.state !== 'assigned' || !record.assignment || isOnTime(record.coOpinionDue, now, calendar)) {
    return [];
  }
  const sent = new Set(record.coOpinions.filter((o) => o.round === 0).map((o) => o.unitId));
  return record.assignment.coUnitIds.filter((unit) => !sent.has(unit));
};
