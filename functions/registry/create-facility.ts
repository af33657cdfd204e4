import { createFacility } from '../../shared/application/registry/enterprise-commands.ts';
import { createFacilityRoute } from '../../shared/contracts/enterprises.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(createFacilityRoute, ({ params, body, principal }) =>
  createFacility(registryContext(), principal, params.id, body),
);
