import { ENTERPRISE_BODY, METER_BODY } from './fixtures-carbon.ts';
import { fixture, type MatrixTable } from './matrix.ts';
import { adminOnly, overseers, signedIn } from './role-tables.ts';
import { STALE_VERSION } from './rows-case-transitions.ts';

/**
 * The registry (README, "Registry writes"): only admins write; admins and supervisors read
 * enterprises, facilities and meters; deputies, handlers and heads get 403 on them (commercially
 * sensitive); departments and factors are open to every signed-in user. Identifiers follow the
 * record they name: a factor's handle is open, an enterprise's or meter's is registry data.
 *
 * Writes are probed so that they change nothing: an existing id again (409), a stale version
 * (409), credentials for a meter that has active ones (409, no `rotate`), a revoke of credentials
 * already revoked (204, "repeating it is harmless"). `ok` is that answer, reached only past the
 * permission check.
 */
export const REGISTRY_ROWS: MatrixTable = {
  'GET /departments': {
    request: () => ({ path: '/departments' }),
    expect: signedIn('-'),
  },
  'GET /deputies': {
    request: () => ({ path: '/deputies' }),
    expect: signedIn('-'),
  },
  'GET /factors': {
    request: () => ({ path: '/factors' }),
    expect: signedIn('-'),
  },
  'POST /meters/{id}/credentials': {
    allowed: [409],
    request: (_, fx) => ({ path: `/meters/${fixture(fx, 'meter.active')}/credentials` }),
    expect: adminOnly('active'),
  },
  'DELETE /meters/{id}/credentials': {
    request: (_, fx) => ({ path: `/meters/${fixture(fx, 'meter.revoked')}/credentials` }),
    expect: adminOnly('revoked'),
  },
  'POST /enterprises': {
    allowed: [409],
    request: () => ({ path: '/enterprises', body: ENTERPRISE_BODY }),
    expect: adminOnly('sameId'),
  },
  'PATCH /enterprises/{id}': {
    allowed: [409],
    request: (_, fx) => ({
      path: `/enterprises/${fixture(fx, 'enterprise')}`,
      body: { version: STALE_VERSION, name: '改名' },
    }),
    expect: adminOnly('staleVersion'),
  },
  'GET /enterprises': {
    request: () => ({ path: '/enterprises' }),
    expect: overseers('-'),
  },
  'GET /enterprises/{id}': {
    request: (_, fx) => ({ path: `/enterprises/${fixture(fx, 'enterprise')}` }),
    expect: overseers('enterprise'),
  },
  'POST /enterprises/{id}/facilities': {
    allowed: [409],
    request: (_, fx) => ({
      path: `/enterprises/${fixture(fx, 'enterprise')}/facilities`,
      body: { id: fixture(fx, 'facility'), name: '一号车间' },
    }),
    expect: adminOnly('sameId'),
  },
  'PATCH /enterprises/{id}/facilities/{facilityId}': {
    allowed: [409],
    request: (_, fx) => ({
      path: `/enterprises/${fixture(fx, 'enterprise')}/facilities/${fixture(fx, 'facility')}`,
      body: { version: STALE_VERSION, name: '改名' },
    }),
    expect: adminOnly('staleVersion'),
  },
  'GET /enterprises/{id}/audit': {
    request: (_, fx) => ({ path: `/enterprises/${fixture(fx, 'enterprise')}/audit` }),
    expect: adminOnly('enterprise'),
  },
  'POST /meters': {
    allowed: [409],
    request: (_, fx) => ({ path: '/meters', body: { ...METER_BODY, id: fixture(fx, 'meter.active') } }),
    expect: adminOnly('sameId'),
  },
  'PATCH /meters/{id}': {
    allowed: [409],
    request: (_, fx) => ({
      path: `/meters/${fixture(fx, 'meter.active')}`,
      body: { version: STALE_VERSION, name: '改名' },
    }),
    expect: adminOnly('staleVersion'),
  },
  'GET /meters': {
    request: () => ({ path: '/meters' }),
    expect: overseers('-'),
  },
  'GET /meters/{id}': {
    request: (_, fx) => ({ path: `/meters/${fixture(fx, 'meter.active')}` }),
    expect: overseers('meter'),
  },
  'GET /meters/{id}/audit': {
    request: (_, fx) => ({ path: `/meters/${fixture(fx, 'meter.active')}/audit` }),
    expect: adminOnly('meter'),
  },
  // Users' roles: a change is probed on a user who does not exist (404), so nothing is written.
  'GET /users': {
    request: () => ({ path: '/users' }),
    expect: adminOnly('-'),
  },
  'PUT /users/{username}/roles': {
    allowed: [404],
    request: () => ({ path: '/users/matrix-nobody/roles', body: { roles: ['supervisor'] } }),
    expect: adminOnly('-'),
  },
  'GET /users/role-changes': {
    request: () => ({ path: '/users/role-changes' }),
    expect: adminOnly('-'),
  },
  'GET /identifiers/{id+}': {
    request: (target, fx) => ({ path: `/identifiers/${fixture(fx, `handle.${target}`)}` }),
    expect: `
      target      anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      factor      401  ok   ok   ok   ok   ok   ok   ok   ok
      enterprise  401  403  403  403  403  403  403  ok   ok
      facility    401  403  403  403  403  403  403  ok   ok
      meter       401  403  403  403  403  403  403  ok   ok
    `,
  },
};
