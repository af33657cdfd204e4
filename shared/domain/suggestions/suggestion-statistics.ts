import type { SuggestionRatingEntry, SuggestionRecord, SuggestionReply } from './suggestion-record.ts';
import { REPLY_CLASSES, type ReplyClass } from './suggestion-vocabulary.ts';

/**
 * Handling statistics (代表建议办理情况统计) per lead unit and overall. Pure: the caller chooses the set
 * (e.g. the suggestions filed in a period) and passes the records in.
 *
 * Definitions (each suggestion counts once):
 * - `replied`: it has a first reply (round 0); `repliedOnTime`: that first reply was sent on or before
 *   the reply due date then in force (an approved extension counts), so re-handled replies do not
 *   change it; `onTimeRate` = repliedOnTime / replied.
 * - `byClass`: the class of its latest reply, i.e. where the matter stands now.
 * - satisfaction: each signatory deputy's latest rating (the highest round they rated), so a deputy
 *   unsatisfied with the first reply and satisfied with the re-handled one counts once, as satisfied;
 *   `satisfactionRate` = (satisfied + basicallySatisfied) / rated, `null` when nobody rated.
 * - `rehandled`: suggestions re-handled at least once after an unsatisfied rating.
 * - `keySupervision`: those under 重点督办, how many of them have a reply, how many are closed.
 * Per unit means per lead unit (主办单位): the unit that answers for the reply. Co-handling units are
 * not credited with the reply. A suggestion assigned to several units separately is counted once per
 * part (each part is a handled item with its own reply); the split suggestion itself is not counted.
 */

/** What the statistics read from a suggestion; a stored record or a list summary both fit. */
export type SuggestionFacts = Pick<SuggestionRecord, 'state' | 'keySupervision'> & {
  assignment?: Pick<NonNullable<SuggestionRecord['assignment']>, 'leadUnitId'>;
  replies: readonly Pick<SuggestionReply, 'class' | 'round' | 'onTime'>[];
  ratings: readonly Pick<SuggestionRatingEntry, 'deputyId' | 'rating' | 'round'>[];
  rehandlingCount: number;
};

export interface SuggestionFigures {
  count: number;
  assigned: number;
  replied: number;
  repliedOnTime: number;
  onTimeRate: number | null;
  byClass: Record<ReplyClass, number>;
  satisfaction: {
    rated: number;
    satisfied: number;
    basicallySatisfied: number;
    unsatisfied: number;
    satisfactionRate: number | null;
  };
  rehandled: number;
  keySupervision: { count: number; replied: number; closed: number };
}

export interface SuggestionStatistics {
  overall: SuggestionFigures;
  /** One entry per lead unit that has at least one suggestion in the set, sorted by unit id. */
  units: (SuggestionFigures & { unitId: string })[];
}

const emptyFigures = (): SuggestionFigures => ({
  count: 0,
  assigned: 0,
  replied: 0,
  repliedOnTime: 0,
  onTimeRate: null,
  byClass: Object.fromEntries(REPLY_CLASSES.map((c) => [c, 0])) as Record<ReplyClass, number>,
  satisfaction: { rated: 0, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, satisfactionRate: null },
  rehandled: 0,
  keySupervision: { count: 0, replied: 0, closed: 0 },
});

/** Each deputy's rating of the highest round they rated. */
const latestRatingPerDeputy = (ratings: SuggestionFacts['ratings']) => {
  const latest = new Map<string, SuggestionFacts['ratings'][number]>();
  for (const rating of ratings) {
    const earlier = latest.get(rating.deputyId);
    if (!earlier || rating.round >= earlier.round) latest.set(rating.deputyId, rating);
  }
  return [...latest.values()];
};

const addTo = (figures: SuggestionFigures, facts: SuggestionFacts): void => {
  figures.count += 1;
  if (facts.assignment) figures.assigned += 1;
  const first = facts.replies.find((reply) => reply.round === 0);
  if (first) {
    figures.replied += 1;
    if (first.onTime) figures.repliedOnTime += 1;
  }
  const last = facts.replies.at(-1);
  if (last) figures.byClass[last.class] += 1;
  for (const { rating } of latestRatingPerDeputy(facts.ratings)) {
    figures.satisfaction.rated += 1;
    figures.satisfaction[rating] += 1;
  }
  if (facts.rehandlingCount > 0) figures.rehandled += 1;
  if (facts.keySupervision) {
    figures.keySupervision.count += 1;
    if (first) figures.keySupervision.replied += 1;
    if (facts.state === 'closed') figures.keySupervision.closed += 1;
  }
};

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const withRates = (figures: SuggestionFigures): SuggestionFigures => {
  const { satisfied, basicallySatisfied, rated } = figures.satisfaction;
  return {
    ...figures,
    onTimeRate: ratio(figures.repliedOnTime, figures.replied),
    satisfaction: { ...figures.satisfaction, satisfactionRate: ratio(satisfied + basicallySatisfied, rated) },
  };
};

export const computeSuggestionStatistics = (
  suggestions: readonly SuggestionFacts[],
): SuggestionStatistics => {
  const overall = emptyFigures();
  const perUnit = new Map<string, SuggestionFigures>();
  for (const facts of suggestions) {
    // A split suggestion is counted through its parts, one per unit.
    if (facts.state === 'split') continue;
    addTo(overall, facts);
    const unitId = facts.assignment?.leadUnitId;
    if (unitId === undefined) continue;
    const unit = perUnit.get(unitId) ?? emptyFigures();
    addTo(unit, facts);
    perUnit.set(unitId, unit);
  }
  const units = [...perUnit.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unitId, figures]) => ({ unitId, ...withRates(figures) }));
  return { overall: withRates(overall), units };
};
