import { hasAnyRole, type Principal, type Role } from '../roles.ts';
import type { Relation } from '../workflow/permissions.ts';
import type { CaseRecord } from './case-record.ts';

/** Roles that act on every case: People's Congress staff and administrators. */
export const CASE_OVERSEERS: readonly Role[] = ['supervisor', 'admin'];
/** Roles that act for a department, on the cases assigned to it. */
export const DEPARTMENT_STAFF: readonly Role[] = ['handler', 'head'];

/** How the principal stands to this case. `any` is always present: it is the "no relation needed" rule. */
export const caseRelationsOf = (principal: Principal, record: CaseRecord): ReadonlySet<Relation> => {
  const relations = new Set<Relation>(['any']);
  if (principal.userId === record.reporterId) relations.add('reporter');
  const department = principal.departmentId;
  if (department !== undefined && department === record.leadDepartmentId) relations.add('leadDepartment');
  if (department !== undefined && record.coDepartmentIds.includes(department)) relations.add('coDepartment');
  return relations;
};

/**
 * Who may see a case: its reporter; any deputy when the case is public; handlers and heads of its lead
 * or co-departments; supervisors and admins. Everyone else is told it does not exist (the API answers
 * 404, so case ids cannot be probed).
 */
export const canViewCase = (principal: Principal, record: CaseRecord): boolean => {
  if (hasAnyRole(principal, CASE_OVERSEERS)) return true;
  const relations = caseRelationsOf(principal, record);
  if (relations.has('reporter')) return true;
  if (record.isPublic && hasAnyRole(principal, ['deputy'])) return true;
  const assigned = relations.has('leadDepartment') || relations.has('coDepartment');
  return assigned && hasAnyRole(principal, DEPARTMENT_STAFF);
};
