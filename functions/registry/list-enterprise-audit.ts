import { loadEnterprise } from '../../shared/application/registry/enterprise-commands.ts';
import { listEnterpriseAuditRoute } from '../../shared/contracts/enterprises.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(listEnterpriseAuditRoute, async ({ params, query }) => {
  const ctx = registryContext();
  await loadEnterprise(ctx, params.id);
  return ctx.writer.listAudit(
    { type: 'enterprise', id: params.id },
    { limit: query.limit, ...(query.cursor === undefined ? {} : { cursor: query.cursor }) },
  );
});
