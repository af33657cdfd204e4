import { localDateOf } from '../calendar/local-date.ts';
import { ConflictError } from '../errors.ts';
import type { TransitionRule } from '../workflow/state-machine.ts';
import {
  pendingRaters,
  ratingRoundExpired,
  ratingsDueOf,
  roundClosingChanges,
  roundOutcome,
  roundRatings,
} from './rating-round.ts';
import { awaitedCoOpinions, replyWaitsForCoOpinions, SUBMIT_CO_OPINION } from './suggestion-co-opinions.ts';
import { isOnTime } from './suggestion-deadlines.ts';
import { type SuggestionEnv, suggestionTransition as transition } from './suggestion-env.ts';
import { SUGGESTION_EXTENSION_TRANSITIONS } from './suggestion-extension-transitions.ts';
import type { SuggestionIntakeAction } from './suggestion-intake-transitions.ts';
import { suggestionPayloads as P } from './suggestion-payloads.ts';
import { UNIT_STAFF as STAFF } from './suggestion-permissions.ts';
import { latestReply, type SuggestionAction, type SuggestionRecord } from './suggestion-record.ts';
import type { SuggestionRating, SuggestionState } from './suggestion-vocabulary.ts';

/**
 * Handling: co-handlers' opinions, extensions (suggestion-extension-transitions.ts), the head's reply,
 * the deputies' ratings, follow-up.
 */

type HandlingAction = Exclude<SuggestionAction, SuggestionIntakeAction>;

const HANDLING: SuggestionState[] = ['assigned', 'rehandling'];

/** After this deputy's rating: still `replied` while others may rate, else the round's outcome. */
const rateOutcome = (
  record: SuggestionRecord,
  deputyId: string,
  rating: SuggestionRating,
): SuggestionState => {
  if (pendingRaters(record).some((deputy) => deputy !== deputyId)) return 'replied';
  const round = latestReply(record)?.round ?? 0;
  return roundOutcome(record, [...roundRatings(record), { deputyId, rating, at: '', round }]);
};

export const SUGGESTION_HANDLING_TRANSITIONS: Readonly<
  Record<HandlingAction, TransitionRule<SuggestionState, SuggestionRecord, SuggestionEnv>>
> = {
  submitCoOpinion: SUBMIT_CO_OPINION,
  ...SUGGESTION_EXTENSION_TRANSITIONS,
  /** Only the lead unit's head signs the reply (主办单位负责人签发); co-unit heads are refused. */
  reply: transition({
    from: HANDLING,
    to: 'replied',
    roles: ['head'],
    relation: 'leadDepartment',
    payload: () => P().reply,
    // The reply waits for co-units whose opinion is still due, unless the lead records why not.
    guard: ({ record, payload, at, env }) =>
      payload.proceedWithoutCoOpinion ? undefined : replyWaitsForCoOpinions(record, at, env),
    effect: ({ record, payload, principal, at, env }) => {
      const round = record.rehandlingCount;
      const onTime = isOnTime(record.replyDue, at, env.calendar);
      const awaited = awaitedCoOpinions(record, at, env);
      const waived =
        payload.proceedWithoutCoOpinion && awaited.length > 0
          ? { unitIds: awaited, reason: payload.proceedWithoutCoOpinion.reason }
          : undefined;
      const reply = {
        class: payload.class,
        text: payload.text,
        mediaIds: payload.mediaIds,
        at: at.toISOString(),
        by: principal.userId,
        round,
        onTime,
        ratingsDue: ratingsDueOf({ at: at.toISOString() }, env),
        ...(waived ? { proceededWithoutCoOpinion: waived } : {}),
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
        details: {
          replyClass: payload.class,
          round,
          onTime,
          replyDue: record.replyDue,
          ratingsDue: reply.ratingsDue,
          ...(waived ? { proceededWithoutCoOpinion: waived } : {}),
        },
      };
    },
  }),
  /**
   * Each signatory deputy (filer or co-signer) rates each reply once and every rating is kept; the
   * last one closes the round (rating-round.ts has the rule), until then the reply stays `replied`.
   */
  rate: transition({
    from: ['replied'],
    roles: ['deputy'],
    relation: 'reporter',
    payload: () => P().rate,
    // A precondition, so `allowedActions` stops offering `rate` to a deputy who has rated.
    precondition: ({ record, principal, at, env }) => {
      if (!pendingRaters(record).includes(principal.userId)) {
        return new ConflictError('您已评价过本次答复 (you have already rated this reply)');
      }
      return ratingRoundExpired(record, at, env)
        ? new ConflictError('本次答复的评价期限已过 (the rating round of this reply has closed)')
        : undefined;
    },
    to: ({ record, principal, payload }) => rateOutcome(record, principal.userId, payload.rating),
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
      const outcome = rateOutcome(record, principal.userId, payload.rating);
      const closing = outcome === 'replied' ? {} : roundClosingChanges(record, outcome, at, env);
      const stillToRate = pendingRaters(record).filter((deputy) => deputy !== principal.userId);
      return {
        changes: { ratings, ...closing },
        note: payload.comment,
        details: {
          rating: payload.rating,
          round,
          outcome,
          stillToRate,
          ...(closing.replyDue === undefined ? {} : { replyDue: closing.replyDue }),
          ...(closing.rehandlingCount === undefined ? {} : { rehandlingCount: closing.rehandlingCount }),
        },
      };
    },
  }),
  followUp: transition({
    from: ['followingUp'],
    to: 'followingUp',
    roles: STAFF,
    relation: 'leadDepartment',
    payload: () => P().followUp,
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
    payload: () => P().markSolved,
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
