import * as z from 'zod';
import { IMPORT_FORMATS, IMPORT_STATUSES } from '../domain/imports/import-record.ts';
import { REFUSAL_REASONS } from '../domain/imports/judge-row.ts';
import { FEED_KINDS } from '../domain/imports/templates.ts';
import { ENERGY_TYPES } from '../domain/registry/records.ts';
import { defineRoute } from './route.ts';

/**
 * Imports of batch activity data (docs/imports.md): a presigned upload, the import job record with
 * its counts and progress, the refused rows, withdrawal; the account mappings admins maintain.
 * Admins, and enterprise accounts for their own enterprise's data (routes marked `enterpriseAccounts`).
 */

export const IMPORT_CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
/** Files up to 20 MB: 100 000 rows of the widest template fit with room to spare. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const Counts = z.object({
  rows: z.number().int(),
  accepted: z.number().int(),
  refused: z.number().int(),
  new: z.number().int().describe('Rows that filled an empty account month'),
  corrections: z.number().int().describe('Rows that replaced a value in force (the difference applied)'),
  notCounted: z
    .number()
    .int()
    .describe('Accepted rows of accounts whose meter counts instead (recorded only)'),
  byReason: z.record(z.string(), z.number().int()),
});

const RefusedRowSchema = z.object({
  row: z.number().int().describe('Line in the file (the header is line 1)'),
  reason: z.enum(REFUSAL_REASONS),
  field: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()),
});

export const ImportSchema = z
  .object({
    id: z.string(),
    kind: z.enum(FEED_KINDS),
    templateVersion: z.number().int(),
    format: z.enum(IMPORT_FORMATS),
    fileName: z.string(),
    uploadedBy: z.string(),
    enterpriseId: z
      .string()
      .optional()
      .describe('Uploaded by an account of this enterprise: only its accounts’ rows count'),
    createdAt: z.string(),
    status: z.enum(IMPORT_STATUSES),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    error: z.string().optional(),
    progress: z.object({ rowsDone: z.number().int(), totalRows: z.number().int().nullable() }),
    counts: Counts,
    refused: z.array(RefusedRowSchema).describe('The first 100 refused rows (all of them: links.refusedCsv)'),
    links: z.object({ refusedCsv: z.string().optional().describe('Five-minute link: CSV, UTF-8 with BOM') }),
    withdrawal: z
      .object({
        requestedBy: z.string(),
        requestedAt: z.string(),
        rowsDone: z.number().int(),
        changed: z.number().int(),
        finishedAt: z.string().optional(),
      })
      .optional(),
  })
  .meta({ id: 'Import' });
export type ImportView = z.infer<typeof ImportSchema>;

export const createImportUploadRoute = defineRoute({
  id: 'createImportUpload',
  method: 'POST',
  path: '/imports/uploads',
  roles: ['admin'],
  enterpriseAccounts: true,
  summary: '导入文件上传 A presigned upload for an import file (CSV or .xlsx)',
  tag: 'imports',
  body: z
    .object({
      format: z.enum(IMPORT_FORMATS),
      sizeBytes: z.number().int().positive().max(MAX_IMPORT_BYTES),
      fileName: z.string().min(1).max(255),
    })
    .meta({ id: 'ImportUploadRequest' }),
  response: z.object({
    uploadId: z.string(),
    key: z.string(),
    url: z.string().url(),
    fields: z.record(z.string(), z.string()).describe('Form fields to send with the file (presigned POST)'),
    maxBytes: z.number().int(),
    expiresAt: z.iso.datetime(),
  }),
  successStatus: 201,
  errorStatuses: [413],
});

export const createImportRoute = defineRoute({
  id: 'createImport',
  method: 'POST',
  path: '/imports',
  roles: ['admin'],
  enterpriseAccounts: true,
  summary: '创建导入 Import an uploaded file (queued job; the same upload twice is the same import)',
  tag: 'imports',
  body: z
    .object({
      uploadId: z.uuid(),
      format: z.enum(IMPORT_FORMATS),
      kind: z.enum(FEED_KINDS),
      templateVersion: z.number().int().min(1).default(1),
      fileName: z.string().min(1).max(255),
    })
    .meta({ id: 'ImportRequest' }),
  response: ImportSchema,
  successStatus: 202,
  errorStatuses: [422],
});

export const listImportsRoute = defineRoute({
  id: 'listImports',
  method: 'GET',
  path: '/imports',
  roles: ['admin'],
  enterpriseAccounts: true,
  summary: '导入列表 Imports, newest first',
  tag: 'imports',
  query: z.object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().optional(),
  }),
  response: z.object({
    items: z.array(ImportSchema.omit({ refused: true, links: true })),
    cursor: z.string().optional(),
  }),
  successStatus: 200,
});

const ImportId = z.object({ id: z.string().min(1).max(80) });

export const getImportRoute = defineRoute({
  id: 'getImport',
  method: 'GET',
  path: '/imports/{id}',
  roles: ['admin'],
  enterpriseAccounts: true,
  summary: '导入报告 An import: progress, counts, refused rows and their CSV',
  tag: 'imports',
  params: ImportId,
  response: ImportSchema,
  successStatus: 200,
  errorStatuses: [404],
});

export const withdrawImportRoute = defineRoute({
  id: 'withdrawImport',
  method: 'POST',
  path: '/imports/{id}/withdraw',
  roles: ['admin'],
  enterpriseAccounts: true,
  summary: '撤回导入 Withdraw an import as a whole (queued job)',
  tag: 'imports',
  params: ImportId,
  response: ImportSchema,
  successStatus: 202,
  errorStatuses: [404, 409],
});

export const ImportAccountSchema = z
  .object({
    accountId: z.string(),
    kind: z.enum(FEED_KINDS),
    name: z.string().optional(),
    meters: z
      .record(z.string(), z.string())
      .describe('Energy type → the account meter (registry) standing for it'),
    enterpriseId: z.string(),
    counts: z.enum(['feed', 'meter']).describe('Which source counts where a meter covers the same activity'),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'ImportAccount' });

export const putImportAccountRoute = defineRoute({
  id: 'putImportAccount',
  method: 'PUT',
  path: '/import-accounts/{accountId}',
  roles: ['admin'],
  summary: '导入账户映射 Map a feed account to the registry meters standing for it',
  tag: 'imports',
  params: z.object({ accountId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) }),
  body: z
    .object({
      kind: z.enum(FEED_KINDS),
      name: z.string().max(200).optional(),
      meters: z
        .partialRecord(z.enum(ENERGY_TYPES), z.string().min(1).max(64))
        .refine((m) => Object.keys(m).length > 0, '至少一个计量点 (at least one meter)'),
      counts: z
        .enum(['feed', 'meter'])
        .optional()
        .describe('Default: feed, unless the enterprise has another active meter of the same energy type'),
    })
    .meta({ id: 'ImportAccountRequest' }),
  response: ImportAccountSchema,
  successStatus: 200,
  errorStatuses: [404, 422],
});

export const listImportAccountsRoute = defineRoute({
  id: 'listImportAccounts',
  method: 'GET',
  path: '/import-accounts',
  roles: ['admin'],
  summary: '导入账户 The feed accounts and their meters',
  tag: 'imports',
  response: z.object({ items: z.array(ImportAccountSchema) }),
  successStatus: 200,
});

export const IMPORT_ROUTES = [
  createImportUploadRoute,
  createImportRoute,
  listImportsRoute,
  getImportRoute,
  withdrawImportRoute,
  putImportAccountRoute,
  listImportAccountsRoute,
] as const;
