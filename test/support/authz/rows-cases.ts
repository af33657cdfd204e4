import { type Fixtures, fixture, type MatrixTable } from './matrix.ts';
import { DEPT1, DEPT2 } from './principals.ts';

/**
 * Reading cases (docs/architecture.md (Roles and object checks), case-permissions.ts `canViewCase`, docs/media-access.md): a case is
 * read by its reporter, by every deputy when it is public, by handlers and heads of its lead and
 * co-departments, and by supervisors and admins; to anyone else it does not exist (404). Its
 * timeline and comments are read by the same people, and anyone who may read it may comment. The
 * list shows exactly the cases the caller may read. Deputies, supervisors and admins report cases.
 * A department's indicators are read by its own head, supervisors and admins.
 */
const caseId = (target: string, fx: Fixtures) =>
  target === 'missing' ? 'no-such-case' : fixture(fx, `case.${target}`);

const READ = `
  target        anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
  aPrivate      401  ok   404  404  404  404  404  ok   ok
  aPublic       401  ok   ok   404  404  404  404  ok   ok
  bPrivate      401  404  ok   404  404  404  404  ok   ok
  dispatched    401  ok   404  ok   ok   404  404  ok   ok
  dispatchedCo  401  ok   404  ok   ok   ok   ok   ok   ok
  redispatched  401  ok   404  404  404  ok   ok   ok   ok
  missing       401  404  404  404  404  404  404  404  404
`;

export const CASE_ROWS: MatrixTable = {
  'POST /cases': {
    request: () => ({
      path: '/cases',
      body: { categoryId: 'noise', title: '夜间施工噪声', description: '工地夜间施工', isPublic: false },
    }),
    expect: `
      target  anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      -       401  ok   ok   403  403  403  403  ok   ok
    `,
  },
  'GET /cases/{id}': {
    request: (target, fx) => ({ path: `/cases/${caseId(target, fx)}` }),
    expect: READ,
  },
  'GET /cases/{id}/timeline': {
    request: (target, fx) => ({ path: `/cases/${caseId(target, fx)}/timeline` }),
    expect: READ,
  },
  'GET /cases/{id}/comments': {
    request: (target, fx) => ({ path: `/cases/${caseId(target, fx)}/comments` }),
    expect: READ,
  },
  'POST /cases/{id}/comments': {
    request: (target, fx) => ({ path: `/cases/${caseId(target, fx)}/comments`, body: { text: '补充情况' } }),
    expect: READ,
  },
  'GET /cases': {
    // `filter:case` lists with a filter: by reporter A (it must not unmask who reported a public
    // case) or by department 1 (it must not open department 1's list to department 2).
    request: (target, fx) => {
      const filter = target.includes(':') ? target.split(':')[0] : '';
      const query = {
        '': '',
        reporterA: `&reporter=${fixture(fx, 'user.deputyA')}`,
        dept1: `&department=${DEPT1}`,
      };
      return { path: `/cases?limit=100${query[filter as keyof typeof query]}` };
    },
    listed: { itemId: (target, fx) => fixture(fx, `case.${target.split(':').at(-1)}`) },
    expect: `
      target              anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      aPrivate            401  in   out  out  out  out  out  in   in
      aPublic             401  in   in   out  out  out  out  in   in
      bPrivate            401  out  in   out  out  out  out  in   in
      dispatched          401  in   out  in   in   out  out  in   in
      dispatchedCo        401  in   out  in   in   in   in   in   in
      redispatched        401  in   out  out  out  in   in   in   in
      reporterA:aPrivate  401  in   out  out  out  out  out  in   in
      reporterA:aPublic   401  in   out  out  out  out  out  in   in
      dept1:dispatched    401  in   out  in   in   out  out  in   in
      dept1:dispatchedCo  401  in   out  in   in   in   in   in   in
    `,
  },
  'GET /departments/{id}/indicators': {
    request: (target) => ({
      path: `/departments/${target === 'dept1' ? DEPT1 : DEPT2}/indicators?from=2026-01-01&to=2026-12-31`,
    }),
    expect: `
      target  anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      dept1   401  403  403  403  ok   403  403  ok   ok
      dept2   401  403  403  403  403  403  ok   ok   ok
    `,
  },
};
