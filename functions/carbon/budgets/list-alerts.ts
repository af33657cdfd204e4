import { listAlertsRoute } from '../../../shared/contracts/carbon/budgets.ts';
import { httpHandler } from '../../middleware/http.ts';
import { carbonStore } from '../emissions/emissions-context.ts';

const store = carbonStore();

export const handler = httpHandler(listAlertsRoute, async ({ query }) =>
  store.listAlerts({
    limit: query.limit,
    ...(query.kind === undefined ? {} : { kind: query.kind }),
    ...(query.level === undefined ? {} : { level: query.level }),
    ...(query.id === undefined ? {} : { targetId: query.id }),
    // Stored raisedAt is UTC with a Z: compare like with like.
    ...(query.from === undefined ? {} : { from: new Date(query.from).toISOString() }),
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  }),
);
