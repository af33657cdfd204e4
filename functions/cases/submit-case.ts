import { createHash, randomUUID } from 'node:crypto';
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
import { ConflictError, UnprocessableError, ValidationError } from '../../shared/domain/errors.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { httpHandler } from '../middleware/http.ts';
import { caseStore, caseView, clock } from './case-context.ts';
import { requireCaseMedia } from './case-media.ts';

const store = caseStore();

/**
 * `Idempotency-Key` (optional, scoped to the caller): the key and a hash of the body are stored as a
 * side item in the same transaction as the case. A retry with the same key and body gets the same
 * case back; the same key with a different body is refused with 422.
 */
export const handler = httpHandler(submitCaseRoute, async ({ body, principal, headers }) => {
  const key = idempotencyKey(headers['idempotency-key']);
  await requireCaseMedia(principal, body.mediaIds, 'report', '/mediaIds');
  const at = clock();
  if (key === undefined) {
    const { record, entry } = submitCase({ id: randomUUID(), principal, payload: body, at });
    await store.create(record, entry, {
      index: caseIndexKeys(record),
      side: caseSideWrites(undefined, record),
    });
    return createdView(record, principal, at);
  }
  const side = { pk: `IDEMP#CASE#${principal.userId}#${key}`, sk: 'IDEMP' };
  const bodyHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const earlier = await replay(side, bodyHash, principal, at);
  if (earlier) return earlier;
  const { record, entry } = submitCase({ id: randomUUID(), principal, payload: body, at });
  try {
    await store.create(record, entry, {
      index: caseIndexKeys(record),
      side: [
        { ...side, mustNotExist: true, caseId: record.id, bodyHash, createdAt: at.toISOString() },
        ...caseSideWrites(undefined, record),
      ],
    });
  } catch (error) {
    // Lost a race with a concurrent retry of the same key: answer as the winner did.
    const winner = error instanceof ConflictError ? await replay(side, bodyHash, principal, at) : undefined;
    if (winner) return winner;
    throw error;
  }
  return createdView(record, principal, at);
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

const idempotencyKey = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined;
  const key = header.trim();
  if (key.length === 0 || key.length > 200) {
    throw new ValidationError('invalid Idempotency-Key', [
      { path: '/headers/idempotency-key', message: '1–200 characters' },
    ]);
  }
  return key;
};

const replay = async (side: { pk: string; sk: string }, bodyHash: string, principal: Principal, at: Date) => {
  const stored = await store.getSide(side.pk, side.sk);
  if (!stored) return undefined;
  if (stored.bodyHash !== bodyHash) {
    throw new UnprocessableError(
      '此幂等键已用于不同的请求内容 (Idempotency-Key reused with a different body)',
    );
  }
  const record = await store.get(String(stored.caseId));
  if (!record) throw new ConflictError('the case for this Idempotency-Key is not readable yet');
  return createdView(record, principal, at);
};
