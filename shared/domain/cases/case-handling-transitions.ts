import { isOverdue } from '../calendar/working-time.ts';
import { ConflictError } from '../errors.ts';
import { escalationAfterMove } from '../workflow/escalation-restart.ts';
import type { TransitionRule } from '../workflow/state-machine.ts';
import { extendDeadline } from './case-deadlines.ts';
import { type CaseEnv, caseTransition as transition } from './case-env.ts';
import { lateExtensionApproval, lateExtensionRequest } from './case-extension-rules.ts';
import type { IntakeAction } from './case-intake-transitions.ts';
import { casePayloads as P } from './case-payloads.ts';
import { CASE_OVERSEERS as OVERSEERS, DEPARTMENT_STAFF as STAFF } from './case-permissions.ts';
import type { CaseAction, CaseRecord, CaseState } from './case-record.ts';
import { checkNewEvidence, sendBackChanges } from './case-rework.ts';

/** Handling by the lead department, extensions, verification and the reporter's rating. */

type HandlingAction = Exclude<CaseAction, IntakeAction>;

const extensionPending = (record: CaseRecord) =>
  record.extensionRequest
    ? new ConflictError('已有待审批的延期申请 (an extension request is already pending)')
    : undefined;
const noExtensionPending = (record: CaseRecord) =>
  record.extensionRequest
    ? undefined
    : new ConflictError('没有待审批的延期申请 (there is no pending extension request)');

export const HANDLING_TRANSITIONS: Readonly<
  Record<HandlingAction, TransitionRule<CaseState, CaseRecord, CaseEnv>>
> = {
  signFor: transition({
    from: ['dispatched'],
    to: 'inProgress',
    roles: STAFF,
    relation: 'leadDepartment',
    payload: () => P().signFor,
    effect: ({ payload }) => ({ changes: {}, note: payload.note }),
  }),
  requestExtension: transition({
    from: ['inProgress'],
    to: 'inProgress',
    roles: STAFF,
    relation: 'leadDepartment',
    payload: () => P().requestExtension,
    precondition: ({ record, at, env }) =>
      extensionPending(record) ?? lateExtensionRequest(record, at, env.calendar),
    effect: ({ payload, principal, at }) => {
      const { amount, unit, reason } = payload;
      const request = { amount, unit, reason, requestedAt: at.toISOString(), requestedBy: principal.userId };
      return { changes: { extensionRequest: request }, note: reason, details: { amount, unit } };
    },
  }),
  approveExtension: transition({
    from: ['inProgress'],
    to: 'inProgress',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().approveExtension,
    precondition: ({ record, at, env }) =>
      noExtensionPending(record) ?? lateExtensionApproval(record, at, env.calendar),
    effect: ({ record, payload, at, env }) => {
      const { amount = 0, unit = 'workingDays' } = record.extensionRequest ?? {};
      const deadline = extendDeadline(record, { amount, unit }, at, env.calendar);
      return {
        changes: {
          ...deadline,
          ...escalationAfterMove(record.escalationLevel, deadline.deadline, at, env.calendar),
          extensionRequest: undefined,
          approvedExtensionCount: record.approvedExtensionCount + 1,
        },
        note: payload.note,
        details: { previousDeadline: record.deadline, ...deadline, amount, unit },
      };
    },
  }),
  rejectExtension: transition({
    from: ['inProgress'],
    to: 'inProgress',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().rejectExtension,
    precondition: ({ record }) => noExtensionPending(record),
    effect: ({ payload }) => ({ changes: { extensionRequest: undefined }, note: payload.reason }),
  }),
  submitRectification: transition({
    from: ['inProgress'],
    to: 'rectified',
    roles: STAFF,
    relation: 'leadDepartment',
    payload: () => P().submitRectification,
    guard: ({ record, payload }) => checkNewEvidence(record, payload.mediaIds),
    effect: ({ payload, at }) => ({
      changes: {
        rectificationMediaIds: payload.mediaIds,
        rectifiedAt: at.toISOString(),
        extensionRequest: undefined,
      },
      note: payload.note,
      mediaIds: payload.mediaIds,
    }),
  }),
  headSignOff: transition({
    from: ['rectified'],
    to: 'awaitingVerification',
    roles: ['head'],
    relation: 'leadDepartment',
    payload: () => P().headSignOff,
    // The department's own last step: on time is judged here, against the deadline now in force.
    effect: ({ record, payload, at }) => {
      const onTime = !isOverdue(record.deadline, at);
      return {
        changes: { departmentCompletedAt: at.toISOString(), departmentOnTime: onTime },
        note: payload.note,
        details: { deadline: record.deadline, onTime },
      };
    },
  }),
  verify: transition({
    from: ['awaitingVerification'],
    to: 'closed',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().verify,
    // A new closure gets a new rating from the reporter.
    effect: ({ payload, at }) => ({
      changes: { closedAt: at.toISOString(), rating: undefined },
      note: payload.note,
    }),
  }),
  sendBackForRework: transition({
    from: ['awaitingVerification'],
    to: 'inProgress',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().sendBackForRework,
    effect: ({ record, payload, at, env }) => ({
      ...sendBackChanges(record, payload.reason, at, env),
      note: payload.reason,
    }),
  }),
  rate: transition({
    from: ['closed'],
    roles: ['deputy'],
    relation: 'reporter',
    payload: () => P().rate,
    to: ({ payload }) => (payload.rating === 'unsatisfied' ? 'reopened' : 'closed'),
    // A precondition, so `allowedActions` stops offering `rate` once the closure is rated.
    precondition: ({ record }) =>
      record.rating ? new ConflictError('本次结案已评价过 (this closure has already been rated)') : undefined,
    effect: ({ payload }) => ({
      changes: { rating: payload.rating },
      note: payload.comment,
      details: { rating: payload.rating },
    }),
  }),
};
