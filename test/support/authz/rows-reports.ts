import { fixture, type MatrixTable } from './matrix.ts';

/**
 * Reports (report-index.ts `canReadReport`, README "Jobs and reports"): supervisors and admins read
 * every report; a department head reads their own department's performance reports and nothing
 * else (others' are 404, absent from the list); deputies and handlers have no report route (403).
 * The escalation list is for heads (their department's part), supervisors and admins.
 */
const REPORT_KINDS: Record<string, string> = {
  perf1: 'performance-weekly',
  perf2: 'performance-weekly',
  district: 'performance-weekly',
  carbonCity: 'carbon-daily',
};

export const REPORT_ROWS: MatrixTable = {
  'GET /reports': {
    request: (target) => ({ path: `/reports?kind=${REPORT_KINDS[target] ?? ''}&limit=100` }),
    listed: { itemId: (target, fx) => fixture(fx, `report.${target}`) },
    expect: `
      target      anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      perf1       401  403  403  403  in   403  out  in   in
      perf2       401  403  403  403  out  403  in   in   in
      district    401  403  403  403  out  403  out  in   in
      carbonCity  401  403  403  403  out  403  out  in   in
    `,
  },
  'GET /reports/{id}': {
    request: (target, fx) => ({ path: `/reports/${encodeURIComponent(fixture(fx, `report.${target}`))}` }),
    expect: `
      target      anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      perf1       401  403  403  403  ok   403  404  ok   ok
      perf2       401  403  403  403  404  403  ok   ok   ok
      district    401  403  403  403  404  403  404  ok   ok
      carbonCity  401  403  403  403  404  403  404  ok   ok
    `,
  },
  'GET /reports/escalations': {
    request: () => ({ path: '/reports/escalations' }),
    expect: `
      target  anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      -       401  403  403  403  ok   403  ok   ok   ok
    `,
  },
};
