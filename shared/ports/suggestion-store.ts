import type { SuggestionRecord, SuggestionTimelineEntry } from '../domain/suggestions/suggestion-record.ts';
import type { Page, WorkflowStore } from './workflow-store.ts';

/**
 * Who a suggestion is listed for: every one (or one state's), a signatory deputy's (filer and
 * co-signers, fixed at filing), a handling unit's (lead or co-handling, as assigned now).
 */
export type SuggestionListScope =
  | { kind: 'all'; state?: string }
  | { kind: 'deputy'; userId: string }
  | { kind: 'unit'; unitId: string };

/** The suggestion store: the workflow port plus its lists. */
export interface SuggestionStore extends WorkflowStore<SuggestionRecord, SuggestionTimelineEntry> {
  /**
   * One page of the scope's suggestions, newest filed first, as the list's index holds them (it may
   * lag a write just made by the index's propagation); `between` bounds the filing instant (inclusive).
   */
  list(
    scope: SuggestionListScope,
    options: { limit: number; cursor?: string; between?: [string, string] },
  ): Promise<Page<SuggestionRecord>>;
  /** The records of these ids in one read (a list page), in the order given; an unknown id is absent. */
  getMany(ids: readonly string[]): Promise<(SuggestionRecord | undefined)[]>;
}
