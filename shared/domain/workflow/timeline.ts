import type { Role } from '../roles.ts';

/** Steps no person took — a scheduled escalation — are recorded under this role, never a human one. */
export const SYSTEM_ACTOR_ROLE = 'system' as const;
export type ActorRole = Role | typeof SYSTEM_ACTOR_ROLE;

/**
 * One step of a workflow's append-only audit timeline (docs/architecture.md, Domain notes). Entries are never edited or
 * deleted; indicators and reports are computed by replaying them.
 */
export interface TimelineEntry<S extends string = string, A extends string = string> {
  /** 1, 2, 3 … per record; equal to the record version the step produced (see applyTransition). */
  seq: number;
  /** UTC ISO-8601 instant. */
  at: string;
  actorId: string;
  /** The role under which the actor was allowed to act (`system` for scheduled jobs). */
  actorRole: ActorRole;
  action: A;
  /** `null` for the entry that created the record. */
  from: S | null;
  to: S;
  note?: string;
  mediaIds: string[];
  /** Action-specific facts worth keeping for audit and indicators (e.g. department, deadline). */
  details: Record<string, unknown>;
}
