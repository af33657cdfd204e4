import { updateEnterprise } from '../../shared/application/registry/enterprise-commands.ts';
import { updateEnterpriseRoute } from '../../shared/contracts/enterprises.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext, requiredVersion } from './registry-context.ts';

export const handler = httpHandler(updateEnterpriseRoute, ({ params, body, principal, headers }) => {
  const { version, ...changes } = body;
  return updateEnterprise(
    registryContext(),
    principal,
    params.id,
    requiredVersion(version, headers),
    changes,
  );
});
