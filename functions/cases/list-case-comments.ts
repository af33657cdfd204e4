import { casePartitionKey } from '../../shared/adapters/dynamodb/case-index.ts';
import { CaseCommentSchema, listCaseCommentsRoute } from '../../shared/contracts/cases.ts';
import { httpHandler } from '../middleware/http.ts';
import { caseStore, loadVisibleCase } from './case-context.ts';

const store = caseStore();

export const handler = httpHandler(listCaseCommentsRoute, async ({ params, query, principal }) => {
  await loadVisibleCase(store, params.id, principal);
  const page = await store.listSide(casePartitionKey(params.id), 'COMMENT#', {
    limit: query.limit,
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  });
  return {
    // Only the comment's own fields leave the API (not the table's keys).
    items: page.items.map((item) => CaseCommentSchema.parse(item)),
    ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
  };
});
