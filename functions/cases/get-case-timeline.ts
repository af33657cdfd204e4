import { getCaseTimelineRoute } from '../../shared/contracts/cases.ts';
import { caseAudienceOf, timelineForAudience } from '../../shared/domain/cases/case-privacy.ts';
import { httpHandler } from '../middleware/http.ts';
import { caseStore, loadVisibleCase } from './case-context.ts';

const store = caseStore();

/** Every reader reads every step; whose id they read is case-privacy.ts's rule. */
export const handler = httpHandler(getCaseTimelineRoute, async ({ params, principal }) => {
  const record = await loadVisibleCase(store, params.id, principal);
  const entries = await store.timeline(params.id);
  return {
    caseId: params.id,
    entries: timelineForAudience(entries, record, caseAudienceOf(principal, record), principal),
  };
});
