import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traceClient } from '../observability/tracer.ts';

/**
 * Module-scope SDK clients, created on first use and reused across invocations. Endpoints come from
 * the standard AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_S3 variables, so the same code talks to
 * AWS in the cloud and to DynamoDB Local / s3rver on a laptop.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;

export const getDocumentClient = (): DynamoDBDocumentClient => {
  // Traced where tracing is on (a subsegment per call); unchanged elsewhere.
  documentClient ??= DynamoDBDocumentClient.from(traceClient(new DynamoDBClient({})), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
};

export const getS3Client = (): S3Client => {
  s3Client ??= traceClient(
    new S3Client({
      // s3rver only understands path-style addressing.
      forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined,
      // Without this, streamed uploads are framed as aws-chunked, which s3rver stores verbatim (corrupt),
      // and presigned URLs would carry checksum parameters a browser cannot satisfy.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
  );
  return s3Client;
};
