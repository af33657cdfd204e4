import { randomUUID } from 'node:crypto';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { caseIndexKeys, caseSideWrites } from '../../shared/adapters/dynamodb/case-index.ts';
import { DynamoDeputyDirectory } from '../../shared/adapters/dynamodb/deputy-directory.ts';
import { tableName } from '../../shared/config/env.ts';
import { submitCaseRoute } from '../../shared/contracts/cases.ts';
import { possibleDuplicates } from '../../shared/domain/cases/case-listing.ts';
import { canViewCase } from '../../shared/domain/cases/case-permissions.ts';
import type { CaseRecord } from '../../shared/domain/cases/case-record.ts';
import { submitCase } from '../../shared/domain/cases/submit-case.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { countBusiness } from '../../shared/observability/metrics.ts';
import { citeMedia } from '../media/media-citations.ts';
import { httpHandler } from '../middleware/http.ts';
import { createIdempotently } from '../middleware/idempotent-create.ts';
import { caseStore, caseView, clock, nearbyOpenCases } from './case-context.ts';

const store = caseStore();
const deputies = new DynamoDeputyDirectory(getDocumentClient(), tableName('registry'));

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
    getSide: (pk, sk) => store.getSide(pk, sk),
    load: async (caseId) => {
      const record = await store.get(caseId);
      return record ? createdView(record, principal, at, await nearbyOpenCases(store, record)) : undefined;
    },
    create: async (side) => {
      const reporterName = body.showReporterName ? await displayNameOf(principal) : undefined;
      const submitted = submitCase({
        id,
        principal,
        payload: body,
        at,
        ...(reporterName === undefined ? {} : { reporterName }),
      });
      const claims = await citeMedia(principal, submitted.record.mediaIds, '/body/mediaIds', {
        kind: 'case',
        id,
        part: 'report',
        seq: submitted.entry.seq,
        by: principal.userId,
        at: submitted.record.submittedAt,
      });
      // Found before the write, so the staff who accept it see the same candidates (case-duplicates.ts).
      const nearby = await nearbyOpenCases(store, submitted.record);
      const found = possibleDuplicates(submitted.record, nearby);
      const record =
        found.length === 0 ? submitted.record : { ...submitted.record, possibleDuplicates: found };
      await store.create(record, submitted.entry, {
        index: caseIndexKeys(record),
        side: [...(side ? [side] : []), ...caseSideWrites(undefined, record)],
        claims,
      });
      countBusiness('casesOpened');
      return createdView(record, principal, at, nearby);
    },
  });
});

/**
 * The name other deputies may see when the reporter allows it: the token's name claim, else the
 * deputy directory's; none (nothing shown) when neither knows one — never the login name.
 */
const displayNameOf = async (principal: Principal): Promise<string | undefined> =>
  principal.displayName ?? (await deputies.getDeputy(principal.userId))?.name;

/**
 * The new case with the open cases of its category within 50 m, for the reporter: only cases the
 * caller may see are named; staff find the rest with `GET /cases?near=…&category=…`, and the staff
 * who accept cases see every candidate on `GET /cases/{id}`.
 */
const createdView = (record: CaseRecord, principal: Principal, at: Date, nearby: CaseRecord[]) => {
  const visible = nearby.filter((candidate) => canViewCase(principal, candidate));
  return { ...caseView(record, principal, at), possibleDuplicates: possibleDuplicates(record, visible) };
};
