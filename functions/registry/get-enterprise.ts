import { getEnterpriseRoute } from '../../shared/contracts/enterprises.ts';
import { httpHandler } from '../middleware/http.ts';
import { enterpriseDetail } from './enterprise-queries.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(getEnterpriseRoute, ({ params }) =>
  enterpriseDetail(registryContext(), params.id),
);
