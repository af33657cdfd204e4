/** The groups a token may carry (Cognito `cognito:groups`); see docs/architecture.md, Roles and object checks. */
export const ROLES = ['deputy', 'handler', 'head', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: derived from a verified token, never from the request body. */
export interface Principal {
  userId: string;
  username: string;
  roles: Role[];
  /** The department a handler or head belongs to (custom claim). */
  departmentId?: string;
  /**
   * An enterprise account: the enterprise its token names (group `enterprise` and the enterprise
   * claim). It holds none of ROLES, so every route is closed to it but those that say
   * `enterpriseAccounts` (importing its own data: docs/imports.md, "Who may import").
   */
  enterpriseId?: string;
  /** The person's display name (the token's standard `name` claim), when the identity provider sets one. */
  displayName?: string;
}

/** The group of enterprise accounts: not a role of ROLES (routes open to every role stay closed to it). */
export const ENTERPRISE_GROUP = 'enterprise';

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const hasAnyRole = (principal: Principal, allowed: readonly Role[]): boolean =>
  principal.roles.some((role) => allowed.includes(role));
