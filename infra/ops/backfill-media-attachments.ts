import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { backfillMediaAttachments } from '../../shared/adapters/dynamodb/media-attachment-backfill.ts';
import { tableName } from '../../shared/config/env.ts';

/**
 * One-off, after deploying the media-access rules (docs/media-access.md): gives the files cited
 * before them their `attachedTo`, so the staff and deputies who read those records read them again.
 * Safe to run while the API serves and to run twice.
 *
 *   QS_TABLE_WORKFLOW=<workflow table> npx tsx infra/ops/backfill-media-attachments.ts
 *
 * Locally add AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000 (any region and keys) and the local
 * table name (qingshan-local-workflow). Prints what it did; conflicts list files two records cite.
 */
const report = await backfillMediaAttachments(getDocumentClient(), tableName('workflow'));
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
