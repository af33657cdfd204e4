import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { localTableName } from '../../infra/local/environment.ts';
import type { TestStack } from '../support/local-stack.ts';
import { concurrently, inTurns, row } from './concurrent-run.ts';
import type { probeRequests } from './request-probe.ts';

const SUGGESTIONS = Number(process.env.BENCH_SUGGESTIONS ?? 120);

const rawPage = (t: TestStack, partition: string) =>
  t.dynamo.send(
    new QueryCommand({
      TableName: localTableName('workflow'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: 20,
    }),
  );

/**
 * `GET /suggestions?limit=20` for a supervisor (every suggestion) and for the filing deputy (their
 * pointers, then the records), beside one raw gsi1 Query of the same partition: table rows and the
 * DynamoDB requests per page. Files `SUGGESTIONS` suggestions through the API first.
 */
export const benchSuggestionLists = async (
  t: TestStack,
  probe: ReturnType<typeof probeRequests>,
  clients: number,
  reads: number,
): Promise<{ rows: string[][]; requests: string[] }> => {
  const deputy = t.stack.users.deputy;
  await concurrently(clients, SUGGESTIONS, async (i) => {
    const response = await t.api('/suggestions', {
      method: 'POST',
      token: deputy.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `压测建议 ${i}`, body: 'bench suggestion', category: 'energyAndCarbon' }),
    });
    await response.arrayBuffer();
    return response.status === 201;
  });
  const lists: [string, string, string][] = [
    ['GET /suggestions?limit=20 (supervisor, all)', t.stack.users.supervisor.token, 'SUGGESTIONS#ALL'],
    ['GET /suggestions?limit=20 (deputy, own)', deputy.token, `SUGGESTIONS#DEPUTY#${deputy.user.sub}`],
  ];
  const rows: string[][] = [];
  const requests: string[] = [];
  for (const [name, token, partition] of lists) {
    const page = async () => {
      const response = await t.api('/suggestions?limit=20', { token });
      await response.arrayBuffer();
      return response.status === 200;
    };
    await concurrently(clients, clients * 2, page);
    probe.reset();
    const { baseline: raw, measured: api } = await inTurns(
      clients,
      reads,
      5,
      async () => ((await rawPage(t, partition)).Items?.length ?? 0) > 0,
      page,
    );
    rows.push(
      row(`raw Query gsi1 ${partition.replace(/#[^#]{20,}$/, '#…')} Limit 20`, raw),
      row(name, api, raw),
    );
    requests.push(`${name}: ${probe.summary(reads)}`);
  }
  return { rows, requests };
};
