import { describe, expect, it } from 'vitest';
import { expectedVersion } from '../../functions/middleware/if-match.ts';

/** One If-Match rule for every writer: cases, suggestions, registry, budgets, calendar, preferences. */
describe('the version a writer read', () => {
  it.each([
    ['"3"', 3],
    ['3', 3],
    ['W/"3"', 3],
    [' "12" ', 12],
  ])('reads If-Match %s as version %d', (header, version) => {
    expect(expectedVersion(undefined, header)).toBe(version);
  });

  it.each(['*', '"a"', '"3", "4"', ''])('sets no expectation for If-Match %j', (header) => {
    expect(expectedVersion(undefined, header)).toBeUndefined();
  });

  it('takes the body’s version over the header', () => {
    expect(expectedVersion(5, '"3"')).toBe(5);
    expect(expectedVersion(undefined, undefined)).toBeUndefined();
  });
});
