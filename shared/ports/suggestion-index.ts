import type { IndexKeys, SideItem } from './workflow-store.ts';

/**
 * Who a suggestion is listed for. A suggestion has one filer, up to 50 co-signers and several units,
 * more than the two index slots a record has, so each relation is a small pointer item beside the
 * record (same partition), written in the record's own transaction.
 */
export type SuggestionListScope =
  | { kind: 'all'; state?: string }
  | { kind: 'deputy'; userId: string }
  | { kind: 'unit'; unitId: string };

export interface SuggestionIdPage {
  ids: string[];
  cursor?: string;
}

export interface SuggestionIndex {
  /** Index keys of the record item itself (the `all` list and the per-state list). */
  recordKeys(record: { id: string; submittedAt: string; state: string }): IndexKeys;
  /** Pointer items listing the suggestion for these deputies (written once, at filing). */
  deputyPointers(record: { id: string; submittedAt: string }, deputyIds: readonly string[]): SideItem[];
  /**
   * Pointer items after the handling units changed from `before` to `after`: units that remain or
   * arrive get a listed pointer, units that left get their pointer unlisted (puts only, so they fit the
   * store's transaction).
   */
  unitPointers(
    record: { id: string; submittedAt: string },
    before: readonly string[],
    after: readonly string[],
  ): SideItem[];
  /** One page of suggestion ids, newest first; `between` bounds the filing instant (inclusive). */
  page(
    scope: SuggestionListScope,
    options: { limit: number; cursor?: string; between?: [string, string] },
  ): Promise<SuggestionIdPage>;
}
