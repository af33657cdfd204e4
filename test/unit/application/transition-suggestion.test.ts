import { describe, expect, it } from 'vitest';
import { MemorySuggestionStore } from '../../../shared/adapters/memory/memory-suggestion-store.ts';
import { transitionSuggestion } from '../../../shared/application/suggestions/transition-suggestion.ts';
import { ConflictError, UnprocessableError } from '../../../shared/domain/errors.ts';
import { CO, env, filed, LEAD, people } from '../suggestions/suggestion-fixtures.ts';

const setup = async () => {
  const suggestions = new MemorySuggestionStore();
  const known = new Set([LEAD, CO]);
  const ports = {
    suggestions,
    citeMedia: async () => [],
    departmentExists: async (id: string) => known.has(id),
    env,
  };
  await suggestions.create(filed());
  const act = async (action: string, payload: unknown = {}, expectedVersion?: number) => {
    const loaded = await suggestions.get('sug-1');
    if (!loaded) throw new Error('no suggestion');
    return transitionSuggestion(ports, {
      loaded,
      action,
      principal: people.supervisor,
      payload,
      at: new Date('2026-03-03T02:00:00Z'),
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
  };
  return { suggestions, act };
};

describe('transitionSuggestion', () => {
  it('refuses units the registry does not know, as a case dispatch does: 422 naming the field', async () => {
    const { suggestions, act } = await setup();
    await act('accept');
    const refused = await act('assign', { leadUnitId: LEAD, coUnitIds: [CO, 'dept-nowhere'] }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(UnprocessableError);
    expect((refused as UnprocessableError).errors.map((e) => e.path)).toEqual(['/body/payload/coUnitIds/1']);
    expect((await suggestions.get('sug-1'))?.state).toBe('accepted');
    expect((await suggestions.list({ kind: 'unit', unitId: LEAD }, { limit: 5 })).items).toEqual([]);
  });

  it('checks the units of every part of a split', async () => {
    const { act } = await setup();
    await act('accept');
    const refused = await act('assignSeparately', {
      parts: [
        { leadUnitId: LEAD, coUnitIds: [] },
        { leadUnitId: 'dept-nowhere', coUnitIds: [] },
      ],
    }).catch((e: unknown) => e);
    expect((refused as UnprocessableError).errors.map((e) => e.path)).toEqual([
      '/body/payload/parts/1/leadUnitId',
    ]);
  });

  it('refuses a stale version (409), then lists the suggestion for its units once assigned', async () => {
    const { suggestions, act } = await setup();
    await expect(act('accept', {}, 0)).rejects.toBeInstanceOf(ConflictError);
    expect((await suggestions.get('sug-1'))?.state).toBe('submitted');
    await act('accept', {}, 1);
    await act('assign', { leadUnitId: LEAD, coUnitIds: [CO] });
    expect(
      (await suggestions.list({ kind: 'unit', unitId: CO }, { limit: 5 })).items.map((r) => r.id),
    ).toEqual(['sug-1']);
  });
});
