import { listEnterprisesRoute } from '../../shared/contracts/enterprises.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(listEnterprisesRoute, ({ query }) =>
  registryContext().reader.listEnterprises({
    limit: query.limit,
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  }),
);
