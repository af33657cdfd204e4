import { ValidationError } from '../../domain/errors.ts';

/** Pagination cursors are DynamoDB's LastEvaluatedKey, base64url-encoded JSON: opaque to clients. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key === undefined ? undefined : Buffer.from(JSON.stringify(key)).toString('base64url');

export const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof key === 'object' && key !== null && !Array.isArray(key)) return key as Record<string, unknown>;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('invalid cursor', [{ path: '/cursor', message: 'not a cursor this API issued' }]);
};
