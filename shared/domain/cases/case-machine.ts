import type { Principal } from '../roles.ts';
import {
  applyTransition,
  openActions,
  type TransitionRequest,
  type TransitionResult,
} from '../workflow/apply-transition.ts';
import type { TransitionRule, WorkflowMachine } from '../workflow/state-machine.ts';
import { CASE_ACTION_LABELS } from './case-action-labels.ts';
import type { CaseEnv } from './case-env.ts';
import { HANDLING_TRANSITIONS } from './case-handling-transitions.ts';
import { INTAKE_TRANSITIONS } from './case-intake-transitions.ts';
import { caseRelationsOf } from './case-permissions.ts';
import {
  CASE_ACTIONS,
  CASE_STATE_LABELS,
  type CaseAction,
  type CaseRecord,
  type CaseState,
} from './case-record.ts';

export type { CaseEnv } from './case-env.ts';

/**
 * The 随手拍 case workflow as a transition table (docs/architecture.md, Domain notes; docs/workflow-rules.md):
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
  subject: { zh: '案件', en: 'case' },
  stateLabels: CASE_STATE_LABELS,
  actionLabels: CASE_ACTION_LABELS,
  transitions: CASE_TRANSITIONS,
  relationsOf: caseRelationsOf,
};

/** Applies one action to a case; see `applyTransition` for the order of checks and the errors. */
export const applyCaseTransition = (
  record: CaseRecord,
  request: TransitionRequest,
  env: CaseEnv,
): TransitionResult<CaseState, CaseAction, CaseRecord> => applyTransition(CASE_MACHINE, record, request, env);

/** The actions this principal can take on this case now (for buttons in the client). */
export const allowedCaseActions = (
  principal: Principal,
  record: CaseRecord,
  context: { at: Date; env: CaseEnv },
): CaseAction[] => openActions(CASE_MACHINE, CASE_ACTIONS, principal, record, context);
