import type { TimelineEntry } from '../workflow/timeline.ts';

/**
 * Deputies' suggestions (代表建议, also 建议、批评和意见). Instants are UTC ISO-8601 strings; due dates
 * counted in calendar months (`replyDue`, `coOpinionDue`) are local dates `YYYY-MM-DD` in the deployment
 * zone, due by the end of that day; the hand-back window, counted in working days, ends at an instant.
 */

/** The states of a suggestion, with the labels people read. */
export const SUGGESTION_STATES = [
  'submitted',
  'accepted',
  'converted',
  'assigned',
  'replied',
  'rehandling',
  'followingUp',
  'closed',
  'split',
] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

export const SUGGESTION_STATE_LABELS: Readonly<Record<SuggestionState, { zh: string; en: string }>> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  converted: { zh: '已转为其他事项处理', en: 'Converted' },
  assigned: { zh: '办理中', en: 'Assigned, being handled' },
  replied: { zh: '已答复', en: 'Replied, awaiting ratings' },
  rehandling: { zh: '重新办理', en: 'Re-handling' },
  followingUp: { zh: '跟踪落实', en: 'Following up' },
  closed: { zh: '已办结', en: 'Closed' },
  split: { zh: '已分别交办', en: 'Split: each unit handles its own part' },
};

/** States in which the suggestion is still with a handling unit or its deputies. */
export const OPEN_SUGGESTION_STATES: readonly SuggestionState[] = [
  'submitted',
  'accepted',
  'assigned',
  'replied',
  'rehandling',
  'followingUp',
];

/** Subject areas, as the 人大常委会 office sorts suggestions for assignment. */
export const SUGGESTION_CATEGORIES = [
  'ecology',
  'pollutionControl',
  'energyAndCarbon',
  'urbanConstruction',
  'transport',
  'economy',
  'socialAffairs',
  'other',
] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

export const SUGGESTION_CATEGORY_LABELS: Readonly<Record<SuggestionCategory, { zh: string; en: string }>> = {
  ecology: { zh: '生态保护', en: 'Ecology' },
  pollutionControl: { zh: '污染防治', en: 'Pollution control' },
  energyAndCarbon: { zh: '节能降碳', en: 'Energy and carbon' },
  urbanConstruction: { zh: '城乡建设', en: 'Urban and rural construction' },
  transport: { zh: '交通运输', en: 'Transport' },
  economy: { zh: '财政经济', en: 'Economy and finance' },
  socialAffairs: { zh: '社会事务', en: 'Social affairs' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * The class a reply gives the suggestion (答复分类). The A/B/C/D wording below is Qingshan's own. There
 * is no single national wording: each 人大常委会 (or the people's government receiving the suggestions)
 * fixes it in its own 代表建议办理办法 / 办理工作通知, and published handling reports show variants, e.g.
 * the NPC Standing Committee office's report on the 9th NPC 5th session suggestions (已解决或基本解决 /
 * 正在解决或已列入规划将逐步解决 / 因目前条件限制或其他原因需待以后解决 / 留作有关部门研究参考; Xinhua via
 * chinanews.com.cn, 2003-01-29, http://chinanews.com.cn/n/2003-01-29/26/268631.html) and county-level
 * reports that add 已通过其他途径解决 to A or split 已列入规划计划 into its own class. A city adopting
 * Qingshan should replace the labels with those of its own 办理办法.
 */
export const REPLY_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];

export const REPLY_CLASS_LABELS: Readonly<Record<ReplyClass, { zh: string; en: string }>> = {
  A: { zh: '已解决或基本解决', en: 'Solved or basically solved' },
  B: { zh: '正在解决或列入计划解决', en: 'Being solved or planned' },
  C: { zh: '因条件限制暂时不能解决', en: 'Cannot be solved yet for lack of conditions' },
  D: { zh: '留作参考', en: 'Kept for reference' },
};

/** B-class replies are followed up (跟踪落实) until the unit reports the matter solved. */
export const FOLLOW_UP_CLASSES: readonly ReplyClass[] = ['B'];

export const SUGGESTION_RATINGS = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
export type SuggestionRating = (typeof SUGGESTION_RATINGS)[number];

export const SUGGESTION_RATING_LABELS: Readonly<Record<SuggestionRating, { zh: string; en: string }>> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basicallySatisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Not satisfied' },
};

/** Where the suggestion goes instead when it is converted rather than accepted as a suggestion. */
export const CONVERSION_TARGETS = ['case', 'opinion'] as const;
export type ConversionTarget = (typeof CONVERSION_TARGETS)[number];

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
