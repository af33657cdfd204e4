import { NotFoundError } from '../../shared/domain/errors.ts';
import { splitFormatSuffix } from '../../shared/domain/open311/open311-format.ts';
import { isOpen311Visible } from '../../shared/domain/open311/open311-request-view.ts';
import { caseStore } from '../cases/case-context.ts';
import { open311Handler } from '../middleware/open311.ts';

const store = caseStore();

/**
 * GET tokens/{token} (GeoReport v2). Every service here is `realtime`: a POST answers with the
 * service_request_id itself and no token. A client that asks anyway with that id gets it back as
 * its own token; anything else is 404, as for a request.
 */
export const handler = open311Handler(async ({ params }) => {
  const token = splitFormatSuffix(params.token ?? '').name;
  const record = await store.get(token);
  if (record === undefined || !isOpen311Visible(record)) {
    throw new NotFoundError(`没有此令牌 (token ${token.slice(0, 100)} not found)`);
  }
  return { root: 'service_requests', value: [{ service_request_id: record.id, token }] };
});
