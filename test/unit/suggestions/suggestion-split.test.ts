import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/errors.ts';
import {
  allowedSuggestionActions,
  applySuggestionTransition,
} from '../../../shared/domain/suggestions/suggestion-machine.ts';
import { partsOfSplit } from '../../../shared/domain/suggestions/suggestion-split.ts';
import { computeSuggestionStatistics } from '../../../shared/domain/suggestions/suggestion-statistics.ts';
import { CO, env, filed, LEAD, OTHER, people, story } from './suggestion-fixtures.ts';

/** Accepted on Monday 2026-03-02, then split on Tuesday 2026-03-03 10:00 Shanghai. */
const SPLIT_AT = '2026-03-03T02:00:00Z';
const split = () => {
  const s = story(filed());
  s.step('accept', people.supervisor, '2026-03-02T02:00:00Z');
  s.step('assignSeparately', people.supervisor, SPLIT_AT, {
    parts: [
      { leadUnitId: LEAD, coUnitIds: [OTHER] },
      { leadUnitId: CO, coUnitIds: [] },
    ],
  });
  return s;
};

describe('assigning a suggestion to several units separately (分别交办)', () => {
  it('moves the suggestion to split and names one part per unit', () => {
    const s = split();
    expect(s.current()).toMatchObject({
      state: 'split',
      parts: [
        { id: 'sug-1.1', leadUnitId: LEAD, coUnitIds: [OTHER] },
        { id: 'sug-1.2', leadUnitId: CO, coUnitIds: [] },
      ],
    });
    // Nothing more happens on the split suggestion itself; the parts carry the work.
    expect(
      allowedSuggestionActions(people.supervisor, s.current(), { at: new Date('2026-03-10T02:00:00Z'), env }),
    ).toEqual([]);
  });

  it('creates each part assigned, with its own 3-month reply due and its own handling', () => {
    const parent = split().current();
    const parts = partsOfSplit(
      parent,
      { userId: people.supervisor.userId, role: 'supervisor' },
      new Date(SPLIT_AT),
      env,
    );
    expect(parts.map(({ record }) => [record.id, record.state, record.assignment?.leadUnitId])).toEqual([
      ['sug-1.1', 'assigned', LEAD],
      ['sug-1.2', 'assigned', CO],
    ]);
    // Split on local 2026-03-03: reply due 2026-06-03; the co-opinion period only where there are co-units.
    expect(parts[0]?.record).toMatchObject({
      replyDue: '2026-06-03',
      coOpinionDue: '2026-04-03',
      version: 1,
    });
    expect(parts[1]?.record.coOpinionDue).toBeUndefined();
    expect(parts[0]?.record.coSignerIds).toEqual([people.coSigner.userId]);
    expect(parts[0]?.entry).toMatchObject({ seq: 1, from: null, to: 'assigned', action: 'assignSeparately' });

    // The water bureau's head replies for its own part; the ecology head may not reply for it.
    const waterPart = parts[1]?.record;
    if (!waterPart) throw new Error('no second part');
    const request = {
      action: 'reply',
      payload: { class: 'A', text: '已完成' },
      at: new Date('2026-04-01T02:00:00Z'),
    };
    expect(() =>
      applySuggestionTransition(waterPart, { ...request, principal: people.leadHead }, env),
    ).toThrow(/not permitted/);
    const replied = applySuggestionTransition(waterPart, { ...request, principal: people.coHead }, env);
    expect(replied.record.state).toBe('replied');
  });

  it('refuses a unit named for two parts, and a single part', () => {
    const s = story(filed());
    s.step('accept', people.supervisor, '2026-03-02T02:00:00Z');
    const twice = s.attempt('assignSeparately', people.supervisor, SPLIT_AT, {
      parts: [
        { leadUnitId: LEAD, coUnitIds: [] },
        { leadUnitId: LEAD, coUnitIds: [CO] },
      ],
    });
    expect(twice).toBeInstanceOf(ValidationError);
    const single = s.attempt('assignSeparately', people.supervisor, SPLIT_AT, {
      parts: [{ leadUnitId: LEAD, coUnitIds: [] }],
    });
    expect((single as ValidationError).errors[0]?.path).toBe('/parts');
  });

  it('counts the parts, not the split suggestion, in the statistics', () => {
    const parent = split().current();
    const parts = partsOfSplit(parent, { userId: 'u', role: 'supervisor' }, new Date(SPLIT_AT), env);
    const stats = computeSuggestionStatistics([parent, ...parts.map((p) => p.record)]);
    // Two parts, one per unit; the container adds nothing.
    expect(stats.overall.count).toBe(2);
    expect(stats.units.map((u) => [u.unitId, u.count])).toEqual([
      [LEAD, 1],
      [CO, 1],
    ]);
  });
});
