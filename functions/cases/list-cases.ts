import { listCasesRoute } from '../../shared/contracts/cases.ts';
import { type CaseListFilter, caseListSources, listsCase } from '../../shared/domain/cases/case-listing.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { httpHandler } from '../middleware/http.ts';
import { boundInstant, caseStore, caseView, clock } from './case-context.ts';
import { mergedCasePage } from './case-list-pager.ts';

const store = caseStore();

/**
 * `GET /cases`: the partitions that can hold what the caller may see (case-listing.ts) are merged
 * newest first; every filter and the visibility rule are applied here, per case, on the server.
 */
export const handler = httpHandler(listCasesRoute, async ({ query, principal }) => {
  const now = clock();
  const from = query.from === undefined ? undefined : boundInstant(query.from, false);
  const to = query.to === undefined ? undefined : boundInstant(query.to, true);
  if (from !== undefined && to !== undefined && from.getTime() >= to.getTime()) {
    throw new ValidationError('日期区间为空 (the date range is empty)', [
      { path: '/query/to', message: '须晚于 from (must be after from)' },
    ]);
  }
  const [latitude, longitude] = query.near?.split(',').map(Number) ?? [];
  const filter = definedOnly<CaseListFilter>({
    state: query.state,
    categoryId: query.category,
    departmentId: query.department,
    overdue: query.overdue,
    reporterId: query.reporter,
    from,
    to,
    near: latitude === undefined || longitude === undefined ? undefined : { latitude, longitude },
    radiusMeters: query.radius,
  });
  const page = await mergedCasePage({
    list: (q) => store.list(q),
    sources: caseListSources(principal, filter),
    ...definedOnly({ from: from?.toISOString(), to: to?.toISOString(), cursor: query.cursor }),
    limit: query.limit,
    keep: (record) => listsCase(principal, record, filter, now),
  });
  return {
    items: page.items.map((record) => caseView(record, principal, now)),
    ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
  };
});

/** Drops the keys whose value is undefined (the types use exact optional properties). */
const definedOnly = <T extends object>(value: { [K in keyof T]: T[K] | undefined }): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
