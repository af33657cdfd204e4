import { parseArgs } from 'node:util';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import type { RelistOptions, RelistReport } from '../../shared/adapters/dynamodb/workflow-relist.ts';
import { tableName } from '../../shared/config/env.ts';

type Relist = (
  client: DynamoDBDocumentClient,
  table: string,
  options: RelistOptions,
) => Promise<RelistReport>;

/**
 * The command line both relist tools share: `[--per-second 20] [--from '<json>']` on the workflow
 * table; after each Scan page the counts so far and the `--from` that resumes after it go to stderr,
 * the report to stdout.
 */
export const runRelist = async (relist: Relist): Promise<void> => {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, 'per-second': { type: 'string' } },
  });
  const perSecond = values['per-second'] === undefined ? undefined : Number(values['per-second']);
  if (perSecond !== undefined && !(perSecond > 0)) throw new Error('--per-second must be a positive number');
  const report = await relist(getDocumentClient(), tableName('workflow'), {
    ...(values.from === undefined ? {} : { from: JSON.parse(values.from) as Record<string, unknown> }),
    ...(perSecond === undefined ? {} : { perSecond }),
    onPage: (soFar, resumeAfter) =>
      process.stderr.write(
        `${JSON.stringify(soFar)}${resumeAfter === undefined ? ' — done' : ` — resume with --from '${JSON.stringify(resumeAfter)}'`}\n`,
      ),
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
};
