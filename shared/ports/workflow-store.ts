import type { FieldError } from '../domain/errors.ts';
import type { MediaAttachment } from '../domain/media/media-attachment.ts';
import type { WorkflowRecord } from '../domain/workflow/state-machine.ts';
import type { TimelineEntry } from '../domain/workflow/timeline.ts';

/**
 * The workflow port, shared by cases and suggestions, in the domain's words: a record is born with
 * its first timeline entry and changes by steps, each with its entry. Where a record is listed, which
 * side items a step needs and how many writes fit one transaction are the adapter's business
 * (docs/architecture.md, "The workflow port").
 */

/** A new record with its first timeline entry. */
export interface Birth<R, T> {
  record: R;
  entry: T;
}

/** A change of a record from `before` (as read) to `record` (version + 1), told by `entry`. */
export interface Step<R, T> {
  before: R;
  record: R;
  entry: T;
}

/**
 * A file attached to the record by the step, written in the step's own write, on condition that the
 * file is ready and attached to nothing yet. When only claims fail, the write is refused with 422:
 * the first lost claim's `refusal.detail`, every lost claim's `refusal.field`; when the record's own
 * conditions fail too, with the usual 409.
 */
export interface MediaClaim {
  mediaId: string;
  attachment: MediaAttachment;
  refusal: { detail: string; field: FieldError };
}

/**
 * A once-only mark written with a birth, naming the record: a client's `Idempotency-Key`
 * (`idempotency`, key `{scope}#{userId}#{key}`) or the breach a case was opened for (`autoCase`).
 * A second birth with the same mark fails with ConflictError and writes nothing.
 */
export interface CreationMark {
  kind: 'idempotency' | 'autoCase';
  key: string;
  recordId: string;
  createdAt: string;
  bodyHash?: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  cursor?: string;
}

/** The open work, for the hourly escalation and the not-one-missed reconciliation. */
export interface OpenWorkflow<R> {
  /** Records in an open state (or in a state the workflow does not know). */
  records: R[];
  /** Ids whose independent "opened" trace exists (written when the record opened). */
  opened: string[];
  /** Records per terminal state, over all history. */
  closedByState: Record<string, number>;
}

/**
 * Versioned records with an append-only timeline. Every write stores the record and its timeline
 * entry (and its notification event) at once, conditioned on the version the caller read: two people
 * acting at once cannot both win, and no step is ever half-recorded.
 */
export interface WorkflowStore<R extends WorkflowRecord<string>, T extends TimelineEntry> {
  /** ConflictError when the id or the mark exists already; UnprocessableError when only claims failed. */
  create(
    birth: Birth<R, T>,
    options?: { mark?: CreationMark; claims?: readonly MediaClaim[] },
  ): Promise<void>;
  get(id: string): Promise<R | undefined>;
  /**
   * `step.record.version` must be the stored version + 1; otherwise ConflictError and nothing is
   * written. `linked`: other records changed by this step, on the same condition (the original of a
   * duplicate). `creates`: records born of this step, each on condition that its id is new (the
   * parts of a split suggestion). `claims`: files attached with the step.
   */
  update(
    step: Step<R, T>,
    options?: {
      linked?: readonly Step<R, T>[];
      creates?: readonly Birth<R, T>[];
      claims?: readonly MediaClaim[];
    },
  ): Promise<void>;
  /** Oldest first. */
  timeline(id: string): Promise<T[]>;
  findMark(kind: CreationMark['kind'], key: string): Promise<CreationMark | undefined>;
  openRecords(): Promise<OpenWorkflow<R>>;
  /** Forgets that a record awaits a deadline recomputation (it was closed meanwhile). */
  releaseProvisional(id: string): Promise<void>;
}
