import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod, toProblem } from '../../functions/middleware/problem.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../shared/domain/errors.ts';

describe('toProblem', () => {
  it.each([
    [new UnauthorizedError('no token'), 401, 'unauthorized'],
    [new ForbiddenError('not yours'), 403, 'forbidden'],
    [new NotFoundError('no such case'), 404, 'not-found'],
    [new ConflictError('stale version'), 409, 'conflict'],
    [new PayloadTooLargeError('too big'), 413, 'payload-too-large'],
    [new UnsupportedMediaTypeError('not json'), 415, 'unsupported-media-type'],
    [new UnprocessableError('key reused'), 422, 'unprocessable'],
  ])('maps %s to its status and type', (error, status, code) => {
    // Act
    const problem = toProblem(error, '/cases/1');

    // Assess
    expect(problem.status).toBe(status);
    expect(problem.type).toMatch(new RegExp(`/${code}$`));
    expect(problem.detail).toBe(error.message);
    expect(problem.instance).toBe('/cases/1');
    expect(problem.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lists the failing fields of a validation error', () => {
    // Prepare
    const error = new ValidationError('bad', [{ path: '/body/sizeBytes', message: 'must be positive' }]);

    // Act
    const problem = toProblem(error);

    // Assess
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ path: '/body/sizeBytes', message: 'must be positive' }]);
  });

  it('lists the failing fields of an unprocessable request (e.g. a range too long)', () => {
    const error = new UnprocessableError('too long', [{ path: '/query/to', message: 'more than 744 hours' }]);

    const problem = toProblem(error);

    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([{ path: '/query/to', message: 'more than 744 hours' }]);
    expect(toProblem(new UnprocessableError('no fields'))).not.toHaveProperty('errors');
  });

  it('turns any other error into a 500 that reveals nothing', () => {
    // Prepare
    const error = new Error('connect ECONNREFUSED 10.0.0.5:5432 at Socket.internal (secret.js:12)');

    // Act
    const problem = toProblem(error);

    // Assess
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|secret\.js|Socket/);
  });
});

describe('fieldErrorsFromZod', () => {
  it('reports JSON-pointer paths under the given prefix', () => {
    // Prepare
    const schema = z.object({ readings: z.array(z.object({ quantity: z.number() })) });
    const result = schema.safeParse({ readings: [{ quantity: 1 }, { quantity: 'x' }] });

    // Act
    const errors = result.success ? [] : fieldErrorsFromZod(result.error, '/body');

    // Assess
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('/body/readings/1/quantity');
  });
});
