import { getCaseRoute } from '../../shared/contracts/cases.ts';
import { httpHandler } from '../middleware/http.ts';
import { caseStore, caseView, clock, loadVisibleCase } from './case-context.ts';

const store = caseStore();

export const handler = httpHandler(getCaseRoute, async ({ params, principal }) => {
  const record = await loadVisibleCase(store, params.id, principal);
  return caseView(record, principal, clock());
});
