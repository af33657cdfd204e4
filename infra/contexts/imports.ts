import {
  createImportRoute,
  createImportUploadRoute,
  getImportRoute,
  listImportAccountsRoute,
  listImportsRoute,
  putImportAccountRoute,
  withdrawImportRoute,
} from '../../shared/contracts/imports.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

/** Imports of batch activity data (docs/imports.md): uploads, import records, accounts, the job. */
export const IMPORT_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'importsUpload',
    entry: 'functions/imports/create-import-upload.ts',
    description: 'Admins: a presigned POST for an import file (CSV or .xlsx)',
    trigger: { kind: 'http', routes: [createImportUploadRoute] },
    buckets: { imports: 'write' },
  },
  {
    id: 'importsCreate',
    entry: 'functions/imports/create-import.ts',
    description: 'Admins: queue the import of an uploaded file',
    trigger: { kind: 'http', routes: [createImportRoute] },
    tables: { carbon: 'readWrite' },
    buckets: { imports: 'read' },
  },
  {
    id: 'importsList',
    entry: 'functions/imports/list-imports.ts',
    description: 'Admins: imports, newest first',
    trigger: { kind: 'http', routes: [listImportsRoute] },
    tables: { carbon: 'read' },
  },
  {
    id: 'importsGet',
    entry: 'functions/imports/get-import.ts',
    description: 'Admins: an import report with its refused rows and their CSV link',
    trigger: { kind: 'http', routes: [getImportRoute] },
    tables: { carbon: 'read' },
    buckets: { imports: 'read' },
  },
  {
    id: 'importsWithdraw',
    entry: 'functions/imports/withdraw-import.ts',
    description: 'Admins: queue the withdrawal of an import as a whole',
    trigger: { kind: 'http', routes: [withdrawImportRoute] },
    tables: { carbon: 'readWrite' },
  },
  {
    id: 'importAccountsPut',
    entry: 'functions/imports/put-import-account.ts',
    description: 'Admins: map a feed account to the registry meters standing for it',
    trigger: { kind: 'http', routes: [putImportAccountRoute] },
    tables: { registry: 'readWrite' },
  },
  {
    id: 'importAccountsList',
    entry: 'functions/imports/list-import-accounts.ts',
    description: 'Admins: the feed accounts',
    trigger: { kind: 'http', routes: [listImportAccountsRoute] },
    tables: { registry: 'read' },
  },
  {
    id: 'jobProcessImports',
    entry: 'functions/jobs/process-imports.ts',
    description:
      'Runs queued imports and withdrawals as checkpointed jobs (lease), resuming interrupted ones',
    timeoutSeconds: 900,
    memoryMb: 1024,
    trigger: {
      kind: 'schedule',
      job: 'processImports',
      expression: 'rate(1 minute)',
      description: 'Queued imports (导入) and withdrawals within a minute of the request',
    },
    tables: { carbon: 'readWrite', registry: 'read' },
    buckets: { imports: 'readWrite' },
  },
];
