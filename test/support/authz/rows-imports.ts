import type { MatrixTable } from './matrix.ts';
import { adminOnly } from './role-tables.ts';

/**
 * Imports of batch activity data (docs/imports.md): admins alone, for any enterprise (the platform
 * has no enterprise role yet). Probes write nothing: the upload slot is only a presigned form; the
 * import of an upload that was never made is 422; unknown imports are 404; the account mapping
 * names a meter that does not exist (422).
 */
const UNKNOWN_UPLOAD = '00000000-0000-4000-8000-000000000000';

export const IMPORT_ROWS: MatrixTable = {
  'POST /imports/uploads': {
    request: () => ({
      path: '/imports/uploads',
      body: { format: 'csv', sizeBytes: 100, fileName: 'feed.csv' },
    }),
    expect: adminOnly('-'),
  },
  'POST /imports': {
    allowed: [422],
    request: () => ({
      path: '/imports',
      body: { uploadId: UNKNOWN_UPLOAD, format: 'csv', kind: 'utility-monthly', fileName: 'feed.csv' },
    }),
    expect: adminOnly('-'),
  },
  'GET /imports': {
    request: () => ({ path: '/imports' }),
    expect: adminOnly('-'),
  },
  'GET /imports/{id}': {
    allowed: [404],
    request: () => ({ path: '/imports/imp-none' }),
    expect: adminOnly('-'),
  },
  'POST /imports/{id}/withdraw': {
    allowed: [404],
    request: () => ({ path: '/imports/imp-none/withdraw' }),
    expect: adminOnly('-'),
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
