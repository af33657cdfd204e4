import type * as z from 'zod';
import { ConflictError, type FieldError, ForbiddenError, ValidationError } from '../errors.ts';
import type { Principal } from '../roles.ts';
import { findActingRole, isPermitted } from './permissions.ts';
import type { WorkflowMachine, WorkflowRecord } from './state-machine.ts';
import type { TimelineEntry } from './timeline.ts';

export interface TransitionRequest {
  /** Taken from the request, so it may name no action at all. */
  action: string;
  principal: Principal;
  payload?: unknown;
  /** From the injected clock. */
  at: Date;
  /** The version the caller read (body `version` or If-Match); absent: no expectation. */
  expectedVersion?: number;
}

export interface TransitionResult<S extends string, A extends string, R> {
  record: R;
  entry: TimelineEntry<S, A>;
}

/**
 * Applies one action to a record and returns the new record (version + 1) and its timeline entry.
 * Checks run in this order, and the first failure is thrown — who may act is answered before
 * whether the record is ready for it, so a refusal never hints at the record's state:
 * 1. unknown action → ValidationError; 2. role or relation missing (this principal may never take
 * this action on this record) → ForbiddenError; 3. the caller read another version → ConflictError;
 * 4. action not allowed from the current state → ConflictError; 5. the action's precondition on the
 * record (e.g. "already rated") → its error; 6. payload invalid → ValidationError with field errors;
 * 7. the action's guard on the payload (e.g. a requested date) → its error.
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
  const { principal, payload, at } = request;
  const actorRole = findActingRole(rule, principal, machine.relationsOf(principal, record));
  if (!actorRole) throw new ForbiddenError(refusals.forbidden(machine, action));
  if (request.expectedVersion !== undefined && request.expectedVersion !== record.version) {
    throw new ConflictError(refusals.staleVersion(machine, record.version, request.expectedVersion));
  }
  if (!rule.from.includes(record.state))
    throw new ConflictError(refusals.wrongState(machine, action, record));
  const unavailable = rule.precondition({ record, principal, at, env });
  if (unavailable) throw unavailable;
  const resolution = rule.resolve({ record, payload, principal, at, env });
  if (resolution.kind === 'invalidPayload') {
    throw new ValidationError(refusals.invalidPayload(machine, action), toFieldErrors(resolution.error));
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

/**
 * The actions this principal can take on this record now: permitted to them, open from the
 * current state and not refused by the action's precondition. Payload checks are left to the
 * request (an action listed here may still be refused for what its payload says).
 */
export const openActions = <S extends string, A extends string, R extends WorkflowRecord<S>, E>(
  machine: WorkflowMachine<S, A, R, E>,
  actions: readonly A[],
  principal: Principal,
  record: R,
  context: { at: Date; env: E },
): A[] => {
  const relations = machine.relationsOf(principal, record);
  return actions.filter((action) => {
    const rule = machine.transitions[action];
    return (
      rule.from.includes(record.state) &&
      isPermitted(rule, principal, relations) &&
      rule.precondition({ record, principal, ...context }) === undefined
    );
  });
};

/** The refusals people read, zh-CN first with the English beside it. */
const refusals = {
  forbidden: (machine: AnyMachine, action: string) =>
    `无权对此${machine.subject.zh}执行${labelOf(machine, action)}操作 (${action} on this ${machine.subject.en} is not permitted for this user)`,
  staleVersion: (machine: AnyMachine, stored: number, expected: number) =>
    `${machine.subject.zh}已被他人更新，请刷新后重试 (${machine.subject.en} is at version ${stored}, not ${expected})`,
  wrongState: (machine: AnyMachine, action: string, record: WorkflowRecord<string>) =>
    `${machine.subject.zh}当前状态为「${machine.stateLabels[record.state]?.zh ?? record.state}」，不能执行${labelOf(machine, action)}操作 (cannot ${action} a ${machine.subject.en} in state ${record.state})`,
  invalidPayload: (machine: AnyMachine, action: string) =>
    `${labelOf(machine, action)}操作的数据无效 (invalid payload for ${action})`,
};

/** What the messages read of a workflow: its labels only. */
interface AnyMachine {
  subject: { zh: string; en: string };
  stateLabels: Readonly<Record<string, { zh: string }>>;
  actionLabels: Readonly<Record<string, { zh: string }>>;
}

const labelOf = (machine: AnyMachine, action: string): string =>
  `「${machine.actionLabels[action]?.zh ?? action}」`;

const requireKnownAction = <S extends string, A extends string, R extends WorkflowRecord<S>, E>(
  machine: WorkflowMachine<S, A, R, E>,
  action: string,
): A => {
  if (!Object.hasOwn(machine.transitions, action)) {
    const known = Object.keys(machine.transitions).join(', ');
    throw new ValidationError(`未知的操作 ${action} (unknown action ${action})`, [
      { path: '/action', message: `应为以下之一 (expected one of): ${known}` },
    ]);
  }
  return action as A;
};

export const toFieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({ path: `/${issue.path.map(String).join('/')}`, message: issue.message }));

/** Drops keys set to undefined, so "clear this field" really removes it from the stored item. */
const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
