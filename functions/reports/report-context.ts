import { getDocumentClient, getS3Client } from '../../shared/adapters/aws-clients.ts';
import { DynamoReportIndexStore } from '../../shared/adapters/dynamodb/report-index-store.ts';
import { S3ReportFileStore } from '../../shared/adapters/s3/report-file-store.ts';
import { bucketName, tableName } from '../../shared/config/env.ts';

/** Wiring shared by the report functions and the jobs that write reports. */
export const reportIndex = () => new DynamoReportIndexStore(getDocumentClient(), tableName('jobs'));
export const reportFiles = () => new S3ReportFileStore(getS3Client(), bucketName('reports'));

/** Download links live five minutes: long enough to click, short enough not to be passed around. */
export const DOWNLOAD_LINK_SECONDS = 300;
