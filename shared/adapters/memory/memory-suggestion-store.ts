import { listedDeputies, listedUnits } from '../../domain/suggestions/suggestion-listing.ts';
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../domain/suggestions/suggestion-record.ts';
import { suggestionAwaitsRecompute } from '../../domain/workflow/deadline-recompute.ts';
import { AFTER_EVERY_ID, listingPosition } from '../../domain/workflow/listing-position.ts';
import type { SuggestionListScope, SuggestionStore } from '../../ports/suggestion-store.ts';
import type { Page } from '../../ports/workflow-store.ts';
import { type MemoryMedia, MemoryWorkflowStore, pageByPosition } from './memory-workflow-store.ts';

/** Who lists a suggestion: as the DynamoDB layout's pointers (suggestion-store.ts). */
const listedFor = (scope: SuggestionListScope, record: SuggestionRecord): boolean => {
  switch (scope.kind) {
    case 'all':
      return scope.state === undefined || record.state === scope.state;
    case 'deputy':
      return record.parentId === undefined && listedDeputies(record).includes(scope.userId);
    case 'unit':
      return listedUnits(record).includes(scope.unitId);
  }
};

/** Suggestions in memory (see MemoryWorkflowStore), listed newest filed first. */
export class MemorySuggestionStore
  extends MemoryWorkflowStore<SuggestionRecord, SuggestionTimelineEntry>
  implements SuggestionStore
{
  constructor(media?: MemoryMedia) {
    super('SUGGESTION', suggestionAwaitsRecompute, media);
  }

  getMany(ids: readonly string[]): Promise<(SuggestionRecord | undefined)[]> {
    return Promise.all(ids.map((id) => this.get(id)));
  }

  async list(
    scope: SuggestionListScope,
    options: { limit: number; cursor?: string; between?: [string, string] },
  ): Promise<Page<SuggestionRecord>> {
    const [from, to] = options.between
      ? [options.between[0], `${options.between[1]}${AFTER_EVERY_ID}`]
      : ['', '\uffff'];
    const sorted = [...this.records.values()]
      .filter((record) => listedFor(scope, record))
      .map((record) => ({ position: listingPosition(record), value: record.id }))
      .filter(({ position }) => position >= from && position <= to)
      .sort((a, b) => (a.position < b.position ? 1 : -1));
    const page = pageByPosition(sorted, options.limit, options.cursor, true);
    const records = await this.getMany(page.items);
    const items = records.filter((record): record is SuggestionRecord => record !== undefined);
    return { items, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
  }
}
