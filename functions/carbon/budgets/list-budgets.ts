import { listBudgetsRoute } from '../../../shared/contracts/carbon/budgets.ts';
import { ValidationError } from '../../../shared/domain/errors.ts';
import { httpHandler } from '../../middleware/http.ts';
import { carbonStore } from '../emissions/emissions-context.ts';

const store = carbonStore();

export const handler = httpHandler(listBudgetsRoute, async ({ query }) => {
  if (query.id !== undefined && query.level === undefined)
    throw new ValidationError('按编号查询时须指明层级 (id needs a level)', [
      { path: '/query/level', message: '给出 id 时必填 (required with id)' },
    ]);
  const items = await store.budgets.listBudgets({
    ...(query.level === undefined ? {} : { level: query.level }),
    ...(query.id === undefined ? {} : { targetId: query.id }),
  });
  return { items: query.metric === undefined ? items : items.filter((b) => b.metric === query.metric) };
});
