import type { WorkingTimeUnit } from '../calendar/working-time.ts';
import type { TimelineEntry } from '../workflow/timeline.ts';
import type { CaseCategoryId } from './case-categories.ts';
import type { ClientSubmission } from './case-client.ts';

/** The states of a 随手拍 case, with the labels people read. */
export const CASE_STATES = [
  'submitted',
  'accepted',
  'rejected',
  'duplicate',
  'dispatched',
  'inProgress',
  'rectified',
  'awaitingVerification',
  'closed',
  'reopened',
  'suspended',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Readonly<Record<CaseState, { zh: string; en: string }>> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已立案', en: 'Accepted' },
  rejected: { zh: '不予立案', en: 'Rejected' },
  duplicate: { zh: '重复案件', en: 'Duplicate' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  inProgress: { zh: '处置中', en: 'In progress' },
  rectified: { zh: '已整改', en: 'Rectified' },
  awaitingVerification: { zh: '待核查', en: 'Awaiting verification' },
  closed: { zh: '已结案', en: 'Closed' },
  reopened: { zh: '已重启', en: 'Reopened' },
  suspended: { zh: '挂账', en: 'Suspended' },
};

export const CASE_RATINGS = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
export type CaseRating = (typeof CASE_RATINGS)[number];

export const CASE_RATING_LABELS: Readonly<Record<CaseRating, { zh: string; en: string }>> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basicallySatisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Not satisfied' },
};

export interface GeoLocation {
  latitude: number;
  longitude: number;
  address?: string;
}

export interface ExtensionRequest {
  amount: number;
  unit: WorkingTimeUnit;
  reason: string;
  requestedAt: string;
  requestedBy: string;
}

export interface CaseSuspension {
  /** The state to return to on resume. */
  from: CaseState;
  at: string;
  /** Local date (YYYY-MM-DD) on which the suspension must be looked at again. */
  nextReviewDate: string;
  reason: string;
}

/** Evidence sent back for rework, kept as it was (the current evidence is `rectificationMediaIds`). */
export interface PreviousRectification {
  mediaIds: string[];
  rectifiedAt?: string;
  departmentCompletedAt?: string;
  departmentOnTime?: boolean;
  /** The deadline in force when it was sent back. */
  deadline?: string;
  sentBackAt: string;
  reason: string;
}

/** A case as stored. Instants are UTC ISO-8601 strings; `deadline` is set by dispatch. */
export interface CaseRecord {
  id: string;
  version: number;
  state: CaseState;
  categoryId: CaseCategoryId;
  reporterId: string;
  /** Public cases are visible to every deputy, not only the reporter (who stays unnamed: case-privacy.ts). */
  isPublic: boolean;
  /** The reporter allowed other deputies to see their display name on a public case. */
  showReporterName?: boolean;
  /** The reporter's display name, kept only when `showReporterName` (token name claim or deputy directory). */
  reporterName?: string;
  title: string;
  description: string;
  location?: GeoLocation;
  /** Photos and video attached at submission. */
  mediaIds: string[];
  submittedAt: string;
  leadDepartmentId?: string;
  coDepartmentIds: string[];
  dispatchedAt?: string;
  deadline?: string;
  /**
   * The deadline counted days the working calendar does not cover yet (Monday–Friday from
   * `provisionalSince`); recomputed when the year is loaded (provisional-deadline.ts).
   */
  provisional?: true;
  provisionalSince?: string;
  extensionRequest?: ExtensionRequest;
  approvedExtensionCount: number;
  reworkCount: number;
  /** Evidence of the current rectification (empty again after a send-back). */
  rectificationMediaIds: string[];
  /** Rectifications sent back for rework, oldest first. */
  previousRectifications?: PreviousRectification[];
  rectifiedAt?: string;
  /**
   * The department's completion: its head's sign-off of the latest rectification (moved into
   * `previousRectifications` by a rework; a re-dispatch is judged on its own next sign-off).
   */
  departmentCompletedAt?: string;
  /** Whether that sign-off came on or before the deadline then in force. */
  departmentOnTime?: boolean;
  closedAt?: string;
  rejectionReason?: string;
  duplicateOf?: string;
  /** On an original: the cases marked as its duplicates, oldest first (written with each marking). */
  duplicateIds?: string[];
  /**
   * Open cases of the same category within 50 m when this one was submitted, nearest first; shown
   * to the staff who accept cases (case-duplicates.ts).
   */
  possibleDuplicates?: { id: string; distanceMeters: number; state: CaseState }[];
  /** The reporter's rating of the current closure; cleared when the case is closed again. */
  rating?: CaseRating;
  suspension?: CaseSuspension;
  /** Highest escalation level reached by the overdue job (1 department head, 2 People's Congress staff, 3 district leader). */
  escalationLevel?: 1 | 2 | 3;
  /** Reported through an API client (Open311): the client is the reporter (case-client.ts). */
  viaClient?: ClientSubmission;
}

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'markDuplicate',
  'dispatch',
  'returnToDispatcher',
  'signFor',
  'requestExtension',
  'approveExtension',
  'rejectExtension',
  'submitRectification',
  'headSignOff',
  'verify',
  'sendBackForRework',
  'rate',
  'suspend',
  'resume',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** `submit` appears only as the first entry, written when the case is created. */
export type CaseTimelineEntry = TimelineEntry<
  CaseState,
  CaseAction | 'submit' | 'escalate' | 'linkDuplicate' | 'recomputeDeadline'
>;
