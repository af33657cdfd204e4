import type { CaseListSource } from '../../domain/cases/case-listing.ts';
import { isCaseOpen } from '../../domain/cases/case-listing.ts';
import type { CaseRecord, CaseTimelineEntry, GeoLocation } from '../../domain/cases/case-record.ts';
import { caseAwaitsRecompute } from '../../domain/workflow/deadline-recompute.ts';
import { listingPosition } from '../../domain/workflow/listing-position.ts';
import type { CaseListQuery, CaseStore, StoredComment } from '../../ports/case-store.ts';
import type { MediaClaim, Page } from '../../ports/workflow-store.ts';
import { type MemoryMedia, MemoryWorkflowStore, pageByPosition } from './memory-workflow-store.ts';

/** Which audiences list a case: as the DynamoDB layout lists it (case-index.ts). */
const listedFor = (source: CaseListSource, record: CaseRecord): boolean => {
  switch (source.kind) {
    case 'all':
      return (
        (source.state === undefined || record.state === source.state) &&
        (source.categoryId === undefined || record.categoryId === source.categoryId)
      );
    case 'public':
      return record.isPublic;
    case 'department':
      return (
        record.leadDepartmentId === source.departmentId ||
        record.coDepartmentIds.includes(source.departmentId)
      );
    case 'reporter':
      return record.reporterId === source.reporterId;
  }
};

/** Cases in memory (see MemoryWorkflowStore), listed by audience in position order. */
export class MemoryCaseStore extends MemoryWorkflowStore<CaseRecord, CaseTimelineEntry> implements CaseStore {
  readonly #dispatches: { caseId: string; departmentId: string; at: string }[] = [];
  readonly #comments = new Map<string, StoredComment[]>();

  constructor(media?: MemoryMedia) {
    super('CASE', caseAwaitsRecompute, media);
  }

  async list(query: CaseListQuery): Promise<Page<CaseRecord>> {
    const newestFirst = query.newestFirst === true;
    const [from, to] = query.between ?? ['', '\uffff'];
    const sorted = [...this.records.values()]
      .filter((record) => listedFor(query.source, record))
      .map((record) => ({ position: listingPosition(record), value: structuredClone(record) }))
      .filter(({ position }) => position >= from && position <= to)
      .sort((a, b) => (a.position < b.position ? -1 : 1) * (newestFirst ? -1 : 1));
    return pageByPosition(sorted, query.limit, query.cursor, newestFirst);
  }

  /** Every open located case of the category: a superset, as the port allows. */
  async nearbyOpen(categoryId: string, _location: GeoLocation, _meters: number): Promise<CaseRecord[]> {
    return [...this.records.values()]
      .filter((record) => record.categoryId === categoryId && record.location && isCaseOpen(record))
      .map((record) => structuredClone(record));
  }

  async dispatchedTo(departmentId: string, [from, to]: [string, string]): Promise<string[]> {
    const ids = this.#dispatches
      .filter((fact) => fact.departmentId === departmentId && fact.at >= from && fact.at <= to)
      .map((fact) => fact.caseId);
    return [...new Set(ids)];
  }

  async addComment(comment: StoredComment, claims: readonly MediaClaim[]): Promise<void> {
    const list = this.#comments.get(comment.caseId) ?? [];
    this.commit(
      list.some((earlier) => earlier.id === comment.id),
      `comment ${comment.id} already exists`,
      claims,
    );
    list.push(structuredClone(comment));
    this.#comments.set(comment.caseId, list);
  }

  async comments(caseId: string, page: { limit: number; cursor?: string }): Promise<Page<StoredComment>> {
    const sorted = (this.#comments.get(caseId) ?? []).map((comment) => ({
      position: `${comment.at}#${comment.id}`,
      value: structuredClone(comment),
    }));
    return pageByPosition(sorted, page.limit, page.cursor, false);
  }

  protected override afterWrite(
    _before: CaseRecord | undefined,
    record: CaseRecord,
    entry: CaseTimelineEntry,
  ) {
    if (entry.action === 'dispatch' && record.leadDepartmentId) {
      this.#dispatches.push({ caseId: record.id, departmentId: record.leadDepartmentId, at: entry.at });
    }
  }
}
