import type { FieldError } from '../domain/errors.ts';
import type { WorkflowRecord } from '../domain/workflow/state-machine.ts';
import type { TimelineEntry } from '../domain/workflow/timeline.ts';

/** Secondary-index keys a record is listed under (gsi1, gsi2 of the workflow table). */
export interface IndexKeys {
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk?: string;
  gsi2sk?: string;
}

/** An extra item written in the same transaction (idempotency record, escalation marker …). */
export interface SideItem {
  pk: string;
  sk: string;
  /** Written only if no item with this key exists yet; a clash fails the whole write with 409. */
  mustNotExist?: boolean;
  [attribute: string]: unknown;
}

/**
 * A change of an existing item owned elsewhere (a media file becoming attached), written in the same
 * transaction as the step that needs it, on condition that the item exists, holds `expect` and has
 * no `unclaimed` attribute yet. When only claims fail, the write is refused with 422: the first lost
 * claim's `refusal.detail`, every lost claim's `refusal.field`; when the record's own conditions
 * fail too, with the usual 409.
 */
export interface SideClaim {
  pk: string;
  sk: string;
  set: Record<string, unknown>;
  unclaimed: string;
  expect: Record<string, string | number>;
  refusal: { detail: string; field: FieldError };
}

export interface NewRecord<R, T> {
  record: R;
  entry: T;
  index?: IndexKeys;
}

/** Another existing record changed by the same step (e.g. the original of a duplicate). */
export interface LinkedUpdate<R, T> extends NewRecord<R, T> {
  side?: SideItem[];
}

export interface Page<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  cursor?: string;
}

export interface IndexQuery {
  index: 'gsi1' | 'gsi2';
  partition: string;
  /** Sort-key range (inclusive) or prefix; both absent: the whole partition. */
  between?: [string, string];
  beginsWith?: string;
  /** Newest first when the sort key starts with a time. */
  descending?: boolean;
  limit: number;
  cursor?: string;
}

/**
 * Versioned records with an append-only timeline, shared by cases and suggestions. Every write
 * stores the record and its timeline entry in one transaction, conditioned on the version the
 * caller read: two people acting at once cannot both win, and no step is ever half-recorded.
 */
export interface WorkflowStore<R extends WorkflowRecord<string>, T extends TimelineEntry> {
  /**
   * ConflictError when the id (or a side item marked mustNotExist) already exists;
   * UnprocessableError when only `claims` failed.
   */
  create(
    record: R,
    entry: T,
    options?: { index?: IndexKeys; side?: SideItem[]; claims?: SideClaim[] },
  ): Promise<void>;
  get(id: string): Promise<R | undefined>;
  /**
   * `record.version` must be the stored version + 1; otherwise ConflictError and nothing is written.
   * `creates`: new records (with their first timeline entry) born of this step, written in the same
   * transaction, each on condition that its id is new (e.g. the parts of a split suggestion).
   * `linked`: other records changed by this step, each on the same version condition as `record`.
   * `claims`: items of other owners changed with the step (see SideClaim).
   */
  update(
    record: R,
    entry: T,
    options?: {
      index?: IndexKeys;
      side?: SideItem[];
      creates?: NewRecord<R, T>[];
      linked?: LinkedUpdate<R, T>[];
      claims?: SideClaim[];
    },
  ): Promise<void>;
  timeline(id: string): Promise<T[]>;
  list(query: IndexQuery): Promise<Page<R>>;
  /** Reads an item outside the record/timeline pair (idempotency records, markers). */
  getSide(pk: string, sk: string): Promise<Record<string, unknown> | undefined>;
  /**
   * Writes one item outside a transition (a comment), with its claims in the same transaction;
   * `mustNotExist` clashes are ConflictError.
   */
  putSide(item: SideItem, options?: { claims?: SideClaim[] }): Promise<void>;
  /** Items under one partition key whose sort key starts with `skPrefix`, with keys, paged. */
  listSide(
    pk: string,
    skPrefix: string,
    page: { limit: number; cursor?: string; descending?: boolean },
  ): Promise<Page<Record<string, unknown>>>;
  /** Like `list`, but the raw items with their keys (index entries that are not records). */
  listIndexItems(query: IndexQuery): Promise<Page<Record<string, unknown>>>;
}
