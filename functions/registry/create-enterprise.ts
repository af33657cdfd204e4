import { createEnterprise } from '../../shared/application/registry/enterprise-commands.ts';
import { createEnterpriseRoute } from '../../shared/contracts/enterprises.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(createEnterpriseRoute, ({ body, principal }) =>
  createEnterprise(registryContext(), principal, body),
);
