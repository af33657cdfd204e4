import { CaseCommentSchema, listCaseCommentsRoute } from '../../shared/contracts/case-comments.ts';
import { caseAudienceOf, commentForAudience } from '../../shared/domain/cases/case-privacy.ts';
import { httpHandler } from '../middleware/http.ts';
import { caseStore, loadVisibleCase } from './case-context.ts';

const store = caseStore();

/** Other deputies reading a public case see no author ids but their own (case-privacy.ts). */
export const handler = httpHandler(listCaseCommentsRoute, async ({ params, query, principal }) => {
  const record = await loadVisibleCase(store, params.id, principal);
  const audience = caseAudienceOf(principal, record);
  const page = await store.comments(params.id, {
    limit: query.limit,
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  });
  return {
    // Only the comment's own fields leave the API (not the table's keys).
    items: page.items.map((item) =>
      commentForAudience(
        CaseCommentSchema.required({ authorId: true }).parse(item),
        record,
        audience,
        principal,
      ),
    ),
    ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
  };
});
