import { ConflictError } from '../errors.ts';
import { escalationAfterMove, replyDueInstant } from '../workflow/escalation-restart.ts';
import type { TransitionRule } from '../workflow/state-machine.ts';
import { checkGrantedDue, checkRequestedDue } from './suggestion-deadlines.ts';
import { type SuggestionEnv, suggestionTransition as transition } from './suggestion-env.ts';
import { lateReplyExtensionApproval, lateReplyExtensionRequest } from './suggestion-extension-rules.ts';
import { suggestionPayloads as P } from './suggestion-payloads.ts';
import { SUGGESTION_OVERSEERS as OVERSEERS, UNIT_STAFF as STAFF } from './suggestion-permissions.ts';
import type { SuggestionRecord } from './suggestion-record.ts';
import type { SuggestionState } from './suggestion-vocabulary.ts';

/**
 * Extending the reply period (延期): the lead unit asks, People's Congress staff grant (possibly an
 * earlier date than asked) or refuse; one request is pending at a time. The dates' rules are in
 * suggestion-deadlines.ts, the late-request rules in suggestion-extension-rules.ts.
 */

type ExtensionAction = 'requestExtension' | 'approveExtension' | 'rejectExtension';

const noExtensionPending = (record: SuggestionRecord) =>
  record.extension?.status === 'pending'
    ? undefined
    : new ConflictError('没有待审批的延期申请 (there is no pending extension request)');

export const SUGGESTION_EXTENSION_TRANSITIONS: Readonly<
  Record<ExtensionAction, TransitionRule<SuggestionState, SuggestionRecord, SuggestionEnv>>
> = {
  requestExtension: transition({
    from: ['assigned'],
    to: 'assigned',
    roles: STAFF,
    relation: 'leadDepartment',
    payload: () => P().requestExtension,
    precondition: ({ record, at, env }) =>
      record.extension?.status === 'pending'
        ? new ConflictError('已有待审批的延期申请 (an extension request is already pending)')
        : lateReplyExtensionRequest(record, at, env.calendar),
    guard: ({ record, payload }) => checkRequestedDue(record, payload.replyDue),
    effect: ({ payload, principal, at }) => ({
      changes: {
        extension: {
          status: 'pending',
          requestedDue: payload.replyDue,
          reason: payload.reason,
          requestedAt: at.toISOString(),
          requestedBy: principal.userId,
        },
      },
      note: payload.reason,
      details: { requestedDue: payload.replyDue },
    }),
  }),
  approveExtension: transition({
    from: ['assigned'],
    to: 'assigned',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().approveExtension,
    precondition: ({ record, at, env }) =>
      noExtensionPending(record) ?? lateReplyExtensionApproval(record, at, env.calendar),
    guard: ({ record, payload }) =>
      checkGrantedDue(record, payload.replyDue ?? record.extension?.requestedDue ?? ''),
    effect: ({ record, payload, principal, at, env }) => {
      const requested = record.extension ?? {
        status: 'pending' as const,
        requestedDue: '',
        reason: '',
        requestedAt: at.toISOString(),
        requestedBy: '',
      };
      const grantedDue = payload.replyDue ?? requested.requestedDue;
      return {
        changes: {
          replyDue: grantedDue,
          ...escalationAfterMove(
            record.escalationLevel,
            replyDueInstant(grantedDue, env.calendar.timeZone),
            at,
            env.calendar,
          ),
          extension: {
            ...requested,
            status: 'approved',
            grantedDue,
            decidedAt: at.toISOString(),
            decidedBy: principal.userId,
          },
        },
        note: payload.note,
        details: { previousDue: record.replyDue, replyDue: grantedDue },
      };
    },
  }),
  rejectExtension: transition({
    from: ['assigned'],
    to: 'assigned',
    roles: OVERSEERS,
    relation: 'any',
    payload: () => P().rejectExtension,
    precondition: ({ record }) => noExtensionPending(record),
    effect: ({ record, payload, principal, at }) => ({
      changes: record.extension
        ? {
            extension: {
              ...record.extension,
              status: 'rejected',
              decidedAt: at.toISOString(),
              decidedBy: principal.userId,
            },
          }
        : {},
      note: payload.reason,
    }),
  }),
};
