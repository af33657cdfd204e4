import { listMetersRoute } from '../../shared/contracts/meters.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(listMetersRoute, ({ query }) => {
  const { enterpriseId, facilityId, status, cursor, limit } = query;
  return registryContext().reader.listMeters({
    limit,
    ...(enterpriseId === undefined ? {} : { enterpriseId }),
    ...(facilityId === undefined ? {} : { facilityId }),
    ...(status === undefined ? {} : { status }),
    ...(cursor === undefined ? {} : { cursor }),
  });
});
