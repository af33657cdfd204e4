import type { AwaitingRecompute, ProvisionalDeadlines } from '../../ports/provisional-deadlines.ts';
import type { WorkflowHistory } from '../../ports/workflow-history.ts';
import type { MemoryCaseStore } from './memory-case-store.ts';
import type { MemorySuggestionStore } from './memory-suggestion-store.ts';

/**
 * The reads over both kinds of workflow record, in memory: answered from the memory stores the use
 * cases write through, as the DynamoDB adapters answer from the one table both kinds share. The
 * contract suite (test/support/workflow-reads-contract.ts) holds both to the same answers.
 */

const order = (a: AwaitingRecompute, b: AwaitingRecompute): number => {
  const key = (one: AwaitingRecompute) => `${one.since}#${one.kind}#${one.id}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
};

export class MemoryProvisionalDeadlines implements ProvisionalDeadlines {
  readonly #cases: MemoryCaseStore;
  readonly #suggestions: MemorySuggestionStore;

  constructor(cases: MemoryCaseStore, suggestions: MemorySuggestionStore) {
    this.#cases = cases;
    this.#suggestions = suggestions;
  }

  async awaitingBefore(edge: string): Promise<AwaitingRecompute[]> {
    return [
      ...this.#cases.awaitingRecompute().map((one) => ({ kind: 'case' as const, ...one })),
      ...this.#suggestions.awaitingRecompute().map((one) => ({ kind: 'suggestion' as const, ...one })),
    ]
      .filter((one) => one.since < edge)
      .sort(order);
  }
}

export class MemoryWorkflowHistory implements WorkflowHistory {
  readonly #cases: MemoryCaseStore;
  readonly #suggestions: MemorySuggestionStore;

  constructor(cases: MemoryCaseStore, suggestions: MemorySuggestionStore) {
    this.#cases = cases;
    this.#suggestions = suggestions;
  }

  async everyRecord() {
    return { cases: this.#cases.everyRecord(), suggestions: this.#suggestions.everyRecord() };
  }
}
