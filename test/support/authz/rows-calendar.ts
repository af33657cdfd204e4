import type { MatrixTable } from './matrix.ts';
import { adminOnly, signedIn } from './role-tables.ts';

/**
 * The working calendar (docs/working-calendar.md): public information, read by every signed-in
 * user; only admins load a year. The load is probed with a document the contract refuses (400):
 * identity, role, then input are checked in that order, so a 400 is reached only past the role
 * check, and nothing is written.
 */
export const CALENDAR_ROWS: MatrixTable = {
  'GET /calendar/years': {
    request: () => ({ path: '/calendar/years' }),
    expect: signedIn('-'),
  },
  'GET /calendar/years/{year}': {
    request: () => ({ path: '/calendar/years/2026' }),
    expect: signedIn('-'),
  },
  'PUT /calendar/years/{year}': {
    allowed: [400],
    request: () => ({ path: '/calendar/years/2026', body: { year: 'not a year' } }),
    expect: adminOnly('badDocument'),
  },
};
