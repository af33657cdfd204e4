import type { MediaAttachment } from '../domain/media/media-attachment.ts';
import type { MediaRecord } from '../domain/media/media-record.ts';
import type { MediaClaim } from './workflow-store.ts';

export type ReadyFields = Required<
  Pick<MediaRecord, 'contentType' | 'sizeBytes' | 'sha256' | 'originalKey' | 'completedAt'>
> &
  Pick<MediaRecord, 'publicKey'>;

/**
 * The media catalog: one item per upload slot. Status changes are conditional on `pending`, so a
 * file is judged once even when two completion calls race (the loser gets ConflictError).
 */
export interface MediaCatalog {
  /** ConflictError when the id exists. */
  createPending(record: MediaRecord): Promise<void>;
  get(id: string): Promise<MediaRecord | undefined>;
  /** Several at once (cases attach up to 20); absent ids are missing from the map. */
  getMany(ids: readonly string[]): Promise<Map<string, MediaRecord>>;
  markReady(id: string, fields: ReadyFields): Promise<MediaRecord>;
  markRejected(id: string, reason: string, at: string): Promise<MediaRecord>;
  /**
   * The claim that attaches a ready, unattached file to a record, to be written in the same
   * transaction as the record's step (WorkflowStore `claims`); nothing is written by this call.
   */
  attachClaim(id: string, attachment: MediaAttachment, refusal: MediaClaim['refusal']): MediaClaim;
}
