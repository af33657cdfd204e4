import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { UploadPlan } from '../../domain/media/upload-slot.ts';

/**
 * A presigned POST whose policy itself enforces the type and the size range: S3 refuses a body that
 * is larger than planned or of another declared type, whatever the client claims.
 */
export const presignUpload = async (client: S3Client, bucket: string, plan: UploadPlan) =>
  createPresignedPost(client, {
    Bucket: bucket,
    Key: plan.key,
    Conditions: [
      ['content-length-range', 1, plan.maxBytes],
      ['eq', '$Content-Type', plan.contentType],
    ],
    Fields: { 'Content-Type': plan.contentType },
    Expires: plan.expiresInSeconds,
  });
