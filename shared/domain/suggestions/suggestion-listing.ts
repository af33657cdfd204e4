import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { isSuggestionOverdue } from './suggestion-deadlines.ts';
import { latestReply, type SuggestionRecord, signatoriesOf } from './suggestion-record.ts';
import { SUGGESTION_RATINGS, type SuggestionRating, type SuggestionState } from './suggestion-vocabulary.ts';

/**
 * Who a suggestion is listed for, and the filters of `GET /suggestions`. Pure: the adapter turns the
 * relations into index entries, the handler applies the filters to the records it reads.
 */

/** Units that see the suggestion in their list: the lead unit and every co-handling unit. */
export const listedUnits = (record: Pick<SuggestionRecord, 'assignment'>): string[] =>
  record.assignment ? [record.assignment.leadUnitId, ...record.assignment.coUnitIds] : [];

/** Deputies that see it in their list: the filer and every co-signer (fixed at filing). */
export const listedDeputies = (record: SuggestionRecord): string[] => signatoriesOf(record);

export const SATISFACTION_FILTERS = [...SUGGESTION_RATINGS, 'unrated'] as const;
export type SatisfactionFilter = (typeof SATISFACTION_FILTERS)[number];

/** Worst first: a reply is only as satisfactory as its least satisfied deputy. */
const RATING_ORDER: readonly SuggestionRating[] = ['unsatisfied', 'basicallySatisfied', 'satisfied'];

/**
 * How the deputies took the latest reply: the least satisfied rating given to it so far, or
 * `unrated` when there is no reply or nobody has rated it yet.
 */
export const latestSatisfaction = (record: SuggestionRecord): SatisfactionFilter => {
  const reply = latestReply(record);
  if (!reply) return 'unrated';
  const given = new Set(record.ratings.filter((r) => r.round === reply.round).map((r) => r.rating));
  return RATING_ORDER.find((rating) => given.has(rating)) ?? 'unrated';
};

export interface SuggestionListFilter {
  state?: SuggestionState;
  /** Lead or co-handling unit. */
  unit?: string;
  keySupervision?: boolean;
  overdue?: boolean;
  satisfaction?: SatisfactionFilter;
}

export const matchesSuggestionFilter = (
  record: SuggestionRecord,
  filter: SuggestionListFilter,
  now: Date,
  calendar: WorkingCalendar,
): boolean => {
  if (filter.state !== undefined && record.state !== filter.state) return false;
  if (filter.unit !== undefined && !listedUnits(record).includes(filter.unit)) return false;
  if (
    filter.keySupervision !== undefined &&
    (record.keySupervision !== undefined) !== filter.keySupervision
  ) {
    return false;
  }
  if (filter.overdue !== undefined && isSuggestionOverdue(record, now, calendar) !== filter.overdue) {
    return false;
  }
  return filter.satisfaction === undefined || latestSatisfaction(record) === filter.satisfaction;
};
