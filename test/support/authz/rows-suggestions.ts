import { type Fixtures, fixture, type MatrixTable } from './matrix.ts';
import { DEPT1 } from './principals.ts';

/**
 * Reading suggestions (suggestion-permissions.ts `canViewSuggestion`, docs/workflow-rules.md): the
 * signatories (filer and co-signers), handlers and heads of the units it is assigned to (lead or
 * co-handling), supervisors and admins; to anyone else it does not exist (404). The list shows
 * exactly what the caller may read. Only deputies file. Statistics: a head reads their own unit's
 * (asking for another unit is 403), supervisors and admins any unit or all.
 *
 * A suggestion assigned separately (`split`) is assigned to no unit itself: its parts are. The
 * parts' units read their part and, through it, the filing's files (docs/media-access.md), not the
 * parent record — `canViewSuggestion` names the units the suggestion is assigned to, and the unit
 * lists carry the parts only. (media-access.md's summary of the suggestion read rule mentions "any
 * of its parts"; it describes which files a unit reads, see docs/authorization-matrix.md.)
 */
const suggestionId = (target: string, fx: Fixtures) =>
  target === 'missing' ? 'no-such-suggestion' : fixture(fx, `sug.${target}`);

const READ = `
  target      anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
  assigned    401  ok   ok   ok   ok   ok   ok   ok   ok
  lead1       401  404  ok   ok   ok   404  404  ok   ok
  unassigned  401  ok   404  404  404  404  404  ok   ok
  handedBack  401  ok   404  404  404  ok   ok   ok   ok
  split       401  ok   404  404  404  404  404  ok   ok
  splitPart1  401  ok   404  ok   ok   404  404  ok   ok
  missing     401  404  404  404  404  404  404  404  404
`;

export const SUGGESTION_ROWS: MatrixTable = {
  'POST /suggestions': {
    request: () => ({
      path: '/suggestions',
      body: { title: '关于增设监测点的建议', body: '建议增设空气监测点。', category: 'ecology' },
    }),
    expect: `
      target  anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      -       401  ok   ok   403  403  403  403  403  403
    `,
  },
  'GET /suggestions': {
    // `unit1:` asks for department 1's list: department 2 must still get only its own.
    request: (target) => ({
      path: `/suggestions?limit=50${target.startsWith('unit1:') ? `&unit=${DEPT1}` : ''}`,
    }),
    listed: { itemId: (target, fx) => fixture(fx, `sug.${target.split(':').at(-1)}`) },
    expect: `
      target       anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      assigned     401  in   in   in   in   in   in   in   in
      lead1        401  out  in   in   in   out  out  in   in
      unassigned   401  in   out  out  out  out  out  in   in
      handedBack   401  in   out  out  out  in   in   in   in
      split        401  in   out  out  out  out  out  in   in
      splitPart1   401  in   out  in   in   out  out  in   in
      unit1:lead1  401  out  in   in   in   out  out  in   in
    `,
  },
  'GET /suggestions/statistics': {
    request: (target) => ({
      path: `/suggestions/statistics?from=2026-01-01&to=2026-12-31${target === 'unit1' ? '&unit=dept-ecology' : ''}`,
    }),
    expect: `
      target   anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      ownUnit  401  403  403  403  ok   403  ok   ok   ok
      unit1    401  403  403  403  ok   403  403  ok   ok
    `,
  },
  'GET /suggestions/{id}': {
    request: (target, fx) => ({ path: `/suggestions/${suggestionId(target, fx)}` }),
    expect: READ,
  },
  'GET /suggestions/{id}/timeline': {
    request: (target, fx) => ({ path: `/suggestions/${suggestionId(target, fx)}/timeline` }),
    expect: READ,
  },
};
