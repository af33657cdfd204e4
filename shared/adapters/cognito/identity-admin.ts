import {
  AdminAddUserToGroupCommand,
  AdminDeleteUserAttributesCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  paginateListUsers,
  paginateListUsersInGroup,
} from '@aws-sdk/client-cognito-identity-provider';
import { isRole, ROLES, type Role } from '../../domain/roles.ts';
import type { IdentityAdmin, ManagedUser } from '../../ports/identity-admin.ts';

const DEPARTMENT = 'custom:department';

const attribute = (attributes: AttributeType[] | undefined, name: string) =>
  attributes?.find((a) => a.Name === name)?.Value;

const userOf = (
  username: string,
  attributes: AttributeType[] | undefined,
  enabled: boolean | undefined,
  roles: Role[],
): ManagedUser => {
  const departmentId = attribute(attributes, DEPARTMENT);
  const email = attribute(attributes, 'email');
  return {
    username,
    sub: attribute(attributes, 'sub') ?? username,
    roles: [...roles].sort(),
    ...(departmentId ? { departmentId } : {}),
    ...(email ? { email } : {}),
    enabled: enabled !== false,
  };
};

/** A Cognito user pool's users: groups are roles (infra/ops/users.ts creates them the same way). */
export class CognitoIdentityAdmin implements IdentityAdmin {
  readonly kind = 'cognito';
  readonly #client: CognitoIdentityProviderClient;
  readonly #pool: string;

  constructor(client: CognitoIdentityProviderClient, userPoolId: string) {
    this.#client = client;
    this.#pool = userPoolId;
  }

  async listUsers(): Promise<ManagedUser[]> {
    const groups = await this.#groupMembers();
    const users: ManagedUser[] = [];
    for await (const page of paginateListUsers({ client: this.#client }, { UserPoolId: this.#pool })) {
      for (const user of page.Users ?? []) {
        const username = user.Username ?? '';
        users.push(userOf(username, user.Attributes, user.Enabled, groups.get(username) ?? []));
      }
    }
    return users.sort((a, b) => a.username.localeCompare(b.username));
  }

  /** Username → the role groups they are in: one listing per group, not one call per user. */
  async #groupMembers(): Promise<Map<string, Role[]>> {
    const groups = new Map<string, Role[]>();
    for (const role of ROLES) {
      const input = { UserPoolId: this.#pool, GroupName: role };
      for await (const page of paginateListUsersInGroup({ client: this.#client }, input)) {
        for (const user of page.Users ?? []) {
          const name = user.Username ?? '';
          groups.set(name, [...(groups.get(name) ?? []), role]);
        }
      }
    }
    return groups;
  }

  async getUser(username: string): Promise<ManagedUser | undefined> {
    try {
      const user = await this.#client.send(
        new AdminGetUserCommand({ UserPoolId: this.#pool, Username: username }),
      );
      const groups = await this.#client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: this.#pool, Username: username, Limit: 60 }),
      );
      const roles = (groups.Groups ?? []).map((g) => g.GroupName ?? '').filter(isRole);
      return userOf(username, user.UserAttributes, user.Enabled, roles);
    } catch (error) {
      if ((error as Error).name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }

  async setRoles(user: ManagedUser, roles: Role[], departmentId: string | undefined): Promise<ManagedUser> {
    const key = { UserPoolId: this.#pool, Username: user.username };
    for (const role of roles.filter((r) => !user.roles.includes(r)))
      await this.#client.send(new AdminAddUserToGroupCommand({ ...key, GroupName: role }));
    for (const role of user.roles.filter((r) => !roles.includes(r)))
      await this.#client.send(new AdminRemoveUserFromGroupCommand({ ...key, GroupName: role }));
    if (departmentId !== undefined && departmentId !== user.departmentId) {
      await this.#client.send(
        new AdminUpdateUserAttributesCommand({
          ...key,
          UserAttributes: [{ Name: DEPARTMENT, Value: departmentId }],
        }),
      );
    } else if (departmentId === undefined && user.departmentId !== undefined) {
      await this.#client.send(
        new AdminDeleteUserAttributesCommand({ ...key, UserAttributeNames: [DEPARTMENT] }),
      );
    }
    const { departmentId: _, ...rest } = user;
    return { ...rest, roles, ...(departmentId === undefined ? {} : { departmentId }) };
  }
}
