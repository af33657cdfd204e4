import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { relistCases } from '../../shared/adapters/dynamodb/case-relist.ts';
import { tableName } from '../../shared/config/env.ts';

/**
 * One-off, right after the deploy that changes the cases' listing layout (docs/performance.md, "API"):
 * writes every case's listing snapshots again from its record, so the supervisors' lists filtered by
 * state or category and duplicate detection see the cases written before. Safe to run again.
 *
 *   QS_TABLE_WORKFLOW=<workflow table> npx tsx infra/ops/relist-cases.ts
 *
 * Locally add AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000 (any region and keys) and the local
 * table name (qingshan-local-workflow). Prints what it did.
 */
const report = await relistCases(getDocumentClient(), tableName('workflow'));
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
