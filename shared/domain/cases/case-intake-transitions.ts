import { ValidationError } from '../errors.ts';
import { escalationAfterMove, restartEscalation } from '../workflow/escalation-restart.ts';
import type { TransitionRule } from '../workflow/state-machine.ts';
import { checkReviewDate, dispatchDeadline, resumeDeadline } from './case-deadlines.ts';
import { type CaseEnv, caseTransition as transition } from './case-env.ts';
import { casePayloads as P } from './case-payloads.ts';
import { CASE_OVERSEERS as OVERSEERS, DEPARTMENT_STAFF as STAFF } from './case-permissions.ts';
import type { CaseAction, CaseRecord, CaseState } from './case-record.ts';

/** Intake and routing: acceptance (立案), rejection, duplicates, dispatch, return, suspension (挂账). */

export type IntakeAction = Extract<
  CaseAction,
  'accept' | 'reject' | 'markDuplicate' | 'dispatch' | 'returnToDispatcher' | 'suspend' | 'resume'
>;

const ACTIVE: CaseState[] = ['accepted', 'dispatched', 'inProgress', 'reopened'];

export const INTAKE_TRANSITIONS: Readonly<
  Record<IntakeAction, TransitionRule<CaseState, CaseRecord, CaseEnv>>
> = {
  accept: transition({
    from: ['submitted'],
    to: 'accepted',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().accept,
    effect: ({ payload }) => ({ changes: {}, note: payload.note }),
  }),
  reject: transition({
    from: ['submitted'],
    to: 'rejected',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().reject,
    effect: ({ payload }) => ({ changes: { rejectionReason: payload.reason }, note: payload.reason }),
  }),
  markDuplicate: transition({
    from: ['submitted'],
    to: 'duplicate',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().markDuplicate,
    guard: ({ record, payload }) =>
      payload.duplicateOf === record.id
        ? new ValidationError('案件不能与自身重复 (a case cannot duplicate itself)', [
            { path: '/duplicateOf', message: '不能是本案件 (same case)' },
          ])
        : undefined,
    effect: ({ payload }) => ({
      changes: { duplicateOf: payload.duplicateOf },
      note: payload.note,
      details: { duplicateOf: payload.duplicateOf },
    }),
  }),
  dispatch: transition({
    from: ['accepted', 'reopened'],
    to: 'dispatched',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().dispatch,
    guard: ({ payload }) =>
      payload.coDepartmentIds.includes(payload.leadDepartmentId)
        ? new ValidationError(
            '主办部门不能同时是协办部门 (the lead department cannot also be a co-department)',
            [{ path: '/coDepartmentIds', message: '包含主办部门 (contains the lead department)' }],
          )
        : undefined,
    effect: ({ record, payload, at, env }) => {
      const { sla, ...deadline } = dispatchDeadline(record, at, env.calendar);
      const { leadDepartmentId, coDepartmentIds } = payload;
      return {
        // A new deadline: escalated afresh (a re-dispatch after 不满意 or a return included).
        changes: {
          leadDepartmentId,
          coDepartmentIds,
          dispatchedAt: at.toISOString(),
          ...deadline,
          ...restartEscalation(),
        },
        note: payload.note,
        details: {
          leadDepartmentId,
          coDepartmentIds,
          ...deadline,
          sla,
          ...(record.escalationLevel === undefined
            ? {}
            : { previousEscalationLevel: record.escalationLevel }),
        },
      };
    },
  }),
  returnToDispatcher: transition({
    from: ['dispatched'],
    to: 'accepted',
    roles: STAFF,
    relation: 'leadDepartment',
    payload: () => P().returnToDispatcher,
    effect: ({ record, payload }) => ({
      changes: {
        leadDepartmentId: undefined,
        coDepartmentIds: [],
        dispatchedAt: undefined,
        deadline: undefined,
        provisional: undefined,
        provisionalSince: undefined,
        ...restartEscalation(),
      },
      note: payload.reason,
      details: { departmentId: record.leadDepartmentId },
    }),
  }),
  suspend: transition({
    from: ACTIVE,
    to: 'suspended',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().suspend,
    guard: ({ payload, at, env }) => checkReviewDate(payload.nextReviewDate, at, env.calendar),
    effect: ({ record, payload, at }) => {
      const { reason, nextReviewDate } = payload;
      const suspension = { from: record.state, at: at.toISOString(), nextReviewDate, reason };
      return { changes: { suspension }, note: reason, details: { nextReviewDate } };
    },
  }),
  resume: transition({
    from: ['suspended'],
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().resume,
    to: ({ record }) => record.suspension?.from ?? 'accepted',
    effect: ({ record, payload, at, env }) => {
      const { pausedWorkingHours, ...deadline } = resumeDeadline(record, at, env.calendar);
      const escalation = escalationAfterMove(record.escalationLevel, deadline.deadline, at, env.calendar);
      return {
        changes: { suspension: undefined, ...deadline, ...escalation },
        note: payload.note,
        details: { ...deadline, pausedWorkingHours },
      };
    },
  }),
};
