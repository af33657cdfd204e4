import type { Principal } from '../roles.ts';
import {
  applyTransition,
  type TransitionRequest,
  type TransitionResult,
} from '../workflow/apply-transition.ts';
import { isPermitted } from '../workflow/permissions.ts';
import type { TransitionRule, WorkflowMachine } from '../workflow/state-machine.ts';
import type { CaseEnv } from './case-env.ts';
import { HANDLING_TRANSITIONS } from './case-handling-transitions.ts';
import { INTAKE_TRANSITIONS } from './case-intake-transitions.ts';
import { caseRelationsOf } from './case-permissions.ts';
import { CASE_ACTIONS, type CaseAction, type CaseRecord, type CaseState } from './case-record.ts';

export type { CaseEnv } from './case-env.ts';

/**
 * The 随手拍 case workflow as a transition table (DESIGN.md §5):
 *
 *   submitted ─accept→ accepted ─dispatch→ dispatched ─signFor→ inProgress ─submitRectification→ rectified
 *   submitted ─reject→ rejected;  submitted ─markDuplicate→ duplicate;  dispatched ─returnToDispatcher→ accepted
 *   inProgress ─requestExtension / approveExtension / rejectExtension→ inProgress (deadline moves on approval)
 *   rectified ─headSignOff→ awaitingVerification ─verify→ closed ─rate→ closed | reopened ─dispatch→ dispatched
 *   awaitingVerification ─sendBackForRework→ inProgress (reworkCount + 1)
 *   accepted | dispatched | inProgress | reopened ─suspend→ suspended ─resume→ the state it left
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseAction, TransitionRule<CaseState, CaseRecord, CaseEnv>>> =
  {
    ...INTAKE_TRANSITIONS,
    ...HANDLING_TRANSITIONS,
  };

export const CASE_MACHINE: WorkflowMachine<CaseState, CaseAction, CaseRecord, CaseEnv> = {
  subject: 'case',
  transitions: CASE_TRANSITIONS,
  relationsOf: caseRelationsOf,
};

/** Applies one action to a case; see `applyTransition` for the order of checks and the errors. */
export const applyCaseTransition = (
  record: CaseRecord,
  request: TransitionRequest,
  env: CaseEnv,
): TransitionResult<CaseState, CaseAction, CaseRecord> => applyTransition(CASE_MACHINE, record, request, env);

/** The actions this principal could take on this case now (for buttons in the client). */
export const allowedCaseActions = (principal: Principal, record: CaseRecord): CaseAction[] => {
  const relations = caseRelationsOf(principal, record);
  return CASE_ACTIONS.filter((action) => {
    const rule = CASE_TRANSITIONS[action];
    return rule.from.includes(record.state) && isPermitted(rule, principal, relations);
  });
};
