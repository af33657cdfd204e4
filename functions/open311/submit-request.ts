import { randomUUID } from 'node:crypto';
import { clientReporterId } from '../../shared/domain/cases/case-client.ts';
import { possibleDuplicates } from '../../shared/domain/cases/case-listing.ts';
import type { CaseRecord } from '../../shared/domain/cases/case-record.ts';
import { submitCase } from '../../shared/domain/cases/submit-case.ts';
import { serviceNotice } from '../../shared/domain/open311/open311-request-view.ts';
import { parseSubmission } from '../../shared/domain/open311/open311-submission.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { countBusiness } from '../../shared/observability/metrics.ts';
import { caseStore, clock, nearbyOpenCases } from '../cases/case-context.ts';
import { createIdempotently } from '../middleware/idempotent-create.ts';
import { open311Handler } from '../middleware/open311.ts';
import { authenticateClient } from './client-auth.ts';

const store = caseStore();

/**
 * POST requests (GeoReport v2): the key's client reports a public case. Order of answers: the form
 * itself (400), the key (403), its rate limit (429), the fields (400), the service (404). An
 * `Idempotency-Key` header makes a retry return the case the first attempt made.
 */
export const handler = open311Handler(async ({ form, headers }) => {
  const fields = form();
  const at = clock();
  const client = await authenticateClient(fields.get('api_key') ?? undefined, at);
  const parsed = parseSubmission(fields, { id: client.id, name: client.clientName });
  const principal: Principal = {
    userId: clientReporterId(client.id),
    username: client.clientName,
    roles: [],
  };
  const id = randomUUID();
  const created = (caseId: string, categoryId: string) => [
    {
      service_request_id: caseId,
      service_notice: serviceNotice(categoryId),
      ...(parsed.accountId === undefined ? {} : { account_id: parsed.accountId }),
    },
  ];
  const value = await createIdempotently({
    scope: 'OPEN311',
    principal,
    header: headers['idempotency-key'],
    body: Object.fromEntries([...fields].filter(([name]) => name !== 'api_key')),
    at,
    nextId: id,
    findMark: (kind, key) => store.findMark(kind, key),
    load: async (caseId) => {
      const record = await store.get(caseId);
      return record === undefined ? undefined : created(record.id, record.categoryId);
    },
    create: async (mark) => {
      const submitted = submitCase({
        id,
        principal,
        payload: parsed.payload,
        at,
        viaClient: parsed.viaClient,
      });
      const record = await withPossibleDuplicates(submitted.record);
      await store.create({ record, entry: submitted.entry }, mark === undefined ? {} : { mark });
      countBusiness('casesOpened');
      return created(record.id, record.categoryId);
    },
  });
  return { status: 201, root: 'service_requests', value };
});

/** The open cases of the category within 50 m, for the staff who accept it (as POST /cases keeps them). */
const withPossibleDuplicates = async (record: CaseRecord): Promise<CaseRecord> => {
  const found = possibleDuplicates(record, await nearbyOpenCases(store, record));
  return found.length === 0 ? record : { ...record, possibleDuplicates: found };
};
