import { fixture, type MatrixRoute, type MatrixTable } from './matrix.ts';
import { adminOnly } from './role-tables.ts';

/**
 * The Open311 facade (docs/open311.md). Its GeoReport v2 routes are public: a token changes
 * nothing, every column answers alike. What decides is the object — a public case is shown, a
 * private one is 404 like an unknown one — and, for the POST, the api_key: missing or revoked is
 * 403 whoever sends it; with a valid key the probe names a service that does not exist, so the
 * answer passed the key check (404) and nothing is written. The admins' key routes are admin-only;
 * issuing is probed with a body the contract refuses (400), revoking with the already revoked key
 * (204, harmless).
 */

const BASE = '/open311/v2';
const HEADER = 'target anon depA depB hnd1 hed1 hnd2 hed2 sup adm';
const SUFFIXES = ['', '.xml', '.json'] as const;

/** Lines in which all nine principals meet the same outcome. */
const everyone = (...lines: [target: string, outcome: string][]) =>
  [HEADER, ...lines.map(([target, outcome]) => `${target} ${Array(9).fill(outcome).join(' ')}`)].join('\n');

/** The three spellings of a collection resource, each with the same row. */
const spellings = (method: string, path: string, row: (suffix: string) => MatrixRoute): MatrixTable =>
  Object.fromEntries(SUFFIXES.map((suffix) => [`${method} ${BASE}${path}${suffix}`, row(suffix)]));

const PUBLIC_AND_PRIVATE: [string, string][] = [
  ['aPublic', 'ok'],
  ['aPrivate', '404'],
  ['bPrivate', '404'],
  ['dispatchedCo', '404'],
];

const form = (target: string, fx: Parameters<MatrixRoute['request']>[1]) => ({
  ...(target === 'noKey'
    ? {}
    : { api_key: fixture(fx, target === 'validKey' ? 'apiKey.valid' : 'apiKey.revoked') }),
  service_code: 'noSuchService',
  lat: '30.5',
  long: '114.3',
});

export const OPEN311_ROWS: MatrixTable = {
  ...spellings('GET', '/discovery', (suffix) => ({
    request: () => ({ path: `${BASE}/discovery${suffix}` }),
    expect: everyone(['-', 'ok']),
  })),
  ...spellings('GET', '/services', (suffix) => ({
    request: () => ({ path: `${BASE}/services${suffix}` }),
    expect: everyone(['-', 'ok']),
  })),
  [`GET ${BASE}/services/{code}`]: {
    request: (target) => ({ path: `${BASE}/services/${target}.json` }),
    expect: everyone(['noise', 'ok'], ['potholes', '404']),
  },
  ...spellings('POST', '/requests', (suffix) => ({
    allowed: [404],
    request: (target, fx) => ({ path: `${BASE}/requests${suffix}`, form: form(target, fx) }),
    expect: everyone(['noKey', '403'], ['revokedKey', '403'], ['validKey', 'ok']),
  })),
  ...spellings('GET', '/requests', (suffix) => ({
    request: () => ({ path: `${BASE}/requests${suffix}` }),
    listed: { itemId: (target, fx) => fixture(fx, `case.${target}`) },
    expect: everyone(['aPublic', 'in'], ['aPrivate', 'out'], ['bPrivate', 'out'], ['dispatchedCo', 'out']),
  })),
  [`GET ${BASE}/requests/{id}`]: {
    request: (target, fx) => ({ path: `${BASE}/requests/${fixture(fx, `case.${target}`)}.json` }),
    expect: everyone(...PUBLIC_AND_PRIVATE),
  },
  [`GET ${BASE}/tokens/{token}`]: {
    request: (target, fx) => ({ path: `${BASE}/tokens/${fixture(fx, `case.${target}`)}.xml` }),
    expect: everyone(...PUBLIC_AND_PRIVATE),
  },
  'POST /api-keys': {
    allowed: [400],
    request: () => ({ path: '/api-keys', body: { clientName: '' } }),
    expect: adminOnly('badBody'),
  },
  'GET /api-keys': {
    request: () => ({ path: '/api-keys' }),
    expect: adminOnly('-'),
  },
  'DELETE /api-keys/{id}': {
    request: (_target, fx) => ({ path: `/api-keys/${fixture(fx, 'apiKeyId.revoked')}` }),
    expect: adminOnly('revoked'),
  },
};
