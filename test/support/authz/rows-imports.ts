import { fixture, type MatrixTable } from './matrix.ts';
import { adminOnly } from './role-tables.ts';

/**
 * Imports of batch activity data (docs/imports.md, "Who may import"): admins for any enterprise;
 * the enterprise account uploads and imports (rows of other enterprises' accounts refused), sees and
 * withdraws its own imports only (another's is 404, out of its list), and never maps accounts.
 * Probes write nothing: the upload slot is only a presigned form; the import of an upload that was
 * never made is 422; the fixture imports are withdrawn already (asking again is a no-op); the
 * account mapping names a meter that does not exist (422).
 */
const UNKNOWN_UPLOAD = '00000000-0000-4000-8000-000000000000';
const H = 'target anon depA depB hnd1 hed1 hnd2 hed2 sup adm ent';
const importsOf = (line: string) => `${H}\n- ${line}`;
const admins = '401 403 403 403 403 403 403 403';

export const IMPORT_ROWS: MatrixTable = {
  'POST /imports/uploads': {
    request: () => ({
      path: '/imports/uploads',
      body: { format: 'csv', sizeBytes: 100, fileName: 'feed.csv' },
    }),
    expect: importsOf(`${admins} ok ok`),
  },
  'POST /imports': {
    allowed: [422],
    request: () => ({
      path: '/imports',
      body: { uploadId: UNKNOWN_UPLOAD, format: 'csv', kind: 'utility-monthly', fileName: 'feed.csv' },
    }),
    expect: importsOf(`${admins} ok ok`),
  },
  'GET /imports': {
    request: () => ({ path: '/imports?limit=100' }),
    listed: { itemId: (target, fx) => fixture(fx, `import.${target}`) },
    expect: `${H}
      own   ${admins} in in
      other ${admins} in out`,
  },
  'GET /imports/{id}': {
    request: (target, fx) => ({ path: `/imports/${fixture(fx, `import.${target}`)}` }),
    expect: `${H}
      own   ${admins} ok ok
      other ${admins} ok 404`,
  },
  'POST /imports/{id}/withdraw': {
    request: (target, fx) => ({ path: `/imports/${fixture(fx, `import.${target}`)}/withdraw` }),
    expect: `${H}
      own   ${admins} ok ok
      other ${admins} ok 404`,
  },
  'PUT /import-accounts/{accountId}': {
    allowed: [422],
    request: () => ({
      path: '/import-accounts/MATRIX-ACCOUNT',
      body: { kind: 'utility-monthly', meters: { electricity: 'MTR-NONE' } },
    }),
    expect: adminOnly('-'),
  },
  'GET /import-accounts': {
    request: () => ({ path: '/import-accounts' }),
    expect: adminOnly('-'),
  },
};
