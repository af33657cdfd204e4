import type { z } from 'zod';
import { ConflictError, type FieldError, ForbiddenError, ValidationError } from '../errors.ts';
import type { Principal } from '../roles.ts';
import { findActingRole } from './permissions.ts';
import type { WorkflowMachine, WorkflowRecord } from './state-machine.ts';
import type { TimelineEntry } from './timeline.ts';

export interface TransitionRequest {
  /** Taken from the request, so it may name no action at all. */
  action: string;
  principal: Principal;
  payload?: unknown;
  /** From the injected clock. */
  at: Date;
}

export interface TransitionResult<S extends string, A extends string, R> {
  record: R;
  entry: TimelineEntry<S, A>;
}

/**
 * Applies one action to a record and returns the new record (version + 1) and its timeline entry.
 * Checks run in this order, and the first failure is thrown:
 * 1. unknown action → ValidationError; 2. action not allowed from the current state → ConflictError;
 * 3. role or relation missing → ForbiddenError; 4. payload invalid → ValidationError with field
 * errors; 5. the action's own guard (e.g. "extension already pending") → whatever it returns.
 * The record is not mutated. Storing it with a version condition is the caller's job.
 */
export const applyTransition = <S extends string, A extends string, R extends WorkflowRecord<S>, E>(
  machine: WorkflowMachine<S, A, R, E>,
  record: R,
  request: TransitionRequest,
  env: E,
): TransitionResult<S, A, R> => {
  const action = requireKnownAction(machine, request.action);
  const rule = machine.transitions[action];
  if (!rule.from.includes(record.state)) {
    throw new ConflictError(`cannot ${action} a ${machine.subject} in state ${record.state}`);
  }
  const actorRole = findActingRole(rule, request.principal, machine.relationsOf(request.principal, record));
  if (!actorRole) {
    throw new ForbiddenError(`${action} on this ${machine.subject} is not permitted for this user`);
  }
  const { principal, payload, at } = request;
  const resolution = rule.resolve({ record, payload, principal, at, env });
  if (resolution.kind === 'invalidPayload') {
    throw new ValidationError(`invalid payload for ${action}`, toFieldErrors(resolution.error));
  }
  if (resolution.kind === 'refused') throw resolution.error;
  const { to, effect } = resolution;
  const version = record.version + 1;
  const next = withoutUndefined({ ...record, ...effect.changes, state: to, version });
  const entry: TimelineEntry<S, A> = {
    seq: version,
    at: at.toISOString(),
    actorId: principal.userId,
    actorRole,
    action,
    from: record.state,
    to,
    ...(effect.note ? { note: effect.note } : {}),
    mediaIds: effect.mediaIds ?? [],
    details: effect.details ?? {},
  };
  return { record: next, entry };
};

const requireKnownAction = <S extends string, A extends string, R extends WorkflowRecord<S>, E>(
  machine: WorkflowMachine<S, A, R, E>,
  action: string,
): A => {
  if (!Object.hasOwn(machine.transitions, action)) {
    const known = Object.keys(machine.transitions).join(', ');
    throw new ValidationError(`unknown action ${action}`, [
      { path: '/action', message: `expected one of ${known}` },
    ]);
  }
  return action as A;
};

export const toFieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({ path: `/${issue.path.map(String).join('/')}`, message: issue.message }));

/** Drops keys set to undefined, so "clear this field" really removes it from the stored item. */
const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
