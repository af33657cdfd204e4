import type { Principal, Role } from '../roles.ts';

/**
 * Who may see enterprise, facility and meter data: administrators (who also write it) and People's
 * Congress supervisors. Deputies, handlers and heads get 403 on these routes: enterprise energy data
 * is commercially sensitive and their work (cases, suggestions) does not need it. Factors and
 * departments stay readable by every signed-in user.
 */
export const REGISTRY_READERS: readonly Role[] = ['admin', 'supervisor'];
export const REGISTRY_WRITERS: readonly Role[] = ['admin'];

export const canReadRegistry = (principal: Principal): boolean =>
  principal.roles.some((role) => REGISTRY_READERS.includes(role));
