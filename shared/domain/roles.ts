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
  /** The person's display name (the token's standard `name` claim), when the identity provider sets one. */
  displayName?: string;
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const hasAnyRole = (principal: Principal, allowed: readonly Role[]): boolean =>
  principal.roles.some((role) => allowed.includes(role));
