import { createHash, randomUUID } from 'node:crypto';
import { submitCaseRoute } from '../../shared/contracts/cases.ts';
import { submitCase } from '../../shared/domain/cases/submit-case.ts';
import { ConflictError, UnprocessableError, ValidationError } from '../../shared/domain/errors.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { httpHandler } from '../middleware/http.ts';
import { caseStore, caseView, clock } from './case-context.ts';

const store = caseStore();

/**
 * `Idempotency-Key` (optional, scoped to the caller): the key and a hash of the body are stored as a
 * side item in the same transaction as the case. A retry with the same key and body gets the same
 * case back; the same key with a different body is refused with 422.
 */
export const handler = httpHandler(submitCaseRoute, async ({ body, principal, headers }) => {
  const key = idempotencyKey(headers['idempotency-key']);
  const at = clock();
  if (key === undefined) {
    const { record, entry } = submitCase({ id: randomUUID(), principal, payload: body, at });
    await store.create(record, entry);
    return caseView(record, principal, at);
  }
  const side = { pk: `IDEMP#CASE#${principal.userId}#${key}`, sk: 'IDEMP' };
  const bodyHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const earlier = await replay(side, bodyHash, principal, at);
  if (earlier) return earlier;
  const { record, entry } = submitCase({ id: randomUUID(), principal, payload: body, at });
  try {
    await store.create(record, entry, {
      side: [{ ...side, mustNotExist: true, caseId: record.id, bodyHash, createdAt: at.toISOString() }],
    });
  } catch (error) {
    // Lost a race with a concurrent retry of the same key: answer as the winner did.
    const winner = error instanceof ConflictError ? await replay(side, bodyHash, principal, at) : undefined;
    if (winner) return winner;
    throw error;
  }
  return caseView(record, principal, at);
});

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
  return caseView(record, principal, at);
};
