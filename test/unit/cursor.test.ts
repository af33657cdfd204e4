import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type StartKeyShape } from '../../shared/adapters/dynamodb/cursor.ts';
import { ValidationError } from '../../shared/domain/errors.ts';

const SHAPE: StartKeyShape = {
  pk: 'any',
  sk: 'any',
  gsi1pk: { equals: 'CASES#ALL' },
  gsi1sk: { between: ['2026-11-01', '2026-11-30#~'] },
};
const KEY = { pk: 'CASE#c1', sk: 'RECORD', gsi1pk: 'CASES#ALL', gsi1sk: '2026-11-28T01:00:00Z#c1' };

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('decodeCursor', () => {
  it('gives back the key it encoded, and nothing for no cursor', () => {
    expect(decodeCursor(encodeCursor(KEY), SHAPE)).toEqual(KEY);
    expect(decodeCursor(undefined, SHAPE)).toBeUndefined();
    expect(decodeCursor('', SHAPE)).toBeUndefined();
  });

  it.each([
    ['another partition', { ...KEY, gsi1pk: 'CASES#DEPT#x' }],
    ['a sort key before the range', { ...KEY, gsi1sk: '2026-10-31T23:00:00Z#c1' }],
    ['a sort key after the range', { ...KEY, gsi1sk: '2026-12-01T00:00:00Z#c1' }],
    ['a missing attribute', { pk: KEY.pk, sk: KEY.sk, gsi1pk: KEY.gsi1pk }],
    ['an extra attribute', { ...KEY, admin: 'yes' }],
    ['a number', { ...KEY, sk: 7 }],
    ['an empty string', { ...KEY, pk: '' }],
    ['a key over 1024 bytes', { ...KEY, pk: '键'.repeat(342) }],
    ['a prototype key', JSON.parse('{"__proto__":"x","pk":"a","sk":"b","gsi1pk":"CASES#ALL"}')],
  ])('refuses %s with a 400 naming /query/cursor, zh-CN first', (_label, key) => {
    const error = refusal(() => decodeCursor(encodeCursor(key as Record<string, unknown>), SHAPE));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([
      { path: '/query/cursor', message: expect.stringMatching(/^不是本列表/) },
    ]);
  });

  it('refuses what is not base64url JSON of an object, and cursors longer than any it issues', () => {
    for (const cursor of [
      'not base64!',
      'W10',
      'bnVsbA',
      Buffer.from('{').toString('base64url'),
      'a'.repeat(5000),
    ]) {
      expect(refusal(() => decodeCursor(cursor, SHAPE))).toBeInstanceOf(ValidationError);
    }
  });

  it('compares sort keys as DynamoDB does, by UTF-8 bytes', () => {
    // U+FF5E sorts before U+1F600 in UTF-8 but after it in UTF-16 code units.
    const shape: StartKeyShape = { pk: { equals: 'p' }, sk: { atLeast: 'a\uff5e' } };
    expect(decodeCursor(encodeCursor({ pk: 'p', sk: 'a\u{1f600}' }), shape)).toBeDefined();
  });
});
