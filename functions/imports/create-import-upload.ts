import { randomUUID } from 'node:crypto';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getS3Client } from '../../shared/adapters/aws-clients.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { bucketName } from '../../shared/config/env.ts';
import {
  createImportUploadRoute,
  IMPORT_CONTENT_TYPES,
  MAX_IMPORT_BYTES,
} from '../../shared/contracts/imports.ts';
import { httpHandler } from '../middleware/http.ts';
import { uploadKey } from './imports-context.ts';

const bucket = bucketName('imports');
const SLOT_SECONDS = 15 * 60;

/**
 * Admins and enterprise accounts: a presigned POST for an import file. The policy fixes the key (the
 * admin's own prefix), the content type and the size range, so S3 itself refuses anything else.
 */
export const handler = httpHandler(createImportUploadRoute, async ({ body, principal }) => {
  const uploadId = randomUUID();
  const key = uploadKey(principal.userId, uploadId, body.format);
  const contentType = IMPORT_CONTENT_TYPES[body.format];
  const { url, fields } = await createPresignedPost(getS3Client(), {
    Bucket: bucket,
    Key: key,
    Conditions: [
      ['content-length-range', 1, MAX_IMPORT_BYTES],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: SLOT_SECONDS,
  });
  const at = systemClock();
  return {
    uploadId,
    key,
    url,
    fields,
    maxBytes: MAX_IMPORT_BYTES,
    expiresAt: new Date(at.getTime() + SLOT_SECONDS * 1000).toISOString(),
  };
});
