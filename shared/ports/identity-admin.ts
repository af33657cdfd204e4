import type { Role } from '../domain/roles.ts';

/** A user as the identity provider holds them: the groups that become roles, the department claim. */
export interface ManagedUser {
  username: string;
  /** The provider's subject: the id the API knows a person by. */
  sub: string;
  roles: Role[];
  departmentId?: string;
  email?: string;
  enabled: boolean;
}

/**
 * The identity provider's user directory, where the API may write it: Cognito's groups and the
 * `custom:department` attribute, or the local issuer's demo users. An external OIDC issuer keeps its
 * users to itself (no adapter: the API says so). A change reaches a person's token at their next
 * sign-in or refresh; tokens already issued keep their roles until they expire.
 */
export interface IdentityAdmin {
  readonly kind: 'cognito' | 'local';
  listUsers(): Promise<ManagedUser[]>;
  getUser(username: string): Promise<ManagedUser | undefined>;
  setRoles(user: ManagedUser, roles: Role[], departmentId: string | undefined): Promise<ManagedUser>;
}

/** Who changed whose roles, from what to what; kept beside the registry's other audit entries. */
export interface RoleChange {
  at: string;
  actorId: string;
  actorName: string;
  username: string;
  sub: string;
  before: { roles: Role[]; departmentId?: string };
  after: { roles: Role[]; departmentId?: string };
}

export interface RoleChangeLog {
  append(change: RoleChange): Promise<void>;
  /** Newest first. */
  recent(limit: number): Promise<RoleChange[]>;
}
