import { loadMeter } from '../../shared/application/registry/meter-commands.ts';
import { listMeterAuditRoute } from '../../shared/contracts/meters.ts';
import { httpHandler } from '../middleware/http.ts';
import { registryContext } from './registry-context.ts';

export const handler = httpHandler(listMeterAuditRoute, async ({ params, query }) => {
  const ctx = registryContext();
  await loadMeter(ctx, params.id);
  return ctx.writer.listAudit(
    { type: 'meter', id: params.id },
    { limit: query.limit, ...(query.cursor === undefined ? {} : { cursor: query.cursor }) },
  );
});
