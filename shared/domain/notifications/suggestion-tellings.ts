import { formatLocalDate } from '../calendar/local-time-text.ts';
import { SUGGESTION_ACTION_LABELS } from '../suggestions/suggestion-action-labels.ts';
import type { SuggestionRecord, SuggestionTimelineEntry } from '../suggestions/suggestion-record.ts';
import {
  REPLY_CLASS_LABELS,
  type ReplyClass,
  SUGGESTION_STATE_LABELS,
} from '../suggestions/suggestion-vocabulary.ts';
import { escalationLabel } from '../workflow/escalation.ts';
import { escalationAudiences, escalationLevelOf, staff } from './case-tellings.ts';
import { deadlineText, type MessageContext, namesOf, replyDueText } from './message-text.ts';
import type { Audience, Telling } from './notification-types.ts';

/**
 * Who a suggestion's step tells: an assignment (together, or a part born of a separate assignment)
 * tells the units' handlers and heads; an escalation the people of its level, as for cases; a reply
 * tells its deputies (the filer and co-signers) what class it got and by when to rate it; every other
 * change of state tells them too, and the filing tells the co-signers they were named.
 */
export const suggestionTellings = (
  record: SuggestionRecord,
  entry: SuggestionTimelineEntry,
  context: MessageContext,
): Telling[] => {
  const tellings: Telling[] = [];
  if (entry.action === 'escalate') {
    const escalation = escalationTelling(record, entry, context);
    if (escalation) tellings.push(escalation);
  }
  const assignment = record.assignment;
  const assignedNow =
    entry.action === 'assign' || (entry.action === 'assignSeparately' && entry.from === null);
  if (assignedNow && assignment !== undefined) tellings.push(assignedTelling(record, context));
  if (entry.action === 'reply') tellings.push(replyTelling(record, entry));
  else if (isDeputiesNews(record, entry)) tellings.push(stateTelling(record, entry));
  return tellings;
};

const deputiesOf = (record: SuggestionRecord): Audience[] =>
  [record.filerId, ...record.coSignerIds].map((userId) => ({ kind: 'deputy', userId }));

/** A change of state, or the filing itself (the co-signers learn they were named); not a part's birth. */
const isDeputiesNews = (record: SuggestionRecord, entry: SuggestionTimelineEntry): boolean =>
  entry.from === null ? entry.action === 'submit' && record.parentId === undefined : entry.from !== entry.to;

const assignedTelling = (record: SuggestionRecord, context: MessageContext): Telling => {
  const { leadUnitId, coUnitIds } = record.assignment ?? { leadUnitId: '', coUnitIds: [] };
  const co = coUnitIds.length > 0 ? `，协办：${namesOf(coUnitIds, context)}` : '';
  return {
    kind: 'suggestionAssigned',
    audiences: [leadUnitId, ...coUnitIds].map((id) => staff(id, ['handler', 'head'])),
    urgent: false,
    title: `新交办建议：${record.title}`,
    body: `代表建议「${record.title}」已交办${context.departmentName(leadUnitId)}主办${co}，答复期限 ${replyDueText(record.replyDue)}。`,
  };
};

const escalationTelling = (
  record: SuggestionRecord,
  entry: SuggestionTimelineEntry,
  context: MessageContext,
): Telling | undefined => {
  const level = escalationLevelOf(entry.details);
  if (level === undefined) return undefined;
  const due = String(entry.details.deadline ?? '');
  const overdue = Date.parse(entry.at) > Date.parse(due);
  const label = escalationLabel(level);
  const lead = record.assignment?.leadUnitId;
  const where = lead === undefined ? '' : `，主办单位：${context.departmentName(lead)}`;
  return {
    kind: 'escalation',
    audiences: escalationAudiences(level, lead),
    urgent: true,
    level,
    title: `督办升级（${label.zh}）：${record.title}`,
    // The reply date is a local date (due by its end): named as the date, not as the next midnight.
    body: `代表建议「${record.title}」${overdue ? '已超过' : '临近'}答复期限 ${record.replyDue === undefined ? deadlineText(due, context.timeZone) : replyDueText(record.replyDue)}${where}，已升级至${label.zh}督办。`,
  };
};

const replyTelling = (record: SuggestionRecord, entry: SuggestionTimelineEntry): Telling => {
  const replyClass = String(entry.details.replyClass) as ReplyClass;
  const classLabel = REPLY_CLASS_LABELS[replyClass]?.zh ?? replyClass;
  const ratingsDue = entry.details.ratingsDue;
  const rateBy = typeof ratingsDue === 'string' ? `，请于${formatLocalDate(ratingsDue)}前评价` : '';
  return {
    kind: 'suggestionReplied',
    audiences: deputiesOf(record),
    urgent: false,
    title: `建议已答复：${record.title}`,
    body: `您提出或附议的建议「${record.title}」已答复（${replyClass}类：${classLabel}）${rateBy}。`,
  };
};

const stateTelling = (record: SuggestionRecord, entry: SuggestionTimelineEntry): Telling => {
  const state = SUGGESTION_STATE_LABELS[entry.to].zh;
  const filed = entry.from === null;
  const action =
    (SUGGESTION_ACTION_LABELS as Record<string, { zh: string }>)[entry.action]?.zh ?? entry.action;
  return {
    kind: 'stateChanged',
    audiences: deputiesOf(record),
    urgent: false,
    title: `建议进展：${record.title}`,
    body: filed
      ? `您被列为建议「${record.title}」的附议代表，建议已提交。`
      : `您提出或附议的建议「${record.title}」已${action}，当前状态：${state}${record.replyDue === undefined ? '' : `，答复期限 ${replyDueText(record.replyDue)}`}。`,
  };
};
