import { randomUUID } from 'node:crypto';
import { getS3Client } from '../../shared/adapters/aws-clients.ts';
import { presignUpload } from '../../shared/adapters/s3/presigned-upload.ts';
import { bucketName } from '../../shared/config/env.ts';
import { createUploadRoute } from '../../shared/contracts/media.ts';
import { planUpload } from '../../shared/domain/media/upload-slot.ts';
import { httpHandler } from '../middleware/http.ts';

const bucket = bucketName('media');

export const handler = httpHandler(createUploadRoute, async ({ body, principal }) => {
  const uploadId = randomUUID();
  const plan = planUpload(principal, body, uploadId);
  const { url, fields } = await presignUpload(getS3Client(), bucket, plan);
  return {
    uploadId,
    key: plan.key,
    url,
    fields,
    maxBytes: plan.maxBytes,
    expiresAt: new Date(Date.now() + plan.expiresInSeconds * 1000).toISOString(),
  };
});
