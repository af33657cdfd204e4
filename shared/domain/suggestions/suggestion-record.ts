import type { TimelineEntry } from '../workflow/timeline.ts';
import type {
  ConversionTarget,
  ReplyClass,
  SuggestionCategory,
  SuggestionRating,
  SuggestionState,
} from './suggestion-vocabulary.ts';

/**
 * Deputies' suggestions (代表建议, also 建议、批评和意见). Instants are UTC ISO-8601 strings; due dates
 * counted in calendar months (`replyDue`, `coOpinionDue`) are local dates `YYYY-MM-DD` in the deployment
 * zone, due by the end of that day; the hand-back window, counted in working days, ends at an instant.
 */

export interface SuggestionConversion {
  to: ConversionTarget;
  reason: string;
  at: string;
}

/** Who handles it: one lead unit (主办) and optional co-handling units (协办); ids are registry departments. */
export interface SuggestionAssignment {
  leadUnitId: string;
  coUnitIds: string[];
  assignedAt: string;
  /** Local date of the assignment: the start of every month-counted period. */
  assignedOn: string;
}

/**
 * One part of a suggestion assigned to several units separately (分别交办): each part is a suggestion of
 * its own (`{parentId}.{n}`), with its own lead unit, deadlines, reply, ratings and timeline.
 */
export interface SuggestionPart {
  id: string;
  leadUnitId: string;
  coUnitIds: string[];
}

/** 重点督办: a leader supervises the handling in person. */
export interface KeySupervision {
  leaderName: string;
  since: string;
  note?: string;
}

export interface SuggestionExtension {
  status: 'pending' | 'approved' | 'rejected';
  /** Local date the lead unit asks to reply by. */
  requestedDue: string;
  /** Local date granted (may be earlier than requested). */
  grantedDue?: string;
  reason: string;
  requestedAt: string;
  requestedBy: string;
  decidedAt?: string;
  decidedBy?: string;
}

export interface HandBackRequest {
  reason: string;
  requestedAt: string;
  requestedBy: string;
}

/** A co-handling unit's opinion to the lead unit (协办意见). */
export interface CoOpinion {
  unitId: string;
  text: string;
  mediaIds: string[];
  at: string;
  by: string;
  /** The handling round (0 first, n after the n-th re-handling); one opinion per unit and round. */
  round: number;
  /** After `coOpinionDue` (first round only). */
  late: boolean;
  /** Sent after the lead unit had replied for this round (still recorded, never refused). */
  afterReply?: boolean;
}

export interface SuggestionReply {
  class: ReplyClass;
  text: string;
  mediaIds: string[];
  at: string;
  by: string;
  /** 0 for the first reply, n for the reply after the n-th re-handling. */
  round: number;
  /** Sent on or before the reply due date in force at the time. */
  onTime: boolean;
  /** Last local date of its rating round (see rating-round.ts); absent on replies stored before it. */
  ratingsDue?: string;
  /** The lead unit replied while these co-units' opinions were still due, for this reason. */
  proceededWithoutCoOpinion?: { unitIds: string[]; reason: string };
}

export interface SuggestionRatingEntry {
  deputyId: string;
  rating: SuggestionRating;
  comment?: string;
  at: string;
  /** The reply round rated (see `SuggestionReply.round`). */
  round: number;
}

export interface FollowUpEntry {
  text: string;
  mediaIds: string[];
  at: string;
  by: string;
}

/** A suggestion as stored. */
export interface SuggestionRecord {
  id: string;
  version: number;
  state: SuggestionState;
  filerId: string;
  /** Co-signing deputies (附议代表); each sees the suggestion and rates the reply. */
  coSignerIds: string[];
  title: string;
  body: string;
  category: SuggestionCategory;
  /** Media ids of attachments at filing. */
  attachments: string[];
  submittedAt: string;
  acceptedAt?: string;
  conversion?: SuggestionConversion;
  assignment?: SuggestionAssignment;
  keySupervision?: KeySupervision;
  /** Local date; assignment + 3 months, moved by an approved extension or set by re-handling. */
  replyDue?: string;
  /** Local date; assignment + 1 month, only when there are co-handling units. */
  coOpinionDue?: string;
  /** Instant; close of office on the 7th working day after assignment. */
  handBackDue?: string;
  /**
   * `handBackDue` counted days the working calendar does not cover yet (Monday–Friday from
   * `provisionalSince`); recomputed when the year is loaded. Month periods are never provisional.
   */
  provisional?: true;
  provisionalSince?: string;
  handBackRequest?: HandBackRequest;
  /** The latest extension request and its decision. */
  extension?: SuggestionExtension;
  coOpinions: CoOpinion[];
  replies: SuggestionReply[];
  ratings: SuggestionRatingEntry[];
  followUps: FollowUpEntry[];
  rehandlingCount: number;
  solvedAt?: string;
  closedAt?: string;
  /** On a suggestion in state `split`: its parts, one per separately assigned unit. */
  parts?: SuggestionPart[];
  /** On a part: the suggestion it was split from. */
  parentId?: string;
  /** Highest escalation level reached by the overdue job (1 unit head, 2 People's Congress staff, 3 district leader). */
  escalationLevel?: 1 | 2 | 3;
}

export const SUGGESTION_ACTIONS = [
  'accept',
  'convert',
  'assign',
  'assignSeparately',
  'setKeySupervision',
  'submitCoOpinion',
  'requestHandBack',
  'approveHandBack',
  'rejectHandBack',
  'requestExtension',
  'approveExtension',
  'rejectExtension',
  'reply',
  'rate',
  'followUp',
  'markSolved',
] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

/** `submit` appears only as the first entry, written when the suggestion is filed. */
export type SuggestionTimelineEntry = TimelineEntry<
  SuggestionState,
  SuggestionAction | 'submit' | 'escalate' | 'closeRatingRound' | 'recomputeDeadline'
>;

/** Everyone whose rating the reply asks for: the filer and every co-signer. */
export const signatoriesOf = (record: SuggestionRecord): string[] => [record.filerId, ...record.coSignerIds];

/** The reply currently awaiting or holding ratings, if any. */
export const latestReply = (record: SuggestionRecord): SuggestionReply | undefined => record.replies.at(-1);
