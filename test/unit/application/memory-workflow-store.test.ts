import { MemoryCaseStore } from '../../../shared/adapters/memory/memory-case-store.ts';
import { MemorySuggestionStore } from '../../../shared/adapters/memory/memory-suggestion-store.ts';
import type { MemoryMedia } from '../../../shared/adapters/memory/memory-workflow-store.ts';
import { readyPhoto } from '../../support/media-records.ts';
import { workflowStoreContract } from '../../support/workflow-store-contract.ts';

workflowStoreContract('in memory', () => {
  const media: MemoryMedia = new Map();
  return {
    cases: new MemoryCaseStore(media),
    suggestions: new MemorySuggestionStore(media),
    readyMedia: async (id, uploader) => {
      media.set(id, readyPhoto(id, uploader));
    },
  };
});
