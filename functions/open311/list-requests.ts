import { timeZone } from '../../shared/config/env.ts';
import type { CaseRecord } from '../../shared/domain/cases/case-record.ts';
import { parseRequestQuery, type RequestQuery } from '../../shared/domain/open311/open311-query.ts';
import { isOpen311Visible, OPEN311_STATUS } from '../../shared/domain/open311/open311-request-view.ts';
import { AFTER_EVERY_ID } from '../../shared/domain/workflow/listing-position.ts';
import { caseStore, clock } from '../cases/case-context.ts';
import { open311Handler } from '../middleware/open311.ts';
import { serviceRequests } from './open311-context.ts';

const store = caseStore();

/** The spec's response volume: the first 1,000 requests of the range. */
const MAX_RESULTS = 1000;
/** Public cases read per call at most (a district's 90 days hold far fewer); bounds the work. */
const MAX_EXAMINED = 10_000;

/**
 * GET requests (GeoReport v2): public cases, newest first — the ones named by `service_request_id`
 * (unknown and private ids are left out, as absent), or those submitted within the range that
 * match `service_code` and `status`. Read from the public listing (`CASES#PUBLIC`), so private
 * cases are never even read.
 */
export const handler = open311Handler(async ({ query }) => {
  const now = clock();
  const parsed = parseRequestQuery(query, now, timeZone());
  const records = parsed.kind === 'ids' ? await byIds(parsed.ids) : await inRange(parsed);
  return { root: 'service_requests', value: await serviceRequests(records, now) };
});

const byIds = async (ids: string[]): Promise<CaseRecord[]> => {
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return found.filter((record): record is CaseRecord => record !== undefined && isOpen311Visible(record));
};

const inRange = async (query: Extract<RequestQuery, { kind: 'range' }>): Promise<CaseRecord[]> => {
  const matches = (record: CaseRecord) =>
    isOpen311Visible(record) &&
    (query.serviceCodes === undefined || query.serviceCodes.includes(record.categoryId)) &&
    (query.statuses === undefined || query.statuses.includes(OPEN311_STATUS[record.state]));
  const found: CaseRecord[] = [];
  let cursor: string | undefined;
  let examined = 0;
  do {
    const page = await store.list({
      source: { kind: 'public' },
      // Positions are `<submittedAt>#<id>`: AFTER_EVERY_ID makes `to` inclusive.
      between: [query.from.toISOString(), `${query.to.toISOString()}${AFTER_EVERY_ID}`],
      newestFirst: true,
      limit: 100,
      ...(cursor === undefined ? {} : { cursor }),
    });
    examined += page.items.length;
    found.push(...page.items.filter(matches));
    cursor = page.cursor;
  } while (cursor !== undefined && found.length < MAX_RESULTS && examined < MAX_EXAMINED);
  return found.slice(0, MAX_RESULTS);
};
