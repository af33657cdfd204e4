import { formatLocalDate } from '../calendar/local-time-text.ts';
import { ConflictError } from '../errors.ts';
import type { TransitionRule } from '../workflow/state-machine.ts';
import { isOnTime } from './suggestion-deadlines.ts';
import { type SuggestionEnv, suggestionTransition as transition } from './suggestion-env.ts';
import { suggestionPayloads as P } from './suggestion-payloads.ts';
import { UNIT_STAFF as STAFF } from './suggestion-permissions.ts';
import type { SuggestionRecord } from './suggestion-record.ts';
import type { SuggestionState } from './suggestion-vocabulary.ts';

/**
 * Co-handling units' opinions (协办意见) and the lead unit's reply. A co-unit has until
 * `coOpinionDue` (one month after assignment, first round) to send its opinion, and the lead's reply
 * waits for it: while a co-unit's opinion is still due and missing, `reply` is refused (409) unless
 * the lead records `proceedWithoutCoOpinion` with a reason, which the reply and its timeline entry
 * keep. Once `coOpinionDue` has passed the reply no longer waits (the opinion is late and listed in
 * `overdueCoUnits`). An opinion that arrives after the reply is still recorded — marked `afterReply`
 * — so no co-unit is ever locked out of the record; re-handling rounds have no opinion deadline.
 */

/** Where an opinion may still be sent: while handling, and after the reply for the file. */
const OPINION_STATES: SuggestionState[] = ['assigned', 'rehandling', 'replied', 'followingUp', 'closed'];

/** Co-units whose first-round opinion is missing while still due at `at`: the reply waits for them. */
export const awaitedCoOpinions = (record: SuggestionRecord, at: Date, env: SuggestionEnv): string[] => {
  if (record.rehandlingCount > 0 || !record.assignment || record.coOpinionDue === undefined) return [];
  if (!isOnTime(record.coOpinionDue, at, env.calendar)) return [];
  const sent = new Set(record.coOpinions.filter((o) => o.round === 0).map((o) => o.unitId));
  return record.assignment.coUnitIds.filter((unit) => !sent.has(unit));
};

export const replyWaitsForCoOpinions = (
  record: SuggestionRecord,
  at: Date,
  env: SuggestionEnv,
): ConflictError | undefined => {
  const awaited = awaitedCoOpinions(record, at, env);
  if (awaited.length === 0) return undefined;
  return new ConflictError(
    `协办单位（${awaited.join('、')}）的协办意见尚未提交，提交期限为${formatLocalDate(record.coOpinionDue ?? '')}：请等待协办意见，或在答复中注明不等待的理由（proceedWithoutCoOpinion） ` +
      `(the co-handling opinion of ${awaited.join(', ')} is due by ${record.coOpinionDue}; wait for it or reply with proceedWithoutCoOpinion and a reason)`,
  );
};

export const SUBMIT_CO_OPINION: TransitionRule<SuggestionState, SuggestionRecord, SuggestionEnv> = transition(
  {
    from: OPINION_STATES,
    to: ({ record }) => record.state,
    roles: STAFF,
    relation: 'coDepartment',
    payload: () => P().submitCoOpinion,
    precondition: ({ record, principal }) =>
      record.coOpinions.some((o) => o.unitId === principal.departmentId && o.round === record.rehandlingCount)
        ? new ConflictError(
            '本单位已提交本轮协办意见 (this unit has already sent its opinion for this round)',
          )
        : undefined,
    effect: ({ record, payload, principal, at, env }) => {
      const unitId = principal.departmentId ?? '';
      const round = record.rehandlingCount;
      const late = round === 0 && !isOnTime(record.coOpinionDue, at, env.calendar);
      const afterReply = record.replies.some((reply) => reply.round === round);
      const opinion = {
        unitId,
        text: payload.text,
        mediaIds: payload.mediaIds,
        at: at.toISOString(),
        by: principal.userId,
        round,
        late,
        ...(afterReply ? { afterReply } : {}),
      };
      return {
        changes: { coOpinions: [...record.coOpinions, opinion] },
        note: payload.text,
        mediaIds: payload.mediaIds,
        details: { unitId, round, late, afterReply, coOpinionDue: record.coOpinionDue },
      };
    },
  },
);
