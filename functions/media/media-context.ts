import { getDocumentClient, getS3Client } from '../../shared/adapters/aws-clients.ts';
import { DynamoMediaCatalog } from '../../shared/adapters/dynamodb/media-catalog.ts';
import { S3MediaObjects } from '../../shared/adapters/s3/media-objects.ts';
import type { MediaDeps } from '../../shared/application/media/complete-upload.ts';
import { bucketName, tableName } from '../../shared/config/env.ts';

/** The media catalog lives in the workflow table, beside the cases that reference its files. */
export const mediaCatalog = () => new DynamoMediaCatalog(getDocumentClient(), tableName('workflow'));

export const mediaDeps = (): MediaDeps => ({
  catalog: mediaCatalog(),
  objects: new S3MediaObjects(getS3Client(), bucketName('media')),
});
