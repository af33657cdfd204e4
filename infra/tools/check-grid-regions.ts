/**
 * `npm run check:grid-regions [-- --data-dir <dir> | --dynamodb <url> | --table <registry table>]`:
 * the one-off data check of issue 13 — every electricity meter whose grid region is not a published
 * grid (registered before the list was closed), with a hint. Their readings are quarantined by the
 * ingest until an admin corrects the meter (PATCH /meters/{id}) and replays them. Exits 1 when it
 * finds any, so it can gate a deployment.
 *
 * Locally it finds the running stack (`npm start`); against AWS pass `--table qingshan-<stage>-registry`
 * with the usual AWS credentials and region in the environment.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { allMeters } from '../../shared/application/registry/registry-lists.ts';
import { gridRegionFindings } from '../../shared/domain/registry/grid-region-check.ts';
import { LOCAL_REGION, localTableName } from '../local/environment.ts';
import { findRunningStack } from '../local/running-stacks.ts';
import { LOCAL_S3_CREDENTIALS } from '../local/s3-local.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    dynamodb: { type: 'string' },
    table: { type: 'string' },
  },
});

const client = async (): Promise<{ documents: DynamoDBDocumentClient; table: string }> => {
  if (values.table !== undefined) {
    return { documents: DynamoDBDocumentClient.from(new DynamoDBClient({})), table: values.table };
  }
  let endpoint = values.dynamodb;
  if (endpoint === undefined) {
    const stack = await findRunningStack(resolve(import.meta.dirname, '..', '..'), values['data-dir']);
    if (typeof stack === 'string') throw new Error(stack);
    endpoint = stack.urls.dynamodb;
  }
  const raw = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_S3_CREDENTIALS });
  return { documents: DynamoDBDocumentClient.from(raw), table: localTableName('registry') };
};

const main = async () => {
  const { documents, table } = await client();
  const findings = gridRegionFindings(await allMeters(new DynamoRegistryStore(documents, table)));
  documents.destroy();
  if (findings.length === 0) {
    console.log('所有电表的电网区域均在清单内 (every electricity meter has a listed grid region)');
    return;
  }
  console.log(JSON.stringify(findings, null, 2));
  console.error(
    `${findings.length} 个电表的电网区域不在清单内：请逐一更正 (PATCH /meters/{id}) 后重放其隔离读数 ` +
      `(${findings.length} meters need their gridRegion corrected, then their quarantined readings replayed)`,
  );
  process.exitCode = 1;
};

await main();
