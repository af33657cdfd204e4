import { getDocumentClient, getS3Client } from '../../shared/adapters/aws-clients.ts';
import { DynamoImportAccountStore } from '../../shared/adapters/dynamodb/import-account-store.ts';
import { DynamoImportStore } from '../../shared/adapters/dynamodb/import-store.ts';
import { S3ImportFiles } from '../../shared/adapters/s3/import-files.ts';
import { bucketName, tableName } from '../../shared/config/env.ts';
import type { ImportView } from '../../shared/contracts/imports.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import { type ImportRecord, progressOf, visibleTo } from '../../shared/domain/imports/import-record.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import type { ImportFiles, ImportStore } from '../../shared/ports/import-store.ts';

/** Each function gets only the tables and bucket it is granted (names from its environment). */
export const importStore = (): ImportStore => new DynamoImportStore(getDocumentClient(), tableName('carbon'));
export const importAccounts = () => new DynamoImportAccountStore(getDocumentClient(), tableName('registry'));
export const importFiles = (): ImportFiles => new S3ImportFiles(getS3Client(), bucketName('imports'));

/** The S3 key of an uploaded file: the uploader's own prefix, so one admin's upload id is not another's. */
export const uploadKey = (userId: string, uploadId: string, format: string) =>
  `uploads/${userId}/${uploadId}.${format}`;

const REFUSED_SHOWN = 100;

/** The import if the caller may see it: admins any, an enterprise account its own (else 404). */
export const visibleImport = async (store: ImportStore, id: string, principal: Principal) => {
  const record = await store.get(id);
  if (record === undefined || !visibleTo(record, principal))
    throw new NotFoundError(`导入不存在 (import ${id} not found)`);
  return record;
};

/** The enterprise an import is scoped to: none for admins (any enterprise), the account's own else. */
export const importScope = (principal: Principal): string | undefined =>
  principal.roles.includes('admin') ? undefined : principal.enterpriseId;

/**
 * An import as the list shows it: the job's own attributes (file key, lease, refused-rows key) left
 * out, rows done and rows in the file shown once, as `progress`.
 */
export const importSummary = (record: ImportRecord) => {
  const {
    fileKey: _key,
    leaseUntil: _lease,
    rowsDone: _rows,
    totalRows: _total,
    refusedKey: _refused,
    ...shown
  } = record;
  return { ...shown, progress: progressOf(record) };
};

/** The record as GET /imports/{id} shows it: the summary, the first refused rows, the CSV link. */
export const importView = async (
  record: ImportRecord,
  deps: { store: ImportStore; files?: ImportFiles },
): Promise<ImportView> => {
  const refused =
    record.counts.refused > 0 ? (await deps.store.listRefused(record.id)).slice(0, REFUSED_SHOWN) : [];
  const link =
    record.refusedKey && deps.files
      ? await deps.files.link(record.refusedKey, `refused-${record.fileName.replace(/\.\w+$/, '')}.csv`)
      : undefined;
  return {
    ...importSummary(record),
    refused,
    links: link ? { refusedCsv: link } : {},
  };
};
