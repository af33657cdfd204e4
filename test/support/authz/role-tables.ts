/**
 * Tables of routes decided by role alone, the same for every target: one line per target, so a
 * route's table reads as a rule. The outcomes are in PRINCIPALS order (matrix.ts, HEADER).
 */
const table = (line: string) => (target: string) =>
  `target anon depA depB hnd1 hed1 hnd2 hed2 sup adm\n${target} ${line}`;

/** Every signed-in user. */
export const signedIn = table('401 ok  ok  ok  ok  ok  ok  ok  ok');
/** Supervisors and admins (enterprise and carbon data, budgets, alerts). */
export const overseers = table('401 403 403 403 403 403 403 ok  ok');
/** Admins alone (registry writes, audit, device credentials, quarantine). */
export const adminOnly = table('401 403 403 403 403 403 403 403 ok');
