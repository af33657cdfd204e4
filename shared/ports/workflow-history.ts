import type { CaseRecord } from '../domain/cases/case-record.ts';
import type { SuggestionRecord } from '../domain/suggestions/suggestion-record.ts';

/**
 * The whole workflow history, for the weekly and monthly performance reports, which judge the
 * records closed in their period. Its cost follows every record ever written, so nothing hourly
 * reads it: the escalation and the reconciliation read `WorkflowStore.openRecords`.
 */
export interface WorkflowHistory {
  /** Every case and suggestion record as stored (in no particular order), both kinds in one read. */
  everyRecord(): Promise<{ cases: CaseRecord[]; suggestions: SuggestionRecord[] }>;
}
