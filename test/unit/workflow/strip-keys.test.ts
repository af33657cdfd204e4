import { describe, expect, it } from 'vitest';
import { KEY_ATTRIBUTES, stripKeys } from '../../../shared/adapters/dynamodb/workflow-layout.ts';

/** The one-pass copy (workflow-layout.ts) must hand back what the entries-filter copy did. */
const reference = (item: Record<string, unknown>, also: ReadonlySet<string> = new Set()) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name) && !also.has(name)));

describe('stripKeys', () => {
  const item = {
    pk: 'SUGGESTION#s-1',
    sk: 'REL#DEPUTY#u-1',
    gsi1pk: 'SUGGESTIONS#DEPUTY#u-1',
    gsi1sk: '2026-12-07T10:00:00.000Z#s-1',
    suggestionId: 's-1',
    listed: true,
    id: 's-1',
    state: 'assigned',
    version: 3,
    signatories: ['u-1', 'u-2'],
    assignment: { leadUnitId: 'dept-ecology', coUnitIds: [] },
    optional: undefined,
  };

  it('drops the key attributes and the names asked for, keeping every other one in order', () => {
    const also = new Set(['suggestionId', 'listed']);
    const stripped = stripKeys<Record<string, unknown>>(item, also);
    expect(Object.keys(stripped)).toEqual(Object.keys(reference(item, also)));
    expect(stripped).toStrictEqual(reference(item, also));
    expect(stripKeys<Record<string, unknown>>(item)).toStrictEqual(reference(item));
    expect(stripped.assignment).toBe(item.assignment);
  });

  it('keeps an attribute named __proto__ as data, not as the prototype', () => {
    const odd = JSON.parse('{"pk":"X","__proto__":{"polluted":true},"id":"s-2"}') as Record<string, unknown>;
    const stripped = stripKeys<Record<string, unknown>>(odd);
    expect(Object.getPrototypeOf(stripped)).toBe(Object.prototype);
    expect(Object.keys(stripped)).toEqual(['__proto__', 'id']);
    expect(stripped).toStrictEqual(reference(odd));
    expect((stripped as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
