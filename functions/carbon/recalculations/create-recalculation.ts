import { randomUUID } from 'node:crypto';
import { systemClock } from '../../../shared/config/clock.ts';
import { timeZone } from '../../../shared/config/env.ts';
import { createRecalculationRoute } from '../../../shared/contracts/carbon/recalculations.ts';
import {
  assertNoOpenRecalculation,
  newRecalculation,
  recalculationView,
} from '../../../shared/domain/carbon/rollups/recalculation-requests.ts';
import { httpHandler } from '../../middleware/http.ts';
import { registryReader, resolveTarget } from '../emissions/emissions-context.ts';
import { recalculationStore } from './recalculation-context.ts';

const store = recalculationStore();
const registry = registryReader();

/**
 * Admins only (route roles): queues the recalculation of one month of an enterprise (404 if the
 * registry does not know it) or of the city; 409 while one of the same scope and month is open.
 * The `recalculate` job runs it; GET /recalculations/{id} follows it.
 */
export const handler = httpHandler(createRecalculationRoute, async ({ body, principal }) => {
  const target = await resolveTarget(registry, body.level, body.id, '/body/id');
  const scope = { level: body.level, id: target.id };
  assertNoOpenRecalculation(await store.listRecent(50), scope, body.period);
  const now = systemClock();
  const record = newRecalculation(
    {
      scope,
      period: body.period,
      reason: body.reason,
      accounting: body.accounting,
      requestedBy: principal.userId,
    },
    `recalc-${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`,
    now,
    timeZone(),
  );
  await store.create(record);
  return recalculationView(record, [], undefined);
});
