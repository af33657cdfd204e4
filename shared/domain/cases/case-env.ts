import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { transitionBuilder } from '../workflow/state-machine.ts';
import type { WorkingTimeLimit } from './case-categories.ts';
import type { CaseRecord, CaseState } from './case-record.ts';

/** What case transitions need beyond the record, passed in by the caller. */
export interface CaseEnv {
  calendar: WorkingCalendar;
  /** How long a rework may take from the send-back; absent: the category's handling period. */
  reworkPeriod?: WorkingTimeLimit;
}

/** Builds one case action; its payload type comes from its zod schema. */
export const caseTransition = transitionBuilder<CaseState, CaseRecord, CaseEnv>();
