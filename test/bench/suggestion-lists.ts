import type { TestStack } from '../support/local-stack.ts';
import { concurrently } from './concurrent-run.ts';
import { type BenchContext, measureListPage } from './list-pages.ts';

const SUGGESTIONS = Number(process.env.BENCH_SUGGESTIONS ?? 120);

/** Files `SUGGESTIONS` suggestions as the stack's deputy, through the API, from `clients` loops. */
export const fileSuggestions = (t: TestStack, clients: number) =>
  concurrently(clients, SUGGESTIONS, async (i) => {
    const response = await t.api('/suggestions', {
      method: 'POST',
      token: t.stack.users.deputy.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `压测建议 ${i}`, body: 'bench suggestion', category: 'energyAndCarbon' }),
    });
    await response.arrayBuffer();
    return response.status === 201;
  });

/**
 * `GET /suggestions?limit=20` for a supervisor (every suggestion) and for the filing deputy (their
 * own), each beside one raw gsi1 Query of the same partition (list-pages.ts): table rows and the
 * DynamoDB requests per page. Files `SUGGESTIONS` suggestions through the API first.
 */
export const benchSuggestionLists = async (
  context: BenchContext,
): Promise<{ rows: string[][]; requests: string[] }> => {
  const { t, clients } = context;
  const deputy = t.stack.users.deputy;
  await fileSuggestions(t, clients);
  const rows: string[][] = [];
  const requests: string[] = [];
  for (const [name, token, partition] of [
    ['GET /suggestions?limit=20 (supervisor, all)', t.stack.users.supervisor.token, 'SUGGESTIONS#ALL'],
    ['GET /suggestions?limit=20 (deputy, own)', deputy.token, `SUGGESTIONS#DEPUTY#${deputy.user.sub}`],
  ] as const) {
    const measured = await measureListPage(context, {
      name,
      path: '/suggestions?limit=20',
      token,
      index: 'gsi1',
      partition,
    });
    rows.push(...measured.rows);
    requests.push(measured.requests);
  }
  return { rows, requests };
};
