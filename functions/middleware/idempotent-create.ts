import { createHash } from 'node:crypto';
import { ConflictError, UnprocessableError, ValidationError } from '../../shared/domain/errors.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import type { CreationMark } from '../../shared/ports/workflow-store.ts';

/**
 * `Idempotency-Key` for create requests (optional, scoped to the caller and the kind of record): the
 * key and a hash of the body are stored as a creation mark with the new record, in the same write. A
 * retry with the same key and body gets the same record back; the same key with a different body is
 * refused with 422. Same contract as `POST /cases` (functions/cases/submit-case.ts).
 */
export interface IdempotentCreate<T> {
  /** Names the kind in the mark's key, e.g. `SUGGESTION`. */
  scope: string;
  principal: Principal;
  /** The raw header value, if any. */
  header: string | undefined;
  body: unknown;
  /** Creates the record with `mark` (when given) in the same write; returns its view. */
  create: (mark: CreationMark | undefined) => Promise<T>;
  /** Reads the mark written by an earlier create (WorkflowStore.findMark). */
  findMark: (kind: 'idempotency', key: string) => Promise<CreationMark | undefined>;
  /** The view of an already created record, or undefined when it cannot be read yet. */
  load: (id: string) => Promise<T | undefined>;
  /** The id the next create will use (the mark points at it). */
  nextId: string;
  /** From the injected clock. */
  at: Date;
}

export const createIdempotently = async <T>(request: IdempotentCreate<T>): Promise<T> => {
  const key = idempotencyKey(request.header);
  if (key === undefined) return request.create(undefined);
  const markKey = `${request.scope}#${request.principal.userId}#${key}`;
  const bodyHash = createHash('sha256').update(JSON.stringify(request.body)).digest('hex');
  const earlier = await replay(request, markKey, bodyHash);
  if (earlier !== undefined) return earlier;
  try {
    return await request.create({
      kind: 'idempotency',
      key: markKey,
      recordId: request.nextId,
      bodyHash,
      createdAt: request.at.toISOString(),
    });
  } catch (error) {
    // Lost a race with a concurrent retry of the same key: answer as the winner did. The loser may
    // also have found the winner's effects before its own write (a file the winner attached: 422).
    const lostRace = error instanceof ConflictError || error instanceof UnprocessableError;
    const winner = lostRace ? await replay(request, markKey, bodyHash) : undefined;
    if (winner !== undefined) return winner;
    throw error;
  }
};

/** Headers are named in lower case under `/header`, as body fields are under `/body`. */
const IDEMPOTENCY_KEY_PATH = '/header/idempotency-key';

const idempotencyKey = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined;
  const key = header.trim();
  if (key.length === 0 || key.length > 200) {
    throw new ValidationError('幂等键无效 (invalid Idempotency-Key)', [
      { path: IDEMPOTENCY_KEY_PATH, message: '应为 1–200 个字符 (1–200 characters)' },
    ]);
  }
  return key;
};

const replay = async <T>(
  request: IdempotentCreate<T>,
  markKey: string,
  bodyHash: string,
): Promise<T | undefined> => {
  const stored = await request.findMark('idempotency', markKey);
  if (!stored) return undefined;
  if (stored.bodyHash !== bodyHash) {
    const message = '此幂等键已用于不同的请求内容 (Idempotency-Key reused with a different body)';
    throw new UnprocessableError(message, [{ path: IDEMPOTENCY_KEY_PATH, message }]);
  }
  const view = await request.load(String(stored.recordId));
  if (view === undefined)
    throw new ConflictError(
      '此幂等键对应的记录暂不可读，请稍后重试 (the record for this Idempotency-Key is not readable yet)',
    );
  return view;
};
