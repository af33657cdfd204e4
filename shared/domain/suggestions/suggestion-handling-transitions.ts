import { localDateOf } from '../calendar/local-date.ts';
import { ConflictError } from '../errors.ts';
import type { Principal } from '../roles.ts';
import type { TransitionRule } from '../workflow/state-machine.ts';
import {
  checkGrantedDue,
  checkRequestedDue,
  isOnTime,
  MAX_REHANDLINGS,
  rehandlingReplyDue,
} from './suggestion-deadlines.ts';
import { type SuggestionEnv, suggestionTransition as transition } from './suggestion-env.ts';
import type { SuggestionIntakeAction } from './suggestion-intake-transitions.ts';
import { SuggestionPayloadSchemas as P } from './suggestion-payloads.ts';
import { SUGGESTION_OVERSEERS as OVERSEERS, UNIT_STAFF as STAFF } from './suggestion-permissions.ts';
import {
  FOLLOW_UP_CLASSES,
  latestReply,
  type SuggestionAction,
  type SuggestionRating,
  type SuggestionRecord,
  type SuggestionState,
  signatoriesOf,
} from './suggestion-record.ts';

/** Handling: co-handlers' opinions, extensions, the head's reply, the deputies' ratings, follow-up. */

type HandlingAction = Exclude<SuggestionAction, SuggestionIntakeAction>;

const HANDLING: SuggestionState[] = ['assigned', 'rehandling'];

const noExtensionPending = (record: SuggestionRecord) =>
  record.extension?.status === 'pending'
    ? undefined
    : new ConflictError('there is no pending extension request');

/**
 * Where a rating leads. The first unsatisfied rating of a reply starts re-handling at once (while
 * re-handlings remain), so no deputy waits on the others. Otherwise the reply stays `replied` until every
 * signatory has rated it, then B-class replies are followed up and the rest close.
 */
export const ratingOutcome = (
  record: SuggestionRecord,
  rater: Principal,
  rating: SuggestionRating,
): SuggestionState => {
  if (rating === 'unsatisfied' && record.rehandlingCount < MAX_REHANDLINGS) return 'rehandling';
  const reply = latestReply(record);
  const round = reply?.round ?? 0;
  const rated = new Set(record.ratings.filter((r) => r.round === round).map((r) => r.deputyId));
  rated.add(rater.userId);
  const allRated = signatoriesOf(record).every((deputy) => rated.has(deputy));
  if (!allRated) return 'replied';
  return reply && FOLLOW_UP_CLASSES.includes(reply.class) ? 'followingUp' : 'closed';
};

export const SUGGESTION_HANDLING_TRANSITIONS: Readonly<
  Record<HandlingAction, TransitionRule<SuggestionState, SuggestionRecord, SuggestionEnv>>
> = {
  submitCoOpinion: transition({
    from: HANDLING,
    to: ({ record }) => record.state,
    roles: STAFF,
    relation: 'coDepartment',
    payload: P.submitCoOpinion,
    guard: ({ record, principal }) =>
      record.coOpinions.some((o) => o.unitId === principal.departmentId && o.round === record.rehandlingCount)
        ? new ConflictError('this unit has already sent its opinion for this round')
        : undefined,
    effect: ({ record, payload, principal, at, env }) => {
      const unitId = principal.departmentId ?? '';
      const round = record.rehandlingCount;
      const late = round === 0 && !isOnTime(record.coOpinionDue, at, env.calendar);
      const opinion = {
        unitId,
        text: payload.text,
        mediaIds: payload.mediaIds,
        at: at.toISOString(),
        by: principal.userId,
        round,
        late,
      };
      return {
        changes: { coOpinions: [...record.coOpinions, opinion] },
        note: payload.text,
        mediaIds: payload.mediaIds,
        details: { unitId, round, late, coOpinionDue: record.coOpinionDue },
      };
    },
  }),
  requestExtension: transition({
    from: ['assigned'],
    to: 'assigned',
    roles: STAFF,
    relation: 'leadDepartment',
    payload: P.requestExtension,
    guard: ({ record, payload }) =>
      record.extension?.status === 'pending'
        ? new ConflictError('an extension request is already pending')
        : checkRequestedDue(record, payload.replyDue),
    effect: ({ payload, principal, at }) => ({
      changes: {
        extension: {
          status: 'pending',
          requestedDue: payload.replyDue,
          reason: payload.reason,
          requestedAt: at.toISOString(),
          requestedBy: principal.userId,
        },
      },
      note: payload.reason,
      details: { requestedDue: payload.replyDue },
    }),
  }),
  approveExtension: transition({
    from: ['assigned'],
    to: 'assigned',
    roles: OVERSEERS,
    relation: 'any',
    payload: P.approveExtension,
    guard: ({ record, payload }) =>
      noExtensionPending(record) ??
      checkGrantedDue(record, payload.replyDue ?? record.extension?.requestedDue ?? ''),
    effect: ({ record, payload, principal, at }) => {
      const requested = record.extension ?? {
        status: 'pending' as const,
        requestedDue: '',
        reason: '',
        requestedAt: at.toISOString(),
        requestedBy: '',
      };
      const grantedDue = payload.replyDue ?? requested.requestedDue;
      return {
        changes: {
          replyDue: grantedDue,
          extension: {
            ...requested,
            status: 'approved',
            grantedDue,
            decidedAt: at.toISOString(),
            decidedBy: principal.userId,
          },
        },
        note: payload.note,
        details: { previousDue: record.replyDue, replyDue: grantedDue },
      };
    },
  }),
  rejectExtension: transition({
    from: ['assigned'],
    to: 'assigned',
    roles: OVERSEERS,
    relation: 'any',
    payload: P.rejectExtension,
    guard: ({ record }) => noExtensionPending(record),
    effect: ({ record, payload, principal, at }) => ({
      changes: record.extension
        ? {
            extension: {
              ...record.extension,
              status: 'rejected',
              decidedAt: at.toISOString(),
              decidedBy: principal.userId,
            },
          }
        : {},
      note: payload.reason,
    }),
  }),
  /** Only the lead unit's head signs the reply (主办单位负责人签发); co-unit heads are refused. */
  reply: transition({
    from: HANDLING,
    to: 'replied',
    roles: ['head'],
    relation: 'leadDepartment',
    payload: P.reply,
    effect: ({ record, payload, principal, at, env }) => {
      const round = record.rehandlingCount;
      const onTime = isOnTime(record.replyDue, at, env.calendar);
      const reply = {
        class: payload.class,
        text: payload.text,
        mediaIds: payload.mediaIds,
        at: at.toISOString(),
        by: principal.userId,
        round,
        onTime,
      };
      const pendingExtension = record.extension?.status === 'pending';
      return {
        changes: {
          replies: [...record.replies, reply],
          handBackRequest: undefined,
          ...(pendingExtension ? { extension: undefined } : {}),
        },
        note: payload.text,
        mediaIds: payload.mediaIds,
        details: { replyClass: payload.class, round, onTime, replyDue: record.replyDue },
      };
    },
  }),
  /** Each signatory deputy (filer or co-signer) rates each reply once. */
  rate: transition({
    from: ['replied'],
    roles: ['deputy'],
    relation: 'reporter',
    payload: P.rate,
    guard: ({ record, principal }) => {
      const round = latestReply(record)?.round ?? 0;
      return record.ratings.some((r) => r.deputyId === principal.userId && r.round === round)
        ? new ConflictError('you have already rated this reply')
        : undefined;
    },
    to: ({ record, principal, payload }) => ratingOutcome(record, principal, payload.rating),
    effect: ({ record, payload, principal, at, env }) => {
      const round = latestReply(record)?.round ?? 0;
      const rating = {
        deputyId: principal.userId,
        rating: payload.rating,
        ...(payload.comment ? { comment: payload.comment } : {}),
        at: at.toISOString(),
        round,
      };
      const ratings = [...record.ratings, rating];
      const outcome = ratingOutcome(record, principal, payload.rating);
      if (outcome === 'rehandling') {
        const replyDue = rehandlingReplyDue(at, env.calendar);
        const rehandlingCount = record.rehandlingCount + 1;
        return {
          changes: { ratings, replyDue, rehandlingCount },
          note: payload.comment,
          details: { rating: payload.rating, round, outcome, replyDue, rehandlingCount },
        };
      }
      const closedAt = outcome === 'closed' ? { closedAt: at.toISOString() } : {};
      return {
        changes: { ratings, ...closedAt },
        note: payload.comment,
        details: { rating: payload.rating, round, outcome },
      };
    },
  }),
  followUp: transition({
    from: ['followingUp'],
    to: 'followingUp',
    roles: STAFF,
    relation: 'leadDepartment',
    payload: P.followUp,
    effect: ({ record, payload, principal, at }) => ({
      changes: {
        followUps: [
          ...record.followUps,
          { text: payload.text, mediaIds: payload.mediaIds, at: at.toISOString(), by: principal.userId },
        ],
      },
      note: payload.text,
      mediaIds: payload.mediaIds,
    }),
  }),
  /** The lead unit's head reports the B-class matter solved; the suggestion closes. */
  markSolved: transition({
    from: ['followingUp'],
    to: 'closed',
    roles: ['head'],
    relation: 'leadDepartment',
    payload: P.markSolved,
    effect: ({ record, payload, principal, at, env }) => ({
      changes: {
        followUps: [
          ...record.followUps,
          { text: payload.text, mediaIds: payload.mediaIds, at: at.toISOString(), by: principal.userId },
        ],
        solvedAt: at.toISOString(),
        closedAt: at.toISOString(),
      },
      note: payload.text,
      mediaIds: payload.mediaIds,
      details: { solvedOn: localDateOf(at, env.calendar.timeZone) },
    }),
  }),
};
