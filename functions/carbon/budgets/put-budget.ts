import { systemClock } from '../../../shared/config/clock.ts';
import { putBudgetRoute } from '../../../shared/contracts/carbon/budgets.ts';
import { httpHandler } from '../../middleware/http.ts';
import { expectedVersion } from '../../middleware/if-match.ts';
import { carbonStore, registryReader, resolveTarget } from '../emissions/emissions-context.ts';

const store = carbonStore();
const registry = registryReader();

/**
 * Creates or replaces one budget. Without a version (body `version` or `If-Match`) it only creates (409 when one exists); with the
 * version the caller read it replaces that version (409 when someone else changed it first).
 * An enterprise must be registered (404 otherwise); the city's id is `city`.
 */
export const handler = httpHandler(putBudgetRoute, async ({ params, body, principal, headers }) => {
  const target = await resolveTarget(registry, params.level, params.id, '/path/id');
  return store.budgets.putBudget(
    {
      level: params.level,
      targetId: target.id,
      period: params.period,
      metric: body.metric,
      limitTonnes: body.limitTonnes,
      warningRatio: body.warningRatio,
      updatedAt: systemClock().toISOString(),
      updatedBy: principal.userId,
    },
    expectedVersion(body.version, headers['if-match']),
  );
});
