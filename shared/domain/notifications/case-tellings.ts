import { CASE_ACTION_LABELS } from '../cases/case-action-labels.ts';
import { reportedByClient } from '../cases/case-client.ts';
import { CASE_STATE_LABELS, type CaseRecord, type CaseTimelineEntry } from '../cases/case-record.ts';
import { escalationLabel } from '../workflow/escalation.ts';
import { deadlineText, type MessageContext, namesOf, placeText } from './message-text.ts';
import type { Audience, Telling } from './notification-types.ts';

/**
 * Who a case's step tells (issue 18): a dispatch tells the lead and co-departments' handlers and
 * heads; an escalation tells the people of its level (1: the lead department's head, and its handlers
 * that the deadline is one working day away; 2: People's Congress staff; 3: the district leader);
 * every change of state tells the reporting deputy (not a client's reporter: it polls Open311).
 */
export const caseTellings = (
  record: CaseRecord,
  entry: CaseTimelineEntry,
  context: MessageContext,
): Telling[] => {
  const facts = caseFacts(record, context);
  const tellings: Telling[] = [];
  if (entry.action === 'escalate') tellings.push(...escalationTellings(record, entry, facts, context));
  if (entry.action === 'dispatch' && record.leadDepartmentId !== undefined) {
    tellings.push(dispatchTelling(record, record.leadDepartmentId, facts, context));
  }
  const changed = entry.from !== null && entry.from !== entry.to;
  if (changed && !reportedByClient(record.reporterId)) tellings.push(reporterTelling(record, entry, facts));
  return tellings;
};

interface CaseFacts {
  title: string;
  place: string;
  deadline: string;
}

const caseFacts = (record: CaseRecord, context: MessageContext): CaseFacts => ({
  title: record.title,
  place: placeText(record.location),
  deadline: deadlineText(record.deadline, context.timeZone),
});

export const staff = (departmentId: string, roles: readonly ('handler' | 'head')[]): Audience => ({
  kind: 'department',
  departmentId,
  roles,
});

const dispatchTelling = (
  record: CaseRecord,
  lead: string,
  facts: CaseFacts,
  context: MessageContext,
): Telling => {
  const departments = [lead, ...record.coDepartmentIds];
  const co = record.coDepartmentIds.length > 0 ? `，协办：${namesOf(record.coDepartmentIds, context)}` : '';
  return {
    kind: 'caseDispatched',
    audiences: departments.map((id) => staff(id, ['handler', 'head'])),
    urgent: false,
    title: `新派遣案件：${facts.title}`,
    body: `案件「${facts.title}」（地点：${facts.place}）已派遣至${context.departmentName(lead)}办理${co}，办理期限 ${facts.deadline}。`,
  };
};

const escalationTellings = (
  record: CaseRecord,
  entry: CaseTimelineEntry,
  facts: CaseFacts,
  context: MessageContext,
): Telling[] => {
  const level = escalationLevelOf(entry.details);
  if (level === undefined) return [];
  const due = String(entry.details.deadline ?? record.deadline);
  const deadline = deadlineText(due, context.timeZone);
  const overdue = Date.parse(entry.at) > Date.parse(due);
  const label = escalationLabel(level);
  const lead = record.leadDepartmentId;
  const where = lead === undefined ? '' : `，承办部门：${context.departmentName(lead)}`;
  const escalation: Telling = {
    kind: 'escalation',
    audiences: escalationAudiences(level, lead),
    urgent: true,
    level,
    title: `督办升级（${label.zh}）：${facts.title}`,
    body: `案件「${facts.title}」（地点：${facts.place}）${overdue ? '已超过' : '临近'}办理期限 ${deadline}${where}，已升级至${label.zh}督办。`,
  };
  if (level !== 1 || lead === undefined) return [escalation];
  const near: Telling = {
    kind: 'deadlineNear',
    audiences: [staff(lead, ['handler'])],
    urgent: false,
    level,
    title: `${overdue ? '已超期' : '即将到期'}：${facts.title}`,
    body: `案件「${facts.title}」（地点：${facts.place}）办理期限为 ${deadline}，${overdue ? '已超期' : '剩余不足一个工作日'}，请抓紧办理。`,
  };
  return [escalation, near];
};

/** The level an `escalate` entry recorded (escalation-step.ts details). */
export const escalationLevelOf = (details: Record<string, unknown>): 1 | 2 | 3 | undefined => {
  const level = Number(details.level);
  return level === 1 || level === 2 || level === 3 ? level : undefined;
};

/** The people of each escalation level (escalation.ts ESCALATION_LEVELS). */
export const escalationAudiences = (level: 1 | 2 | 3, leadUnitId: string | undefined): Audience[] => {
  if (level === 1) return leadUnitId === undefined ? [] : [staff(leadUnitId, ['head'])];
  if (level === 2) return [{ kind: 'role', role: 'supervisor' }];
  return [{ kind: 'districtLeaders' }];
};

const reporterTelling = (record: CaseRecord, entry: CaseTimelineEntry, facts: CaseFacts): Telling => {
  const action = (CASE_ACTION_LABELS as Record<string, { zh: string }>)[entry.action]?.zh ?? entry.action;
  const state = CASE_STATE_LABELS[entry.to].zh;
  return {
    kind: 'stateChanged',
    audiences: [{ kind: 'deputy', userId: record.reporterId }],
    urgent: false,
    title: `案件进展：${facts.title}`,
    body: `您反映的案件「${facts.title}」（地点：${facts.place}）已${action}，当前状态：${state}${record.deadline === undefined ? '' : `，办理期限 ${facts.deadline}`}。`,
  };
};
