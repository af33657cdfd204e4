import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { transitionBuilder } from '../workflow/state-machine.ts';
import type { CaseRecord, CaseState } from './case-record.ts';

/** What case transitions need beyond the record, passed in by the caller. */
export interface CaseEnv {
  calendar: WorkingCalendar;
}

/** Builds one case action; its payload type comes from its zod schema. */
export const caseTransition = transitionBuilder<CaseState, CaseRecord, CaseEnv>();
