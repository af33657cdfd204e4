import { relistSuggestions } from '../../shared/adapters/dynamodb/workflow-relist.ts';
import { runRelist } from './relist-cli.ts';

/**
 * One-off, after the deploy that puts a copy of the record on the suggestions' list pointers
 * (docs/performance.md, "Third pass"; runbook in docs/deploying.md): writes every suggestion's listed
 * pointers again with their copy, so every list page is one Query. Before it has run the lists are
 * complete and current, only a page with older pointers reads their records in one more request.
 * Safe while the API serves, and to run again.
 *
 *   QS_TABLE_WORKFLOW=<workflow table> npx tsx infra/ops/relist-suggestions.ts [--per-second 20] [--from '<json>']
 *
 * Prints, as relist-cases.ts does, the counts after each Scan page and the `--from` that resumes.
 */

await runRelist(relistSuggestions);
