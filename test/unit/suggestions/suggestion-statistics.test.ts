import { describe, expect, it } from 'vitest';
import {
  computeSuggestionStatistics,
  type SuggestionFacts,
} from '../../../shared/domain/suggestions/suggestion-statistics.ts';

const ECO = 'dept-ecology';
const WATER = 'dept-water';

/**
 * Five suggestions, worked by hand:
 * S1 eco, key supervision: reply A on time; d1 satisfied, d2 basically satisfied; closed.
 * S2 eco: reply B late, d1 unsatisfied → re-handled, second reply A on time, d1 satisfied; closed.
 * S3 water, key supervision: reply C on time; d3 unsatisfied → re-handling, no second reply yet.
 * S4 water, key supervision: assigned, no reply yet.
 * S5: filed, not yet assigned.
 */
const seeded: SuggestionFacts[] = [
  {
    state: 'closed',
    assignment: { leadUnitId: ECO },
    keySupervision: { leaderName: '张副主任', since: '2026-03-01T00:00:00Z' },
    replies: [{ class: 'A', round: 0, onTime: true }],
    ratings: [
      { deputyId: 'd1', rating: 'satisfied', round: 0 },
      { deputyId: 'd2', rating: 'basicallySatisfied', round: 0 },
    ],
    rehandlingCount: 0,
  },
  {
    state: 'closed',
    assignment: { leadUnitId: ECO },
    replies: [
      { class: 'B', round: 0, onTime: false },
      { class: 'A', round: 1, onTime: true },
    ],
    ratings: [
      { deputyId: 'd1', rating: 'unsatisfied', round: 0 },
      { deputyId: 'd1', rating: 'satisfied', round: 1 },
    ],
    rehandlingCount: 1,
  },
  {
    state: 'rehandling',
    assignment: { leadUnitId: WATER },
    keySupervision: { leaderName: '李副主任', since: '2026-03-01T00:00:00Z' },
    replies: [{ class: 'C', round: 0, onTime: true }],
    ratings: [{ deputyId: 'd3', rating: 'unsatisfied', round: 0 }],
    rehandlingCount: 1,
  },
  {
    state: 'assigned',
    assignment: { leadUnitId: WATER },
    keySupervision: { leaderName: '李副主任', since: '2026-03-01T00:00:00Z' },
    replies: [],
    ratings: [],
    rehandlingCount: 0,
  },
  { state: 'submitted', replies: [], ratings: [], rehandlingCount: 0 },
];

describe('suggestion statistics on a seeded set', () => {
  const stats = computeSuggestionStatistics(seeded);

  it('counts overall: replied on time by the first reply, latest class, latest rating per deputy', () => {
    expect(stats.overall).toEqual({
      count: 5,
      assigned: 4,
      // S1, S2, S3 have a first reply; S2's first reply was late → 2 of 3 on time.
      replied: 3,
      repliedOnTime: 2,
      onTimeRate: 2 / 3,
      // Latest replies: S1 A, S2 A (after re-handling), S3 C.
      byClass: { A: 2, B: 0, C: 1, D: 0 },
      // d1+d2 on S1, d1 (round 1 only) on S2, d3 on S3: 4 rated, 2 + 1 content → 3/4.
      satisfaction: { rated: 4, satisfied: 2, basicallySatisfied: 1, unsatisfied: 1, satisfactionRate: 0.75 },
      rehandled: 2,
      // S1, S3, S4 under key supervision; S1 and S3 replied; only S1 closed.
      keySupervision: { count: 3, replied: 2, closed: 1 },
    });
  });

  it('splits by lead unit; an unassigned suggestion counts only overall', () => {
    expect(stats.units.map((unit) => unit.unitId)).toEqual([ECO, WATER]);
    const [eco, water] = stats.units;
    expect(eco).toMatchObject({
      count: 2,
      replied: 2,
      repliedOnTime: 1,
      onTimeRate: 0.5,
      byClass: { A: 2, B: 0, C: 0, D: 0 },
      satisfaction: { rated: 3, satisfied: 2, basicallySatisfied: 1, unsatisfied: 0, satisfactionRate: 1 },
      rehandled: 1,
      keySupervision: { count: 1, replied: 1, closed: 1 },
    });
    expect(water).toMatchObject({
      count: 2,
      replied: 1,
      repliedOnTime: 1,
      onTimeRate: 1,
      byClass: { A: 0, B: 0, C: 1, D: 0 },
      satisfaction: { rated: 1, unsatisfied: 1, satisfactionRate: 0 },
      rehandled: 1,
      keySupervision: { count: 2, replied: 1, closed: 0 },
    });
  });

  it('gives null rates, not 0 or NaN, when nothing was replied or rated', () => {
    const empty = computeSuggestionStatistics([seeded[4] as SuggestionFacts]);
    expect(empty.overall.onTimeRate).toBeNull();
    expect(empty.overall.satisfaction.satisfactionRate).toBeNull();
    expect(empty.units).toEqual([]);
  });
});
