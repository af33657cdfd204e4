/*
 * What a file's back-reference is, apart from the rules that check it (media-attachment.ts), so the
 * media record can name it without an import cycle.
 */

/** The kinds of record a file can belong to. A comment's file belongs to its case. */
export const MEDIA_HOLDER_KINDS = ['case', 'suggestion'] as const;
export type MediaHolderKind = (typeof MEDIA_HOLDER_KINDS)[number];

/**
 * Which part of the record cites the file: a case's report photos, its rectification evidence, a
 * comment on it; a suggestion's attachments at filing, a co-unit's opinion, a reply, a follow-up,
 * the report that it was solved.
 */
export const MEDIA_PARTS = [
  'report',
  'evidence',
  'comment',
  'attachment',
  'coOpinion',
  'reply',
  'followUp',
  'solution',
] as const;
export type MediaPart = (typeof MEDIA_PARTS)[number];

/**
 * The back-reference a file carries once a record cites it. A file belongs to one record, once:
 * it is written on condition that the file is unattached, in the same transaction as the step.
 */
export interface MediaAttachment {
  kind: MediaHolderKind;
  /** The case or suggestion id. */
  id: string;
  part: MediaPart;
  /** The timeline step (its seq) that cited the file; absent for a comment, which is no step. */
  seq?: number;
  /** Evidence: the case's rework count then; suggestion media: the handling round (0 first). */
  round?: number;
  commentId?: string;
  /** Who cited it, and when (UTC ISO instant). */
  by: string;
  at: string;
}
