import { randomUUID } from 'node:crypto';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDeputyDirectory } from '../../shared/adapters/dynamodb/deputy-directory.ts';
import { submitCase } from '../../shared/application/cases/submit-case.ts';
import { tableName } from '../../shared/config/env.ts';
import { submitCaseRoute } from '../../shared/contracts/cases.ts';
import { possibleDuplicates } from '../../shared/domain/cases/case-listing.ts';
import { canViewCase } from '../../shared/domain/cases/case-permissions.ts';
import type { CaseRecord } from '../../shared/domain/cases/case-record.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { countBusiness } from '../../shared/observability/metrics.ts';
import { citeMedia } from '../media/media-citations.ts';
import { httpHandler } from '../middleware/http.ts';
import { createIdempotently } from '../middleware/idempotent-create.ts';
import { caseStore, caseView, clock, nearbyOpenCases } from './case-context.ts';

const cases = caseStore();
const deputies = new DynamoDeputyDirectory(getDocumentClient(), tableName('registry'));

/**
 * The name other deputies may see when the reporter allows it: the token's name claim, else the
 * deputy directory's; none (nothing shown) when neither knows one — never the login name.
 */
const displayNameOf = async (principal: Principal): Promise<string | undefined> =>
  principal.displayName ?? (await deputies.getDeputy(principal.userId))?.name;

/**
 * `Idempotency-Key` (optional, scoped to the caller): the same key and body return the same case,
 * the same key with another body is 422 (functions/middleware/idempotent-create.ts). The photos are
 * checked and attached to the case in its creating transaction (a retry answers before that, as the
 * files are then attached to the case it created).
 */
export const handler = httpHandler(submitCaseRoute, async ({ body, principal, headers }) => {
  const at = clock();
  const id = randomUUID();
  return createIdempotently({
    scope: 'CASE',
    principal,
    header: headers['idempotency-key'],
    body,
    at,
    nextId: id,
    findMark: (kind, key) => cases.findMark(kind, key),
    load: async (caseId) => {
      const record = await cases.get(caseId);
      return record ? createdView(record, principal, at, await nearbyOpenCases(cases, record)) : undefined;
    },
    create: async (mark) => {
      const { record, nearby } = await submitCase(
        { cases, citeMedia, displayNameOf },
        {
          id,
          principal,
          payload: body,
          at,
          ...(body.showReporterName === undefined ? {} : { showReporterName: body.showReporterName }),
          ...(mark === undefined ? {} : { mark }),
        },
      );
      countBusiness('casesOpened');
      return createdView(record, principal, at, nearby);
    },
  });
});

/**
 * The new case with the open cases of its category within 50 m, for the reporter: only cases the
 * caller may see are named; staff find the rest with `GET /cases?near=…&category=…`, and the staff
 * who accept cases see every candidate on `GET /cases/{id}`.
 */
const createdView = (record: CaseRecord, principal: Principal, at: Date, nearby: CaseRecord[]) => {
  const visible = nearby.filter((candidate) => canViewCase(principal, candidate));
  return { ...caseView(record, principal, at), possibleDuplicates: possibleDuplicates(record, visible) };
};
