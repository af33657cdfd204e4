import { parseArgs } from 'node:util';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { relistSuggestions } from '../../shared/adapters/dynamodb/workflow-relist.ts';
import { tableName } from '../../shared/config/env.ts';

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
const { values } = parseArgs({
  options: { from: { type: 'string' }, 'per-second': { type: 'string' } },
});
const perSecond = values['per-second'] === undefined ? undefined : Number(values['per-second']);
if (perSecond !== undefined && !(perSecond > 0)) throw new Error('--per-second must be a positive number');
const report = await relistSuggestions(getDocumentClient(), tableName('workflow'), {
  ...(values.from === undefined ? {} : { from: JSON.parse(values.from) as Record<string, unknown> }),
  ...(perSecond === undefined ? {} : { perSecond }),
  onPage: (soFar, resumeAfter) =>
    process.stderr.write(
      `${JSON.stringify(soFar)}${resumeAfter === undefined ? ' — done' : ` — resume with --from '${JSON.stringify(resumeAfter)}'`}\n`,
    ),
});
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
