import { describe, expect, it } from 'vitest';
import * as z from 'zod';
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
    expect(problem.errors).toEqual([{ path: '/body/sizeBytes', message: '无效输入 (must be positive)' }]);
  });

  it('lists the failing fields of an unprocessable request (e.g. a range too long)', () => {
    const error = new UnprocessableError('too long', [{ path: '/query/to', message: 'more than 744 hours' }]);

    const problem = toProblem(error);

    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([{ path: '/query/to', message: '无法处理 (more than 744 hours)' }]);
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

describe('validation messages people read', () => {
  const messagesOf = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? [] : fieldErrorsFromZod(result.error, '/body').map((error) => error.message);
  };

  it('are zh-CN first with zod’s English beside, for a missing field and a wrong type', () => {
    const schema = z.object({ title: z.string(), count: z.number() });
    expect(messagesOf(schema, { count: 'x' })).toEqual([
      '应为字符串，实际未提供 (Invalid input: expected string, received undefined)',
      '应为数字，实际为字符串 (Invalid input: expected number, received string)',
    ]);
  });

  it.each([
    ['an empty string', z.string().min(1), '', /^不能为空 \(Too small/],
    ['a long string', z.string().max(3), 'abcd', /^最多 3 个字符 \(Too big/],
    ['a number below its minimum', z.number().int().min(1), 0, /^应不小于 1 \(Too small/],
    ['a number not positive', z.number().positive(), 0, /^应大于 0 \(Too small/],
    ['a long list', z.array(z.string()).max(1), ['a', 'b'], /^最多 1 项 \(Too big/],
    ['an unknown option', z.enum(['noise', 'dust']), 'rain', /^应为以下之一：noise、dust \(Invalid option/],
    ['a bad date', z.iso.date(), '2026-13-45', /^无效ISO日期 \(Invalid ISO date/],
    ['an unknown key', z.strictObject({}), { extra: 1 }, /^不允许的字段：extra \(Unrecognized key/],
  ])('reads %s in Chinese', (_label, schema, value, expected) => {
    expect(messagesOf(schema, value)[0]).toMatch(expected);
  });

  it('keeps a message the schema wrote itself, after a zh-CN lead when it has none', () => {
    const range = z.object({ from: z.string(), to: z.string() }).refine((q) => q.from <= q.to, {
      path: ['to'],
      message: 'must not be before from',
    });
    expect(messagesOf(range, { from: 'b', to: 'a' })).toEqual(['无效输入 (must not be before from)']);
    expect(
      messagesOf(
        z.string().refine(() => false, '须为工作日'),
        'x',
      ),
    ).toEqual(['须为工作日']);
  });

  it('escapes / and ~ in keys, so every path is a JSON pointer under its part', () => {
    const result = z.record(z.string(), z.number()).safeParse({ 'a/b~c': 'x' });
    expect(result.success ? [] : fieldErrorsFromZod(result.error, '/query').map((e) => e.path)).toEqual([
      '/query/a~1b~0c',
    ]);
  });
});
