import { getCaseTimelineRoute } from '../../shared/contracts/cases.ts';
import { httpHandler } from '../middleware/http.ts';
import { caseStore, loadVisibleCase } from './case-context.ts';

const store = caseStore();

export const handler = httpHandler(getCaseTimelineRoute, async ({ params, principal }) => {
  await loadVisibleCase(store, params.id, principal);
  return { caseId: params.id, entries: await store.timeline(params.id) };
});
