import { RECALCULATION_BODY } from './fixtures-carbon.ts';
import { fixture, type MatrixTable } from './matrix.ts';
import { adminOnly, overseers } from './role-tables.ts';

/**
 * Carbon data (README, "Reading results through the API"; shared/contracts/carbon/emissions.ts): every
 * signed-in user sees the city aggregate; enterprise, meter and industry figures, rankings and
 * traces are for supervisors and admins (an industry of one enterprise would expose it). Budgets and
 * alerts: supervisors and admins read, admins write. The quarantine is for admins.
 *
 * The budget PUT sends no version for a budget that exists, so an admin gets 409 ("without a
 * version it only creates") and nothing changes; the replay of a still-bad message is 422.
 * Recalculations are for admins: the POST asks again for the fixture's scope and month, which is
 * 409 while the fixture's is open and 202 once the scheduler has run it (nothing else reads it).
 */
const DAY = '2026-11-28';

export const CARBON_ROWS: MatrixTable = {
  'GET /emissions': {
    request: (level, fx) => {
      const ids: Record<string, string> = { city: 'city', industry: 'C3311' };
      const id = ids[level] ?? fixture(fx, level === 'meter' ? 'meter.active' : level);
      return { path: `/emissions?level=${level}&id=${id}&from=${DAY}&to=${DAY}&granularity=day` };
    },
    expect: `
      target      anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      city        401  ok   ok   ok   ok   ok   ok   ok   ok
      industry    401  403  403  403  403  403  403  ok   ok
      enterprise  401  403  403  403  403  403  403  ok   ok
      meter       401  403  403  403  403  403  403  ok   ok
    `,
  },
  'GET /emissions/rankings': {
    request: () => ({ path: '/emissions/rankings?level=enterprise&period=2026-11' }),
    expect: overseers('-'),
  },
  'GET /emissions/trace': {
    request: () => ({ path: `/emissions/trace?level=enterprise&id=ENT-0001&period=${DAY}` }),
    expect: overseers('-'),
  },
  'PUT /budgets/{level}/{id}/{period}': {
    allowed: [409],
    request: (_, fx) => ({
      path: `/budgets/enterprise/${fixture(fx, 'enterprise')}/2026-11`,
      body: { limitTonnes: 1 },
    }),
    expect: adminOnly('existing'),
  },
  'GET /budgets': {
    request: () => ({ path: '/budgets' }),
    expect: overseers('-'),
  },
  'GET /alerts': {
    request: () => ({ path: '/alerts' }),
    expect: overseers('-'),
  },
  'GET /quarantine': {
    request: (_, fx) => ({ path: `/quarantine?date=${fixture(fx, 'quarantine.date')}` }),
    expect: adminOnly('-'),
  },
  'POST /quarantine/{id}/replay': {
    allowed: [422],
    request: (_, fx) => ({ path: `/quarantine/${encodeURIComponent(fixture(fx, 'quarantine'))}/replay` }),
    expect: adminOnly('stillBad'),
  },
  'POST /recalculations': {
    allowed: [409, 202],
    request: (_, fx) => ({
      path: '/recalculations',
      body: { ...RECALCULATION_BODY, period: fixture(fx, 'recalculation.period') },
    }),
    expect: adminOnly('existing'),
  },
  'GET /recalculations/{id}': {
    request: (_, fx) => ({ path: `/recalculations/${fixture(fx, 'recalculation')}` }),
    expect: adminOnly('existing'),
  },
};
