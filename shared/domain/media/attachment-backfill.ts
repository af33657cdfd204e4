import type { TimelineEntry } from '../workflow/timeline.ts';
import type { MediaAttachment, MediaHolderKind, MediaPart } from './media-attachment.ts';

/**
 * Files cited before records wrote `attachedTo` carry none, so only their uploaders read them. The
 * backfill gives each such file the back-reference of its FIRST citation in time, read from what was
 * always kept: the timelines (every step's `mediaIds`) and the case comments. A file cited by a later
 * record as well keeps the first and is reported as a conflict, for a person to look at — the same
 * file in two records is what the new rules refuse.
 */

/** The part each timeline action's files are cited as; other actions carry no files. */
const PART_OF: Readonly<Record<MediaHolderKind, Readonly<Record<string, MediaPart>>>> = {
  case: { submit: 'report', submitRectification: 'evidence' },
  suggestion: {
    submit: 'attachment',
    submitCoOpinion: 'coOpinion',
    reply: 'reply',
    followUp: 'followUp',
    markSolved: 'solution',
  },
};

export interface CitingTimeline {
  kind: MediaHolderKind;
  id: string;
  entries: readonly TimelineEntry[];
}

export interface CitingComment {
  id: string;
  caseId: string;
  at: string;
  authorId: string;
  mediaIds: readonly string[];
}

export interface BackfillPlan {
  /** One attachment per file: its first citation. */
  attach: { mediaId: string; attachment: MediaAttachment }[];
  /** Later citations of a file already planned. */
  conflicts: { mediaId: string; kept: MediaAttachment; alsoCitedBy: MediaAttachment }[];
}

export const planAttachmentBackfill = (
  timelines: readonly CitingTimeline[],
  comments: readonly CitingComment[],
): BackfillPlan => {
  const citations = [...timelines.flatMap(timelineCitations), ...comments.flatMap(commentCitations)];
  citations.sort((a, b) => a.attachment.at.localeCompare(b.attachment.at));
  const kept = new Map<string, MediaAttachment>();
  const plan: BackfillPlan = { attach: [], conflicts: [] };
  for (const { mediaId, attachment } of citations) {
    const first = kept.get(mediaId);
    if (first === undefined) {
      kept.set(mediaId, attachment);
      plan.attach.push({ mediaId, attachment });
    } else if (
      first.kind !== attachment.kind ||
      first.id !== attachment.id ||
      first.part !== attachment.part
    ) {
      plan.conflicts.push({ mediaId, kept: first, alsoCitedBy: attachment });
    }
  }
  return plan;
};

type Citation = { mediaId: string; attachment: MediaAttachment };

const timelineCitations = ({ kind, id, entries }: CitingTimeline): Citation[] =>
  entries.flatMap((entry) => {
    const part = PART_OF[kind][entry.action];
    if (part === undefined) return [];
    const attachment: MediaAttachment = { kind, id, part, seq: entry.seq, by: entry.actorId, at: entry.at };
    return entry.mediaIds.map((mediaId) => ({ mediaId, attachment }));
  });

const commentCitations = (comment: CitingComment): Citation[] =>
  comment.mediaIds.map((mediaId) => ({
    mediaId,
    attachment: {
      kind: 'case',
      id: comment.caseId,
      part: 'comment',
      commentId: comment.id,
      by: comment.authorId,
      at: comment.at,
    },
  }));
