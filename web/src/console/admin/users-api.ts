import { useMemo } from 'react';
import type * as Users from '../../../../shared/contracts/users.ts';
import { enc, type HttpClient } from '../../shared/api.ts';
import type { BodyOf, ResponseOf } from '../../shared/api-types.ts';
import { useConsole } from '../context.tsx';

export type UserList = ResponseOf<typeof Users.listUsersRoute>;
export type ManagedUser = UserList['users'][number];
export type RoleChange = ResponseOf<typeof Users.listRoleChangesRoute>['items'][number];
export type UserRoles = BodyOf<typeof Users.setUserRolesRoute>;

/** The user-role routes (admin): the identity provider's users, changing roles, the record of changes. */
export const usersApi = (http: HttpClient) => ({
  users: () => http.request<UserList>('GET', '/users'),
  setRoles: (username: string, body: UserRoles) =>
    http.request<ManagedUser>('PUT', `/users/${enc(username)}/roles`, { body }),
  changes: () =>
    http.request<{ items: RoleChange[] }>('GET', '/users/role-changes', { query: { limit: 20 } }),
});

export const useUsersApi = () => {
  const { http } = useConsole();
  return useMemo(() => usersApi(http), [http]);
};
