import type { Role } from '../../../shared/domain/roles.ts';
import type { Session } from './auth.ts';

/**
 * Which shell serves whom: the deputies' app for deputies, the console for everyone on staff. A
 * shell's routes may narrow this further (role-based routes); the API checks every request anyway.
 */
export const SHELL_ROLES: Readonly<Record<'app' | 'console', readonly Role[]>> = {
  app: ['deputy'],
  console: ['handler', 'head', 'supervisor', 'admin'],
};

export const mayUse = (session: Pick<Session, 'roles'>, roles: readonly Role[]): boolean =>
  session.roles.some((role) => (roles as readonly string[]).includes(role));
