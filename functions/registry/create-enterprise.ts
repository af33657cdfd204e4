import { createEnterpriseRoute } from '../../shared/contracts/enterprises.ts';
import { httpHandler } from '../middleware/http.ts';
import { createEnterprise } from './enterprise-commands.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(createEnterpriseRoute, ({ body, principal }) =>
  createEnterprise(registryContext(), principal, body),
);
