import { addDays, localDateOf } from '../calendar/local-date.ts';
import { formatLocalDate } from '../calendar/local-time-text.ts';
import { restartEscalation } from '../workflow/escalation-restart.ts';
import type { ActorRole } from '../workflow/timeline.ts';
import { SYSTEM_ACTOR_ROLE } from '../workflow/timeline.ts';
import { MAX_REHANDLINGS, rehandlingReplyDue } from './suggestion-deadlines.ts';
import type { SuggestionEnv } from './suggestion-env.ts';
import {
  latestReply,
  type SuggestionRatingEntry,
  type SuggestionRecord,
  type SuggestionReply,
  type SuggestionTimelineEntry,
  signatoriesOf,
} from './suggestion-record.ts';
import { FOLLOW_UP_CLASSES, type SuggestionState } from './suggestion-vocabulary.ts';

/**
 * A rating round (满意度测评): every signatory deputy — the filer and each co-signer — may rate a
 * reply once, and every rating given is kept. The round closes when all of them have rated, or when
 * its time is up (`ratingRoundDays` calendar days after the reply, 15 by default, through the end
 * of that local day) with the ratings given by then. Its outcome follows one rule:
 * - any 不满意 in the round, while re-handlings remain (MAX_REHANDLINGS) → re-handling;
 * - otherwise a B-class reply is followed up (跟踪落实), any other reply closes the suggestion.
 * A round nobody rated closes as if no one objected. Waiting for the others is the price of keeping
 * every deputy's rating: a first 不满意 no longer cuts the round short for the rest.
 */

export const DEFAULT_RATING_ROUND_DAYS = 15;

/** The actor id under which an expired round is closed; no person holds it. */
export const RATING_ROUND_ACTOR_ID = 'system:rating-round';

/** The last local date on which the reply may be rated. */
export const ratingsDueOf = (reply: Pick<SuggestionReply, 'at' | 'ratingsDue'>, env: SuggestionEnv) =>
  reply.ratingsDue ??
  addDays(
    localDateOf(new Date(reply.at), env.calendar.timeZone),
    env.ratingRoundDays ?? DEFAULT_RATING_ROUND_DAYS,
  );

/** The ratings given to the latest reply. */
export const roundRatings = (record: SuggestionRecord): SuggestionRatingEntry[] => {
  const round = latestReply(record)?.round ?? 0;
  return record.ratings.filter((rating) => rating.round === round);
};

/** Signatories who have not rated the latest reply yet. */
export const pendingRaters = (record: SuggestionRecord): string[] => {
  const rated = new Set(roundRatings(record).map((rating) => rating.deputyId));
  return signatoriesOf(record).filter((deputy) => !rated.has(deputy));
};

/** Where a closed round leads, from the ratings it holds (see the rule above). */
export const roundOutcome = (
  record: SuggestionRecord,
  ratings: readonly SuggestionRatingEntry[],
): SuggestionState => {
  const objected = ratings.some((rating) => rating.rating === 'unsatisfied');
  if (objected && record.rehandlingCount < MAX_REHANDLINGS) return 'rehandling';
  const reply = latestReply(record);
  return reply && FOLLOW_UP_CLASSES.includes(reply.class) ? 'followingUp' : 'closed';
};

/** The record changes a round's closing makes at `at`, for either way of closing. */
export const roundClosingChanges = (
  record: SuggestionRecord,
  outcome: SuggestionState,
  at: Date,
  env: SuggestionEnv,
): Partial<SuggestionRecord> => {
  if (outcome === 'rehandling') {
    // A new reply date, escalated afresh; the levels the first reply reached stay on the timeline.
    return {
      replyDue: rehandlingReplyDue(at, env.calendar),
      rehandlingCount: record.rehandlingCount + 1,
      ...restartEscalation(),
    };
  }
  return outcome === 'closed' ? { closedAt: at.toISOString() } : {};
};

/** True when the latest reply still awaits ratings and its round's time is up at `now`. */
export const ratingRoundExpired = (record: SuggestionRecord, now: Date, env: SuggestionEnv): boolean => {
  const reply = latestReply(record);
  if (record.state !== 'replied' || !reply) return false;
  return localDateOf(now, env.calendar.timeZone) > ratingsDueOf(reply, env);
};

/**
 * Closes an expired round as a workflow step of its own (versioned like any transition, recorded on
 * the timeline under the system actor); undefined when the round is not expired.
 */
export const closeExpiredRatingRound = (
  record: SuggestionRecord,
  now: Date,
  env: SuggestionEnv,
): { record: SuggestionRecord; entry: SuggestionTimelineEntry } | undefined => {
  if (!ratingRoundExpired(record, now, env)) return undefined;
  const reply = latestReply(record);
  const ratings = roundRatings(record);
  const outcome = roundOutcome(record, ratings);
  const changes = roundClosingChanges(record, outcome, now, env);
  const version = record.version + 1;
  const missing = pendingRaters(record);
  const actorRole: ActorRole = SYSTEM_ACTOR_ROLE;
  return {
    record: { ...record, ...changes, state: outcome, version },
    entry: {
      seq: version,
      at: now.toISOString(),
      actorId: RATING_ROUND_ACTOR_ID,
      actorRole,
      action: 'closeRatingRound',
      from: record.state,
      to: outcome,
      note: `评价期限（${reply ? formatLocalDate(ratingsDueOf(reply, env)) : ''}）已过，按已收到的${ratings.length}份评价结束本轮测评 (the rating round closed at its time limit with the ratings given)`,
      mediaIds: [],
      details: {
        round: reply?.round ?? 0,
        ratings: ratings.map(({ deputyId, rating }) => ({ deputyId, rating })),
        notRated: missing,
        outcome,
        ...(changes.replyDue === undefined ? {} : { replyDue: changes.replyDue }),
      },
    },
  };
};
