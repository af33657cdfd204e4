import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { backfillOpenIndex } from '../../shared/adapters/dynamodb/open-index-backfill.ts';
import { tableName } from '../../shared/config/env.ts';

/**
 * One-off, right after the deploy that adds the workflow table's sparse `open` index (docs/performance.md):
 * gives the open cases and suggestions written before it their index keys and OPEN markers, and
 * counts the closed ones into the closed ledger, so the hourly escalation and reconciliation see
 * them. Run it in a quiet hour; running it again changes nothing (the ledger is recounted).
 *
 *   QS_TABLE_WORKFLOW=<workflow table> npx tsx infra/ops/backfill-open-index.ts
 *
 * Locally add AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000 (any region and keys) and the local
 * table name (qingshan-local-workflow). Prints what it did.
 */
const report = await backfillOpenIndex(getDocumentClient(), tableName('workflow'));
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
