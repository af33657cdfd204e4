import { updateFacility } from '../../shared/application/registry/facility-commands.ts';
import { updateFacilityRoute } from '../../shared/contracts/enterprises.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext, requiredVersion } from './registry-context.ts';

export const handler = httpHandler(updateFacilityRoute, ({ params, body, principal, headers }) => {
  const { version, ...changes } = body;
  return updateFacility(
    registryContext(),
    principal,
    { enterpriseId: params.id, facilityId: params.facilityId },
    requiredVersion(version, headers),
    changes,
  );
});
