import { replayQuarantined } from '../../../shared/application/carbon/replay-quarantined.ts';
import { replayQuarantineRoute } from '../../../shared/contracts/carbon/quarantine.ts';
import { httpHandler } from '../../middleware/http.ts';
import { ingestDependencies } from './ingest-context.ts';

/**
 * Admins only (route roles): re-runs a quarantined message through the ingest after a fix;
 * `?override=implausible` accepts readings refused as implausible after review.
 */
export const handler = httpHandler(replayQuarantineRoute, ({ params, query, principal }) =>
  replayQuarantined(params.id, principal.userId, ingestDependencies(), query.override),
);
