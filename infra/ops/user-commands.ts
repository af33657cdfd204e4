/**
 * What `npm run users` asks Cognito to do, as plain data: the CLI (users.ts) sends it, the tests read it.
 * Roles are the pool's groups; handlers and heads need the department their cases are routed to.
 */
import type {
  AdminAddUserToGroupCommandInput,
  AdminCreateUserCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { ENTERPRISE_GROUP, isRole, ROLES, type Role } from '../../shared/domain/roles.ts';
import type { DirectoryPerson } from '../../shared/ports/user-directory.ts';

export interface AddUserRequest {
  userPoolId: string;
  username: string;
  email: string;
  groups: string[];
  department?: string;
  /** Enterprise accounts (group `enterprise`): the enterprise whose data they import. */
  enterprise?: string;
  name?: string;
  /** Otherwise Cognito makes one and mails it with the invitation. */
  temporaryPassword?: string;
}

export class UserCommandError extends Error {
  override name = 'UserCommandError';
}

const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;
const DEPARTMENT_ROLES: readonly Role[] = ['handler', 'head'];

/** The create call and one group call per role; refuses what the platform could not use. */
export const planAddUser = (
  request: AddUserRequest,
): { create: AdminCreateUserCommandInput; groups: AdminAddUserToGroupCommandInput[] } => {
  if (!USERNAME.test(request.username)) throw new UserCommandError(`invalid username "${request.username}"`);
  if (!/^[^@\s]+@[^@\s]+$/.test(request.email))
    throw new UserCommandError(`invalid email "${request.email}"`);
  const unknown = request.groups.filter((group) => !isRole(group) && group !== ENTERPRISE_GROUP);
  if (request.groups.length === 0 || unknown.length > 0) {
    throw new UserCommandError(
      `--group takes one or more of ${[...ROLES, ENTERPRISE_GROUP].join(', ')}${unknown.length > 0 ? `, not ${unknown.join(', ')}` : ''}`,
    );
  }
  if (request.groups.includes(ENTERPRISE_GROUP) !== (request.enterprise !== undefined)) {
    throw new UserCommandError(
      'an enterprise account takes --group enterprise with --enterprise <enterprise id>, e.g. ENT-0001, and only it',
    );
  }
  const needsDepartment = request.groups.some((group) => DEPARTMENT_ROLES.includes(group as Role));
  if (needsDepartment && request.department === undefined) {
    throw new UserCommandError('handlers and heads need --department <department id>, e.g. dept-ecology');
  }
  const attributes = [
    { Name: 'email', Value: request.email },
    // Administrators enter addresses they know; an unverified one could not receive a password reset.
    { Name: 'email_verified', Value: 'true' },
    ...(request.name === undefined ? [] : [{ Name: 'name', Value: request.name }]),
    ...(request.department === undefined ? [] : [{ Name: 'custom:department', Value: request.department }]),
    ...(request.enterprise === undefined ? [] : [{ Name: 'custom:enterprise', Value: request.enterprise }]),
  ];
  return {
    create: {
      UserPoolId: request.userPoolId,
      Username: request.username,
      UserAttributes: attributes,
      DesiredDeliveryMediums: ['EMAIL'],
      ...(request.temporaryPassword === undefined ? {} : { TemporaryPassword: request.temporaryPassword }),
    },
    groups: request.groups.map((group) => ({
      UserPoolId: request.userPoolId,
      Username: request.username,
      GroupName: group,
    })),
  };
};

/**
 * The staff directory entry of a new account (shared/ports/user-directory.ts): who is told what is
 * read from it — roles, department, address, phone (E.164) — keyed by the account's `sub`.
 */
export const planDirectoryEntry = (
  request: Pick<AddUserRequest, 'username' | 'email' | 'groups' | 'department' | 'name'> & { phone?: string },
  sub: string | undefined,
): DirectoryPerson => {
  if (sub === undefined || sub === '') throw new UserCommandError('the identity provider returned no sub');
  if (request.phone !== undefined && !/^\+[1-9]\d{6,14}$/.test(request.phone)) {
    throw new UserCommandError(`--phone must be E.164, e.g. +8613800000000, not "${request.phone}"`);
  }
  return {
    id: sub,
    name: request.name ?? request.username,
    roles: request.groups.filter(isRole),
    ...(request.department === undefined ? {} : { departmentId: request.department }),
    email: request.email,
    ...(request.phone === undefined ? {} : { phone: request.phone }),
    status: 'active',
  };
};

export interface ListedUser {
  username: string;
  status: string;
  enabled: boolean;
  email: string;
  department: string;
  groups: string[];
}

/** Users of several groups, merged by username (a user in two groups is listed once). */
export const mergeGroupMembers = (
  members: {
    group: string;
    users: {
      Username?: string;
      UserStatus?: string;
      Enabled?: boolean;
      Attributes?: { Name?: string; Value?: string }[];
    }[];
  }[],
): ListedUser[] => {
  const byName = new Map<string, ListedUser>();
  for (const { group, users } of members) {
    for (const user of users) {
      const username = user.Username ?? '';
      const attribute = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value ?? '';
      const listed = byName.get(username) ?? {
        username,
        status: user.UserStatus ?? '',
        enabled: user.Enabled ?? false,
        email: attribute('email'),
        department: attribute('custom:department'),
        groups: [],
      };
      listed.groups.push(group);
      byName.set(username, listed);
    }
  }
  return [...byName.values()].sort((a, b) => a.username.localeCompare(b.username));
};
