import { randomUUID } from 'node:crypto';
import {
  caseIndexKeys,
  caseSideWrites,
  nearbyOpenCasePartitions,
} from '../../shared/adapters/dynamodb/case-index.ts';
import { submitCaseRoute } from '../../shared/contracts/cases.ts';
import { possibleDuplicates } from '../../shared/domain/cases/case-listing.ts';
import { canViewCase } from '../../shared/domain/cases/case-permissions.ts';
import type { CaseRecord } from '../../shared/domain/cases/case-record.ts';
import { submitCase } from '../../shared/domain/cases/submit-case.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { httpHandler } from '../middleware/http.ts';
import { createIdempotently } from '../middleware/idempotent-create.ts';
import { caseStore, caseView, clock } from './case-context.ts';
import { requireCaseMedia } from './case-media.ts';

const store = caseStore();

/**
 * `Idempotency-Key` (optional, scoped to the caller): the same key and body return the same case,
 * the same key with another body is 422 (functions/middleware/idempotent-create.ts).
 */
export const handler = httpHandler(submitCaseRoute, async ({ body, principal, headers }) => {
  await requireCaseMedia(principal, body.mediaIds, 'report', '/mediaIds');
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
      return record ? createdView(record, principal, at) : undefined;
    },
    create: async (side) => {
      const { record, entry } = submitCase({ id, principal, payload: body, at });
      await store.create(record, entry, {
        index: caseIndexKeys(record),
        side: [...(side ? [side] : []), ...caseSideWrites(undefined, record)],
      });
      return createdView(record, principal, at);
    },
  });
});

/**
 * The new case with the open cases of its category within 50 m: the nine geohash cells around it
 * hold every candidate (a precision-7 cell is wider than 50 m), haversine decides. Only cases the
 * caller may see are named; staff find the rest with `GET /cases?near=…&category=…`.
 */
const createdView = async (record: CaseRecord, principal: Principal, at: Date) => {
  const candidates: CaseRecord[] = [];
  if (record.location) {
    for (const partition of nearbyOpenCasePartitions(record.categoryId, record.location)) {
      let cursor: string | undefined;
      do {
        const page = await store.list({
          index: 'gsi2',
          partition,
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        candidates.push(...page.items);
        cursor = page.cursor;
      } while (cursor !== undefined);
    }
  }
  const visible = candidates.filter((candidate) => canViewCase(principal, candidate));
  return { ...caseView(record, principal, at), possibleDuplicates: possibleDuplicates(record, visible) };
};
