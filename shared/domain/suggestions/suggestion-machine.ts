import type { Principal } from '../roles.ts';
import {
  applyTransition,
  openActions,
  type TransitionRequest,
  type TransitionResult,
} from '../workflow/apply-transition.ts';
import type { TransitionRule, WorkflowMachine } from '../workflow/state-machine.ts';
import { SUGGESTION_ACTION_LABELS } from './suggestion-action-labels.ts';
import type { SuggestionEnv } from './suggestion-env.ts';
import { SUGGESTION_HANDLING_TRANSITIONS } from './suggestion-handling-transitions.ts';
import { SUGGESTION_INTAKE_TRANSITIONS } from './suggestion-intake-transitions.ts';
import { suggestionRelationsOf } from './suggestion-permissions.ts';
import { SUGGESTION_ACTIONS, type SuggestionAction, type SuggestionRecord } from './suggestion-record.ts';
import { SUGGESTION_STATE_LABELS, type SuggestionState } from './suggestion-vocabulary.ts';

export type { SuggestionEnv } from './suggestion-env.ts';

/**
 * The deputies' suggestion workflow as a transition table, on the same engine as cases:
 *
 *   submitted ─accept→ accepted ─assign→ assigned ─reply (lead unit head)→ replied ─rate→ …
 *   submitted | accepted ─convert→ converted
 *   accepted ─assignSeparately→ split, creating parts {id}.1 … {id}.n in `assigned` (suggestion-split.ts)
 *   assigned ─requestHandBack (lead unit, ≤ 7 working days)→ assigned ─approveHandBack→ accepted (reassign)
 *                                                             assigned ─rejectHandBack→ assigned
 *   assigned ─requestExtension / approveExtension (≤ assignment + 6 months) / rejectExtension→ assigned
 *   assigned | rehandling ─submitCoOpinion (co-unit)→ same state
 *   replied ─rate→ replied (others still to rate) | rehandling (unsatisfied; reply due + 1 month)
 *                | followingUp (all rated, B-class) | closed (all rated, A/C/D)
 *   rehandling ─reply→ replied;  followingUp ─followUp→ followingUp ─markSolved→ closed
 *   any open state after submission ─setKeySupervision→ same state
 */
export const SUGGESTION_TRANSITIONS: Readonly<
  Record<SuggestionAction, TransitionRule<SuggestionState, SuggestionRecord, SuggestionEnv>>
> = {
  ...SUGGESTION_INTAKE_TRANSITIONS,
  ...SUGGESTION_HANDLING_TRANSITIONS,
};

export const SUGGESTION_MACHINE: WorkflowMachine<
  SuggestionState,
  SuggestionAction,
  SuggestionRecord,
  SuggestionEnv
> = {
  subject: { zh: '代表建议', en: 'suggestion' },
  stateLabels: SUGGESTION_STATE_LABELS,
  actionLabels: SUGGESTION_ACTION_LABELS,
  transitions: SUGGESTION_TRANSITIONS,
  relationsOf: suggestionRelationsOf,
};

/** Applies one action to a suggestion; see `applyTransition` for the order of checks and the errors. */
export const applySuggestionTransition = (
  record: SuggestionRecord,
  request: TransitionRequest,
  env: SuggestionEnv,
): TransitionResult<SuggestionState, SuggestionAction, SuggestionRecord> =>
  applyTransition(SUGGESTION_MACHINE, record, request, env);

/** The actions this principal can take on this suggestion now (for buttons in the client). */
export const allowedSuggestionActions = (
  principal: Principal,
  record: SuggestionRecord,
  context: { at: Date; env: SuggestionEnv },
): SuggestionAction[] => openActions(SUGGESTION_MACHINE, SUGGESTION_ACTIONS, principal, record, context);
