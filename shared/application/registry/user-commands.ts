import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { Principal, Role } from '../../domain/roles.ts';
import { planRoleChange } from '../../domain/users/role-change.ts';
import type { IdentityAdmin, ManagedUser } from '../../ports/identity-admin.ts';
import type { UsersContext } from './registry-ports.ts';

const EXTERNAL =
  '用户与角色由外部身份平台管理，请在该平台修改组与部门声明 (roles are kept by the external OIDC provider)';

export const writableDirectory = (ctx: UsersContext): IdentityAdmin => {
  if (ctx.identity === undefined) throw new ConflictError(EXTERNAL);
  return ctx.identity;
};

const rolesOf = (user: ManagedUser) => ({
  roles: user.roles,
  ...(user.departmentId === undefined ? {} : { departmentId: user.departmentId }),
});

/**
 * Replaces a user's roles and department in the identity provider, then records who did it and
 * brings the staff directory entry (notifications) along. The provider is written first: it is
 * what tokens are made from, and an audit entry must not claim a change that did not happen.
 */
export const setUserRoles = async (
  ctx: UsersContext,
  actor: Principal,
  username: string,
  wanted: { roles: Role[]; departmentId?: string | undefined },
): Promise<ManagedUser> => {
  const identity = writableDirectory(ctx);
  const user = await identity.getUser(username);
  if (user === undefined) throw new NotFoundError(`用户不存在 (user ${username} not found)`);
  const departments = (await ctx.registry.listDepartments()).map((d) => d.id);
  const plan = planRoleChange(
    actor,
    user,
    {
      roles: wanted.roles,
      ...(wanted.departmentId === undefined ? {} : { departmentId: wanted.departmentId }),
    },
    departments,
  );
  const changed = await identity.setRoles(user, plan.roles, plan.departmentId);
  await ctx.log.append({
    at: ctx.clock().toISOString(),
    actorId: actor.userId,
    actorName: actor.username,
    username,
    sub: user.sub,
    before: rolesOf(user),
    after: rolesOf(changed),
  });
  const person = await ctx.staff.getPerson(user.sub);
  if (person !== undefined) {
    const { departmentId: _, ...rest } = person;
    await ctx.staff.putPerson({ ...rest, ...rolesOf(changed) });
  }
  return changed;
};
