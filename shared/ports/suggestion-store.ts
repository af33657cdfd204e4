import type { SuggestionRecord, SuggestionTimelineEntry } from '../domain/suggestions/suggestion-record.ts';
import type { WorkflowStore } from './workflow-store.ts';

/**
 * Who a suggestion is listed for: every one (or one state's), a signatory deputy's (filer and
 * co-signers, fixed at filing), a handling unit's (lead or co-handling, as assigned now).
 */
export type SuggestionListScope =
  | { kind: 'all'; state?: string }
  | { kind: 'deputy'; userId: string }
  | { kind: 'unit'; unitId: string };

export interface SuggestionIdPage {
  ids: string[];
  cursor?: string;
}

/** The suggestion store: the workflow port plus its lists. */
export interface SuggestionStore extends WorkflowStore<SuggestionRecord, SuggestionTimelineEntry> {
  /** One page of suggestion ids, newest filed first; `between` bounds the filing instant (inclusive). */
  listIds(
    scope: SuggestionListScope,
    options: { limit: number; cursor?: string; between?: [string, string] },
  ): Promise<SuggestionIdPage>;
  /** The records of these ids in one read (a list page), in the order given; an unknown id is absent. */
  getMany(ids: readonly string[]): Promise<(SuggestionRecord | undefined)[]>;
}
