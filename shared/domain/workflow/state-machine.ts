import type * as z from 'zod';
import type { DomainError } from '../errors.ts';
import type { Principal } from '../roles.ts';
import type { PermissionRule, Relation } from './permissions.ts';

/**
 * A workflow as data: for each action, where it may start, where it goes, who may take it, what
 * payload it needs, and what it changes. Cases and suggestions both describe themselves this way and
 * share `applyTransition`.
 */

/** What every workflow record carries: an identity, a state and an optimistic-concurrency version. */
export interface WorkflowRecord<S extends string> {
  id: string;
  state: S;
  version: number;
}

export interface TransitionContext<R, P, E> {
  record: R;
  payload: P;
  principal: Principal;
  at: Date;
  /** Whatever the workflow needs beyond the record (calendar, category table …), passed in. */
  env: E;
}

/** What a precondition sees: everything but the payload. */
export type PreconditionContext<R, E> = Omit<TransitionContext<R, unknown, E>, 'payload'>;

export interface TransitionEffect<R> {
  /** Fields to set; a field set to `undefined` is removed from the record. */
  changes: Partial<R>;
  note?: string;
  mediaIds?: string[];
  details?: Record<string, unknown>;
}

/** One action as its author writes it, typed by its payload schema. */
export interface TransitionSpec<S extends string, R, P, E> extends PermissionRule {
  from: readonly S[];
  to: S | ((context: TransitionContext<R, P, E>) => S);
  /**
   * The payload's schema, asked for only when the action is applied: the tables are built at load,
   * and a function that never applies an action (a list, a job) should build none of its schemas.
   */
  payload: () => z.ZodType<P>;
  /**
   * A check of the record alone, beyond the from-state (e.g. "already rated", "no extension
   * pending"): it decides whether the action is open at all, so `allowedActions` leaves out an
   * action it refuses. Return the error to throw.
   */
  precondition?: (context: PreconditionContext<R, E>) => DomainError | undefined;
  /** A check that needs the payload (e.g. a requested date); return the error to throw. */
  guard?: (context: TransitionContext<R, P, E>) => DomainError | undefined;
  effect: (context: TransitionContext<R, P, E>) => TransitionEffect<R>;
}

export type Resolution<S extends string, R> =
  | { kind: 'invalidPayload'; error: z.ZodError }
  | { kind: 'refused'; error: DomainError }
  | { kind: 'ready'; to: S; effect: TransitionEffect<R> };

/** The same action with its payload type erased, so one table can hold actions of different payloads. */
export interface TransitionRule<S extends string, R, E> extends PermissionRule {
  from: readonly S[];
  /** The spec's precondition, or one that never refuses. */
  precondition: (context: PreconditionContext<R, E>) => DomainError | undefined;
  /** Parses the raw payload, then runs guard, target and effect with the typed payload. */
  resolve: (context: TransitionContext<R, unknown, E>) => Resolution<S, R>;
}

export interface WorkflowMachine<S extends string, A extends string, R extends WorkflowRecord<S>, E> {
  /** Used in messages: "cannot verify a case in state submitted" / 案件. */
  subject: { zh: string; en: string };
  /** What people read for each state and action (zh-CN). */
  stateLabels: Readonly<Record<S, { zh: string }>>;
  actionLabels: Readonly<Record<A, { zh: string }>>;
  transitions: Readonly<Record<A, TransitionRule<S, R, E>>>;
  relationsOf: (principal: Principal, record: R) => ReadonlySet<Relation>;
}

/**
 * Returns a `transition` helper bound to one workflow's state, record and environment types, so each
 * action's payload type is inferred from its zod schema.
 */
export const transitionBuilder =
  <S extends string, R, E>() =>
  <P>(spec: TransitionSpec<S, R, P, E>): TransitionRule<S, R, E> => ({
    from: spec.from,
    roles: spec.roles,
    relation: spec.relation,
    precondition: (context) => spec.precondition?.(context),
    resolve: (raw) => {
      const parsed = spec.payload().safeParse(raw.payload ?? {});
      if (!parsed.success) return { kind: 'invalidPayload', error: parsed.error };
      const context: TransitionContext<R, P, E> = { ...raw, payload: parsed.data };
      const refusal = spec.guard?.(context);
      if (refusal) return { kind: 'refused', error: refusal };
      const to = typeof spec.to === 'function' ? spec.to(context) : spec.to;
      return { kind: 'ready', to, effect: spec.effect(context) };
    },
  });
