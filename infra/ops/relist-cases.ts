import { relistCases } from '../../shared/adapters/dynamodb/workflow-relist.ts';
import { runRelist } from './relist-cli.ts';

/**
 * One-off, right after the deploy that changes the cases' listing layout (docs/performance.md, "API";
 * runbook in docs/deploying.md): writes every case's listing snapshots again from its record, so the
 * supervisors' lists filtered by state or category and duplicate detection see the cases written
 * before. Safe while the API serves, and to run again.
 *
 *   QS_TABLE_WORKFLOW=<workflow table> npx tsx infra/ops/relist-cases.ts [--per-second 20] [--from '<json>']
 *
 * After each Scan page it prints the counts so far and the `--from` that resumes after that page, if
 * the run is interrupted. Locally add AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000 (any region and
 * keys) and the local table name (qingshan-local-workflow).
 */

await runRelist(relistCases);
