import { formatLocalDateTime } from '../calendar/local-time-text.ts';
import { formatLocalDateTimeEn } from '../calendar/local-time-text-en.ts';
import { ConflictError, UnprocessableError, ValidationError } from '../errors.ts';
import { restartEscalation } from '../workflow/escalation-restart.ts';
import type { TransitionRule } from '../workflow/state-machine.ts';
import { assignmentDeadlines } from './suggestion-deadlines.ts';
import { type SuggestionEnv, suggestionTransition as transition } from './suggestion-env.ts';
import { suggestionPayloads as P } from './suggestion-payloads.ts';
import { SUGGESTION_OVERSEERS as OVERSEERS, UNIT_STAFF as STAFF } from './suggestion-permissions.ts';
import type { SuggestionAction, SuggestionRecord } from './suggestion-record.ts';
import { partIdOf } from './suggestion-split.ts';
import type { SuggestionState } from './suggestion-vocabulary.ts';

/** Intake and routing: acceptance, conversion, assignment, key supervision, hand-back (退回). */

export type SuggestionIntakeAction = Extract<
  SuggestionAction,
  | 'accept'
  | 'convert'
  | 'assign'
  | 'assignSeparately'
  | 'setKeySupervision'
  | 'requestHandBack'
  | 'approveHandBack'
  | 'rejectHandBack'
>;

/** Key supervision may start at any point before the suggestion is closed. */
const SUPERVISABLE: SuggestionState[] = ['accepted', 'assigned', 'replied', 'rehandling', 'followingUp'];

/** A lead unit and its co-handling units: the lead is not also a co-unit, no unit is listed twice. */
const checkUnits = (
  units: { leadUnitId: string; coUnitIds: string[] },
  path: string,
): ValidationError | undefined => {
  if (units.coUnitIds.includes(units.leadUnitId)) {
    return new ValidationError(
      '主办单位不能同时是协办单位 (the lead unit cannot also be a co-handling unit)',
      [{ path: `${path}/coUnitIds`, message: '包含主办单位 (contains the lead unit)' }],
    );
  }
  if (new Set(units.coUnitIds).size !== units.coUnitIds.length) {
    return new ValidationError('协办单位重复列出 (co-handling units are listed twice)', [
      { path: `${path}/coUnitIds`, message: '单位重复 (duplicate unit)' },
    ]);
  }
  return undefined;
};

const checkParts = (parts: { leadUnitId: string; coUnitIds: string[] }[]): ValidationError | undefined => {
  const leads = parts.map((part) => part.leadUnitId);
  if (new Set(leads).size !== leads.length) {
    return new ValidationError('每个部分须由不同的单位承办 (each part needs a different unit)', [
      { path: '/parts', message: '一个单位只能承办一个部分 (a unit is listed for two parts)' },
    ]);
  }
  for (const [n, part] of parts.entries()) {
    const refusal = checkUnits(part, `/parts/${n}`);
    if (refusal) return refusal;
  }
  return undefined;
};

const noHandBackPending = (record: SuggestionRecord) =>
  record.handBackRequest
    ? undefined
    : new ConflictError('没有待审批的退回申请 (there is no pending hand-back request)');

export const SUGGESTION_INTAKE_TRANSITIONS: Readonly<
  Record<SuggestionIntakeAction, TransitionRule<SuggestionState, SuggestionRecord, SuggestionEnv>>
> = {
  accept: transition({
    from: ['submitted'],
    to: 'accepted',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().accept,
    effect: ({ payload, at }) => ({ changes: { acceptedAt: at.toISOString() }, note: payload.note }),
  }),
  convert: transition({
    from: ['submitted', 'accepted'],
    to: 'converted',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().convert,
    effect: ({ payload, at }) => ({
      changes: { conversion: { to: payload.to, reason: payload.reason, at: at.toISOString() } },
      note: payload.reason,
      details: { convertedTo: payload.to },
    }),
  }),
  assign: transition({
    from: ['accepted'],
    to: 'assigned',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().assign,
    guard: ({ payload }) => checkUnits(payload, ''),
    effect: ({ payload, at, env }) => {
      const { leadUnitId, coUnitIds } = payload;
      const { assignedOn, replyDue, coOpinionDue, handBackDue, ...provisional } = assignmentDeadlines(
        at,
        coUnitIds.length > 0,
        env.calendar,
      );
      return {
        changes: {
          assignment: { leadUnitId, coUnitIds, assignedAt: at.toISOString(), assignedOn },
          replyDue,
          coOpinionDue,
          handBackDue,
          ...provisional,
          coOpinions: [],
          // A new reply date (a re-assignment after a hand-back too) is escalated afresh.
          ...restartEscalation(),
        },
        note: payload.note,
        details: { leadUnitId, coUnitIds, replyDue, coOpinionDue, handBackDue },
      };
    },
  }),
  /**
   * 分别交办: the suggestion becomes a container and each unit gets a part of its own (a new suggestion,
   * see suggestion-split.ts) that it handles and replies to independently; the caller stores the parts
   * with this step.
   */
  assignSeparately: transition({
    from: ['accepted'],
    to: 'split',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().assignSeparately,
    guard: ({ payload }) => checkParts(payload.parts),
    effect: ({ record, payload }) => {
      const parts = payload.parts.map((part, n) => ({
        id: partIdOf(record.id, n + 1),
        leadUnitId: part.leadUnitId,
        coUnitIds: part.coUnitIds,
      }));
      return { changes: { parts }, note: payload.note, details: { parts } };
    },
  }),
  setKeySupervision: transition({
    from: SUPERVISABLE,
    to: ({ record }) => record.state,
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().setKeySupervision,
    effect: ({ payload, at }) => ({
      changes: {
        keySupervision: {
          leaderName: payload.leaderName,
          since: at.toISOString(),
          ...(payload.note ? { note: payload.note } : {}),
        },
      },
      note: payload.note,
      details: { leaderName: payload.leaderName },
    }),
  }),
  requestHandBack: transition({
    from: ['assigned'],
    to: 'assigned',
    roles: STAFF,
    relation: 'leadDepartment',
    payload: () => P().requestHandBack,
    // Record-only checks, so `allowedActions` stops offering the request once the window has closed.
    precondition: ({ record, at, env }) => {
      if (record.handBackRequest)
        return new ConflictError('已有待审批的退回申请 (a hand-back request is already pending)');
      if (record.handBackDue && at.getTime() > new Date(record.handBackDue).getTime()) {
        return new UnprocessableError(
          `退回申请须在交办后7个工作日内（${formatLocalDateTime(record.handBackDue, env.calendar.timeZone)}前）提出 ` +
            `(a hand-back must be requested within 7 working days of assignment, by ${formatLocalDateTimeEn(record.handBackDue, env.calendar.timeZone)})`,
        );
      }
      return undefined;
    },
    effect: ({ record, payload, principal, at }) => ({
      changes: {
        handBackRequest: {
          reason: payload.reason,
          requestedAt: at.toISOString(),
          requestedBy: principal.userId,
        },
      },
      note: payload.reason,
      details: { unitId: record.assignment?.leadUnitId },
    }),
  }),
  /** The unit is released; the suggestion goes back to `accepted` for the supervisor to assign again. */
  approveHandBack: transition({
    from: ['assigned'],
    to: 'accepted',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().approveHandBack,
    precondition: ({ record }) => noHandBackPending(record),
    effect: ({ record, payload }) => ({
      changes: {
        assignment: undefined,
        replyDue: undefined,
        coOpinionDue: undefined,
        handBackDue: undefined,
        provisional: undefined,
        provisionalSince: undefined,
        handBackRequest: undefined,
        extension: undefined,
        coOpinions: [],
        ...restartEscalation(),
      },
      note: payload.note,
      details: {
        handedBackBy: record.assignment?.leadUnitId,
        coUnitIds: record.assignment?.coUnitIds ?? [],
        reason: record.handBackRequest?.reason,
      },
    }),
  }),
  rejectHandBack: transition({
    from: ['assigned'],
    to: 'assigned',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().rejectHandBack,
    precondition: ({ record }) => noHandBackPending(record),
    effect: ({ payload }) => ({ changes: { handBackRequest: undefined }, note: payload.reason }),
  }),
};
