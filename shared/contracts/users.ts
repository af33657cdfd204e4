import * as z from 'zod';
import { ROLES } from '../domain/roles.ts';
import { defineRoute } from './route.ts';

/**
 * Users' roles where the identity provider lets the API write them (Cognito groups, the local
 * issuer's demo users). Admin only; every change is audited. With an external OIDC issuer the
 * directory is `external`: roles are kept there, and a change here answers 409.
 */

const RolesSchema = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

export const ManagedUserSchema = z
  .object({
    username: z.string(),
    sub: z.string(),
    roles: z
      .array(z.enum(ROLES))
      .max(ROLES.length)
      .describe('Empty for an account that holds no role (an enterprise account)'),
    departmentId: z.string().optional(),
    email: z.string().optional(),
    enabled: z.boolean(),
  })
  .meta({ id: 'ManagedUser' });

export const UserListSchema = z
  .object({
    directory: z.enum(['cognito', 'local', 'external']),
    writable: z.boolean(),
    users: z.array(ManagedUserSchema),
  })
  .meta({ id: 'UserList' });

const RolesAndDepartment = z.object({ roles: RolesSchema, departmentId: z.string().optional() });

export const RoleChangeSchema = z
  .object({
    at: z.iso.datetime(),
    actorId: z.string(),
    actorName: z.string(),
    username: z.string(),
    sub: z.string(),
    before: RolesAndDepartment,
    after: RolesAndDepartment,
  })
  .meta({ id: 'RoleChange' });

export const SetUserRolesSchema = z
  .strictObject({
    roles: RolesSchema.describe('The groups the user should hold; others are removed'),
    departmentId: z.string().min(1).max(64).optional().describe('Required for handler and head'),
  })
  .meta({ id: 'SetUserRoles' });

const UsernameParams = z.object({ username: z.string().min(1).max(128) });

export const listUsersRoute = defineRoute({
  id: 'listUsers',
  method: 'GET',
  path: '/users',
  roles: ['admin'],
  summary:
    '用户与角色 Users with their roles and department, where the identity provider lets the API read them',
  tag: 'users',
  response: UserListSchema,
  successStatus: 200,
});

export const setUserRolesRoute = defineRoute({
  id: 'setUserRoles',
  method: 'PUT',
  path: '/users/{username}/roles',
  roles: ['admin'],
  summary: '修改用户角色 Replace a user’s roles (groups) and department; audited; not one’s own',
  tag: 'users',
  params: UsernameParams,
  body: SetUserRolesSchema,
  response: ManagedUserSchema,
  successStatus: 200,
  errorStatuses: [404, 409, 422],
});

export const listRoleChangesRoute = defineRoute({
  id: 'listRoleChanges',
  method: 'GET',
  path: '/users/role-changes',
  roles: ['admin'],
  summary: '角色变更记录 Who changed whose roles, newest first',
  tag: 'users',
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
  response: z.object({ items: z.array(RoleChangeSchema) }).meta({ id: 'RoleChangeList' }),
  successStatus: 200,
});

export const USER_ROUTES = [listUsersRoute, setUserRolesRoute, listRoleChangesRoute] as const;
