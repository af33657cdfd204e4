import { randomUUID } from 'node:crypto';
import { getS3Client } from '../../shared/adapters/aws-clients.ts';
import { presignUpload } from '../../shared/adapters/s3/presigned-upload.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { bucketName } from '../../shared/config/env.ts';
import { createUploadRoute } from '../../shared/contracts/media.ts';
import { pendingMedia } from '../../shared/domain/media/media-record.ts';
import { planUpload } from '../../shared/domain/media/upload-slot.ts';
import { httpHandler } from '../middleware/http.ts';
import { mediaCatalog } from './media-context.ts';

const bucket = bucketName('media');
const catalog = mediaCatalog();

/** The slot's id is the media id: the catalog records it as pending before the client uploads. */
export const handler = httpHandler(createUploadRoute, async ({ body, principal }) => {
  const uploadId = randomUUID();
  const at = systemClock();
  const plan = planUpload(principal, body, uploadId);
  await catalog.createPending(
    pendingMedia({
      id: uploadId,
      owner: principal,
      declaredType: plan.contentType,
      maxBytes: plan.maxBytes,
      uploadKey: plan.key,
      ...(body.fileName === undefined ? {} : { fileName: body.fileName }),
      at,
    }),
  );
  const { url, fields } = await presignUpload(getS3Client(), bucket, plan);
  return {
    uploadId,
    key: plan.key,
    url,
    fields,
    maxBytes: plan.maxBytes,
    expiresAt: new Date(at.getTime() + plan.expiresInSeconds * 1000).toISOString(),
  };
});
