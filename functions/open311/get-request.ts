import { NotFoundError } from '../../shared/domain/errors.ts';
import { splitFormatSuffix } from '../../shared/domain/open311/open311-format.ts';
import { isOpen311Visible } from '../../shared/domain/open311/open311-request-view.ts';
import { caseStore, clock } from '../cases/case-context.ts';
import { open311Handler } from '../middleware/open311.ts';
import { serviceRequests } from './open311-context.ts';

const store = caseStore();

/** GET requests/{id} (GeoReport v2): one public case; a private or unknown one is 404 alike. */
export const handler = open311Handler(async ({ params }) => {
  const id = splitFormatSuffix(params.id ?? '').name;
  const record = await store.get(id);
  if (record === undefined || !isOpen311Visible(record)) {
    throw new NotFoundError(`没有此服务请求 (service_request_id ${id.slice(0, 100)} not found)`);
  }
  return { root: 'service_requests', value: await serviceRequests([record], clock()) };
});
