import type { Principal, Role } from '../roles.ts';

/**
 * Audit of registry writes: who changed what, when. Entries are append-only and stored beside the
 * object they describe, in the same transaction as the change, so a change without its entry (or
 * an entry without its change) cannot exist.
 */

export const AUDIT_ACTIONS = [
  'enterprise.created',
  'enterprise.updated',
  'facility.created',
  'facility.updated',
  'meter.created',
  'meter.updated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditChange {
  field: string;
  /** Absent when the field was not set before (creation) … */
  before?: unknown;
  /** … or is removed by the change. */
  after?: unknown;
}

export interface AuditEntry {
  at: string;
  actorId: string;
  actorName: string;
  roles: Role[];
  action: AuditAction;
  /** The object the change is about (a facility's creation is recorded under its enterprise). */
  subjectType: 'enterprise' | 'facility' | 'meter';
  subjectId: string;
  /** The object's version after the change. */
  version: number;
  changes: AuditChange[];
}

/** Bookkeeping fields every write touches; listing them would only add noise. */
const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two versions of a record, with both values; sorted by name. */
export const changedFields = (
  before: Readonly<Record<string, unknown>> | undefined,
  after: Readonly<Record<string, unknown>>,
): AuditChange[] => {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...names]
    .filter((name) => !BOOKKEEPING.has(name) && !same(before?.[name], after[name]))
    .sort()
    .map((field) => ({
      field,
      ...(before?.[field] === undefined ? {} : { before: before[field] }),
      ...(after[field] === undefined ? {} : { after: after[field] }),
    }));
};

export const auditEntry = (
  principal: Principal,
  at: Date,
  action: AuditAction,
  subject: { type: AuditEntry['subjectType']; id: string; version: number },
  changes: AuditChange[],
): AuditEntry => ({
  at: at.toISOString(),
  actorId: principal.userId,
  actorName: principal.username,
  roles: [...principal.roles],
  action,
  subjectType: subject.type,
  subjectId: subject.id,
  version: subject.version,
  changes,
});
