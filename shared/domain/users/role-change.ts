import { ConflictError, type FieldError, UnprocessableError } from '../errors.ts';
import { ROLE_LABELS } from '../role-labels.ts';
import type { Principal, Role } from '../roles.ts';

/**
 * Changing a user's roles (the identity provider's groups) and department. Handlers and heads act
 * for one department, so they need one; the district-wide roles carry none. An admin may not change
 * their own roles: a slip would lock the last admin out, and a second admin is the check on it.
 */

export interface UserRoles {
  roles: Role[];
  departmentId?: string;
}

const DEPARTMENT_ROLES: readonly Role[] = ['handler', 'head'];

export const needsDepartment = (roles: readonly Role[]): boolean =>
  roles.some((role) => DEPARTMENT_ROLES.includes(role));

/** The roles as the provider should hold them: sorted, no repeats, a department only where it means something. */
export const planRoleChange = (
  actor: Principal,
  target: { username: string; sub: string },
  wanted: UserRoles,
  departmentIds: readonly string[],
): UserRoles => {
  if (target.sub === actor.userId || target.username === actor.username) {
    throw new ConflictError(
      '不能修改自己的角色，请由另一位管理员操作 (an admin may not change their own roles)',
    );
  }
  const roles = [...new Set(wanted.roles)].sort();
  const errors: FieldError[] = [];
  if (roles.includes('deputy') && roles.length > 1) {
    errors.push({
      path: '/body/roles',
      message: '人大代表账号不能兼任工作人员角色 (a deputy account holds no staff role)',
    });
  }
  if (needsDepartment(roles) && wanted.departmentId === undefined) {
    errors.push({
      path: '/body/departmentId',
      message: `${ROLE_LABELS.handler}与${ROLE_LABELS.head}须指定部门 (handlers and heads need a department)`,
    });
  }
  if (wanted.departmentId !== undefined && !departmentIds.includes(wanted.departmentId)) {
    errors.push({
      path: '/body/departmentId',
      message: `部门不存在 (department ${wanted.departmentId} is not registered)`,
    });
  }
  if (errors.length > 0) throw new UnprocessableError(errors.map((e) => e.message).join('; '), errors);
  return {
    roles,
    ...(needsDepartment(roles) && wanted.departmentId !== undefined
      ? { departmentId: wanted.departmentId }
      : {}),
  };
};
