import { MemoryCaseStore } from '../../../shared/adapters/memory/memory-case-store.ts';
import { MemorySuggestionStore } from '../../../shared/adapters/memory/memory-suggestion-store.ts';
import {
  MemoryProvisionalDeadlines,
  MemoryWorkflowHistory,
} from '../../../shared/adapters/memory/memory-workflow-reads.ts';
import { workflowReadsContract } from '../../support/workflow-reads-contract.ts';

workflowReadsContract('in memory', () => {
  const cases = new MemoryCaseStore();
  const suggestions = new MemorySuggestionStore();
  return {
    cases,
    suggestions,
    provisional: new MemoryProvisionalDeadlines(cases, suggestions),
    history: new MemoryWorkflowHistory(cases, suggestions),
  };
});
