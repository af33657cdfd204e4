import type { Principal, Role } from '../roles.ts';

/**
 * How a principal stands to a record. Roles say what someone may do in general; relations say
 * whether this particular record is theirs to act on (docs/architecture.md, Roles and object checks).
 */
export const RELATIONS = ['reporter', 'leadDepartment', 'coDepartment', 'any'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface PermissionRule {
  roles: readonly Role[];
  /** `any`: the role alone suffices (e.g. supervisors act on every case). */
  relation: Relation;
}

/**
 * The role under which the principal may act, or undefined when refused. Someone with several roles
 * acts under the first of their roles the rule accepts.
 */
export const findActingRole = (
  rule: PermissionRule,
  principal: Principal,
  relations: ReadonlySet<Relation>,
): Role | undefined => {
  if (rule.relation !== 'any' && !relations.has(rule.relation)) return undefined;
  return principal.roles.find((role) => rule.roles.includes(role));
};

export const isPermitted = (
  rule: PermissionRule,
  principal: Principal,
  relations: ReadonlySet<Relation>,
): boolean => findActingRole(rule, principal, relations) !== undefined;
