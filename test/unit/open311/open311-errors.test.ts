import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../../shared/domain/errors.ts';
import { RateLimitedError } from '../../../shared/domain/open311/api-keys.ts';
import { open311Failure } from '../../../shared/domain/open311/open311-errors.ts';

describe('errors as GeoReport v2 answers them', () => {
  it('keeps 400, 403 and 404, one error per failing parameter', () => {
    const invalid = new ValidationError('invalid', [
      { path: '/body/lat', message: 'lat 与 long 须同时提供' },
      { path: '/query/status', message: 'bad' },
    ]);
    expect(open311Failure(invalid)).toEqual({
      status: 400,
      errors: [
        { code: 400, description: 'lat: lat 与 long 须同时提供' },
        { code: 400, description: 'status: bad' },
      ],
    });
    expect(open311Failure(new ForbiddenError('bad key'))).toEqual({
      status: 403,
      errors: [{ code: 403, description: 'bad key' }],
    });
    expect(open311Failure(new NotFoundError('gone')).status).toBe(404);
  });

  it('answers other refusals with 400 and keeps the precise code in the body', () => {
    expect(open311Failure(new UnsupportedMediaTypeError('form please'))).toEqual({
      status: 400,
      errors: [{ code: 415, description: 'form please' }],
    });
    expect(open311Failure(new ConflictError('race')).errors[0]?.code).toBe(409);
  });

  it('answers a key over its limit with 429 and when to retry', () => {
    expect(open311Failure(new RateLimitedError('slow down', 7))).toEqual({
      status: 429,
      errors: [{ code: 429, description: 'slow down' }],
      retryAfterSeconds: 7,
    });
  });

  it('answers our own faults with 500 and says nothing about them', () => {
    const failure = open311Failure(new Error('table qingshan-prod-workflow not found'));
    expect(failure.status).toBe(500);
    expect(JSON.stringify(failure)).not.toContain('qingshan');
  });
});
