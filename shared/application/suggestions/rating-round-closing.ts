import { ConflictError } from '../../domain/errors.ts';
import { closeExpiredRatingRound } from '../../domain/suggestions/rating-round.ts';
import type { SuggestionEnv } from '../../domain/suggestions/suggestion-env.ts';
import type { SuggestionRecord } from '../../domain/suggestions/suggestion-record.ts';
import type { SuggestionStore } from '../../ports/suggestion-store.ts';

/**
 * A rating round whose time is up is closed when the suggestion is next read or acted on (there is
 * no job for it): the closing is a versioned step like any other, so of two readers closing it at
 * once one writes and the other reads what it wrote.
 */
export const withDueRoundClosed = async (
  suggestions: SuggestionStore,
  record: SuggestionRecord,
  now: Date,
  env: SuggestionEnv,
): Promise<SuggestionRecord> => {
  const step = closeExpiredRatingRound(record, now, env);
  if (!step) return record;
  try {
    await suggestions.update({ before: record, ...step });
    return step.record;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return (await suggestions.get(record.id)) ?? record;
  }
};
