import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../shared/domain/errors.ts';
import {
  closeExpiredRatingRound,
  ratingRoundExpired,
} from '../../../shared/domain/suggestions/rating-round.ts';
import { allowedSuggestionActions } from '../../../shared/domain/suggestions/suggestion-machine.ts';
import type { SuggestionRecord } from '../../../shared/domain/suggestions/suggestion-record.ts';
import { assignedStory, env, people } from './suggestion-fixtures.ts';

/** Assigned Tue 2026-03-31 (co-opinion due 04-30); replied Mon 2026-06-15 10:00 Shanghai. */
const repliedStory = (replyClass: 'A' | 'B' = 'A') => {
  const s = assignedStory('2026-03-31T02:00:00Z');
  s.step('reply', people.leadHead, '2026-06-15T02:00:00Z', { class: replyClass, text: '已答复' });
  return s;
};

describe('a rating round', () => {
  it('keeps every signatory’s rating: a 不满意 waits for the others, then re-handles', () => {
    const s = repliedStory();
    expect(s.current().replies[0]?.ratingsDue).toBe('2026-06-30');
    s.step('rate', people.coSigner, '2026-06-16T02:00:00Z', { rating: 'unsatisfied' });
    expect(s.current().state).toBe('replied');
    expect(
      allowedSuggestionActions(people.coSigner, s.current(), { at: new Date('2026-06-16T03:00:00Z'), env }),
    ).toEqual([]);
    expect(
      allowedSuggestionActions(people.filer, s.current(), { at: new Date('2026-06-16T03:00:00Z'), env }),
    ).toEqual(['rate']);
    s.step('rate', people.filer, '2026-06-17T02:00:00Z', { rating: 'satisfied' });
    expect(s.current()).toMatchObject({ state: 'rehandling', rehandlingCount: 1 });
    expect(s.current().ratings.map((r) => r.rating)).toEqual(['unsatisfied', 'satisfied']);
  });

  it('stays open through the 15th day and closes after it with the ratings given', () => {
    const s = repliedStory('B');
    s.step('rate', people.filer, '2026-06-20T02:00:00Z', { rating: 'satisfied' });
    // 2026-06-30 23:59 Shanghai is still inside the round; 07-01 00:00 is not.
    expect(ratingRoundExpired(s.current(), new Date('2026-06-30T15:59:00Z'), env)).toBe(false);
    expect(closeExpiredRatingRound(s.current(), new Date('2026-06-30T15:59:00Z'), env)).toBeUndefined();
    const closing = closeExpiredRatingRound(s.current(), new Date('2026-06-30T16:00:00Z'), env);
    expect(closing?.record).toMatchObject({ state: 'followingUp', version: s.current().version + 1 });
    expect(closing?.entry).toMatchObject({
      action: 'closeRatingRound',
      actorRole: 'system',
      from: 'replied',
      to: 'followingUp',
      details: { notRated: [people.coSigner.userId], outcome: 'followingUp' },
    });
    // A rating after the round's time is refused, and no longer offered.
    const late = new Date('2026-07-01T02:00:00Z');
    expect(s.attempt('rate', people.coSigner, late.toISOString(), { rating: 'unsatisfied' })).toBeInstanceOf(
      ConflictError,
    );
    expect(allowedSuggestionActions(people.coSigner, s.current(), { at: late, env })).toEqual([]);
  });

  it('re-handles an expired round holding a 不满意; its length is fixed when the reply is sent', () => {
    const s = repliedStory();
    s.step('rate', people.coSigner, '2026-06-16T02:00:00Z', { rating: 'unsatisfied' });
    const short = { ...env, ratingRoundDays: 3 };
    // The reply carries its own last day (15 days, the environment's when it was sent) …
    expect(ratingRoundExpired(s.current(), new Date('2026-06-18T16:00:00Z'), short)).toBe(false);
    // … a reply stored without one takes the configured length.
    const older: SuggestionRecord = {
      ...s.current(),
      replies: s.current().replies.map(({ ratingsDue: _stored, ...reply }) => reply),
    };
    expect(ratingRoundExpired(older, new Date('2026-06-18T15:59:00Z'), short)).toBe(false);
    const closing = closeExpiredRatingRound(older, new Date('2026-06-18T16:00:00Z'), short);
    expect(closing?.record).toMatchObject({
      state: 'rehandling',
      rehandlingCount: 1,
      replyDue: '2026-07-19',
    });
  });
});

describe('the reply and due co-opinions', () => {
  it('waits for a co-unit whose opinion is due, unless the lead records why it proceeds', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    const payload = { class: 'A', text: '已答复' };
    expect(s.attempt('reply', people.leadHead, '2026-04-10T02:00:00Z', payload)).toBeInstanceOf(
      ConflictError,
    );
    s.step('reply', people.leadHead, '2026-04-10T02:00:00Z', {
      ...payload,
      proceedWithoutCoOpinion: { reason: '代表催办' },
    });
    expect(s.current().replies[0]?.proceededWithoutCoOpinion).toEqual({
      unitIds: ['dept-water'],
      reason: '代表催办',
    });
    s.step('submitCoOpinion', people.coHandler, '2026-04-12T02:00:00Z', { text: '补充意见' });
    expect(s.current().coOpinions[0]).toMatchObject({ afterReply: true, late: false, round: 0 });
  });

  it('no longer waits once the opinion is past due', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    s.step('reply', people.leadHead, '2026-05-01T02:00:00Z', { class: 'A', text: '已答复' });
    expect(s.current().replies[0]?.proceededWithoutCoOpinion).toBeUndefined();
  });
});
