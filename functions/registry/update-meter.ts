import { updateMeter } from '../../shared/application/registry/meter-commands.ts';
import { updateMeterRoute } from '../../shared/contracts/meters.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext, requiredVersion } from './registry-context.ts';

export const handler = httpHandler(updateMeterRoute, ({ params, body, principal, headers }) => {
  const { version, ...changes } = body;
  return updateMeter(registryContext(), principal, params.id, requiredVersion(version, headers), changes);
});
