import type { CaseListSource } from '../domain/cases/case-listing.ts';
import type { CaseRecord, CaseTimelineEntry, GeoLocation } from '../domain/cases/case-record.ts';
import type { MediaClaim, Page, WorkflowStore } from './workflow-store.ts';

/**
 * One page of an audience's cases in listing order (`listingPosition`, workflow/listing-position.ts):
 * `between` bounds the positions (inclusive), newest first when `newestFirst`.
 */
export interface CaseListQuery {
  source: CaseListSource;
  between?: [string, string];
  newestFirst?: boolean;
  limit: number;
  cursor?: string;
}

/** A comment as stored beside its case; the handler parses it against the contract. */
export type StoredComment = Record<string, unknown> & { id: string; caseId: string; at: string };

/** The case store: the workflow port plus the ways cases are found. */
export interface CaseStore extends WorkflowStore<CaseRecord, CaseTimelineEntry> {
  list(query: CaseListQuery): Promise<Page<CaseRecord>>;
  /** Open located cases of a category whose cell the circle reaches (a superset: decide by distance). */
  nearbyOpen(categoryId: string, location: GeoLocation, meters: number): Promise<CaseRecord[]>;
  /** Ids of the cases dispatched to a department as lead within [from, to] (ISO instants). */
  dispatchedTo(departmentId: string, between: [string, string]): Promise<string[]>;
  /** Appends a comment (never overwritten) with its files' claims in the same write. */
  addComment(comment: StoredComment, claims: readonly MediaClaim[]): Promise<void>;
  /** Oldest first. */
  comments(caseId: string, page: { limit: number; cursor?: string }): Promise<Page<StoredComment>>;
}
