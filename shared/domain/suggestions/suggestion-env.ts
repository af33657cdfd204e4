import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { transitionBuilder } from '../workflow/state-machine.ts';
import type { SuggestionRecord } from './suggestion-record.ts';
import type { SuggestionState } from './suggestion-vocabulary.ts';

/** What suggestion transitions need beyond the record, passed in by the caller. */
export interface SuggestionEnv {
  /** Working days for the hand-back window; its zone also fixes the local dates of month periods. */
  calendar: WorkingCalendar;
  /** Calendar days a reply's rating round stays open (default 15, see rating-round.ts). */
  ratingRoundDays?: number;
}

/** Builds one suggestion action; its payload type comes from its zod schema. */
export const suggestionTransition = transitionBuilder<SuggestionState, SuggestionRecord, SuggestionEnv>();
