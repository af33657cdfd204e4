import { listReportsRoute } from '../../shared/contracts/reports.ts';
import { canReadReport } from '../../shared/domain/reports/report-index.ts';
import { httpHandler } from '../middleware/http.ts';
import { reportIndex } from './report-context.ts';

const index = reportIndex();

export const handler = httpHandler(listReportsRoute, async ({ query, principal }) => {
  const page = await index.list({
    kind: query.kind,
    limit: query.limit,
    ...(query.period === undefined ? {} : { periodPrefix: query.period }),
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  });
  // A page may come back shorter than `limit` for a head (others' departments are filtered out);
  // the cursor still walks the whole list.
  // The bucket key prefix is ours, not the client's (get-report.ts hides it too).
  const items = page.items
    .filter((entry) => canReadReport(principal, entry))
    .map(({ keyPrefix: _keyPrefix, ...visible }) => visible);
  return page.cursor === undefined ? { items } : { items, cursor: page.cursor };
});
