import { HeadObjectCommand, NotFound } from '@aws-sdk/client-s3';
import { getS3Client } from '../../shared/adapters/aws-clients.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { bucketName } from '../../shared/config/env.ts';
import { createImportRoute } from '../../shared/contracts/imports.ts';
import { UnprocessableError } from '../../shared/domain/errors.ts';
import { newImport } from '../../shared/domain/imports/import-record.ts';
import { templateOf } from '../../shared/domain/imports/templates.ts';
import { httpHandler } from '../middleware/http.ts';
import { importScope, importStore, importView, uploadKey } from './imports-context.ts';

const store = importStore();
const bucket = bucketName('imports');

const uploaded = async (key: string): Promise<boolean> => {
  try {
    await getS3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return false;
    throw error;
  }
};

/**
 * Admins, and enterprise accounts (their rows of other enterprises' accounts are refused): queues the import of a file the caller uploaded. The import's id
 * derives from the upload, so asking twice gives the same import, never a second run.
 */
export const handler = httpHandler(createImportRoute, async ({ body, principal }) => {
  if (templateOf(body.kind, body.templateVersion) === undefined)
    throw new UnprocessableError(`模板版本不存在 (no template ${body.kind} v${body.templateVersion})`, [
      { path: '/body/templateVersion', message: `模板版本不存在 (no version ${body.templateVersion})` },
    ]);
  const id = `imp-${body.uploadId}`;
  const scope = importScope(principal);
  const existing = await store.get(id);
  // Another caller's upload id is no upload of this caller's (the 422 below), not their import.
  if (existing && (scope === undefined || existing.enterpriseId === scope))
    return importView(existing, { store });
  const key = uploadKey(principal.userId, body.uploadId, body.format);
  if (!(await uploaded(key)))
    throw new UnprocessableError(`未找到上传的文件 (no file uploaded as ${body.uploadId} by you)`, [
      { path: '/body/uploadId', message: '请先通过 POST /imports/uploads 上传文件 (upload the file first)' },
    ]);
  const record = newImport({
    id,
    kind: body.kind,
    templateVersion: body.templateVersion,
    format: body.format,
    fileName: body.fileName,
    fileKey: key,
    uploadedBy: principal.username,
    ...(scope === undefined ? {} : { enterpriseId: scope }),
    at: systemClock(),
  });
  try {
    await store.create(record);
  } catch (error) {
    // A concurrent identical request created it first: the same import.
    const raced = await store.get(id);
    if (raced === undefined) throw error;
    return importView(raced, { store });
  }
  return importView(record, { store });
});
