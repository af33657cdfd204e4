import { getRecalculationRoute } from '../../../shared/contracts/carbon/recalculations.ts';
import { NotFoundError } from '../../../shared/domain/errors.ts';
import { httpHandler } from '../../middleware/http.ts';
import { jobRuns, recalculationStore, viewOf } from './recalculation-context.ts';

const deps = { store: recalculationStore(), runs: jobRuns() };

/** Admins only (route roles): a recalculation's progress, before, after and difference, per meter. */
export const handler = httpHandler(getRecalculationRoute, async ({ params }) => {
  const view = await viewOf(deps, params.id);
  if (view === undefined) throw new NotFoundError(`重算不存在 (recalculation ${params.id} not found)`);
  return view;
});
