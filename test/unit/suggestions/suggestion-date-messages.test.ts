import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../../shared/domain/errors.ts';
import { closeExpiredRatingRound } from '../../../shared/domain/suggestions/rating-round.ts';
import { allowedSuggestionActions } from '../../../shared/domain/suggestions/suggestion-machine.ts';
import { assignedStory, env, people } from './suggestion-fixtures.ts';

/**
 * Refusals and notes that name a date say it as people read it (2026年10月14日 18:00（北京时间）),
 * never as the stored UTC instant (2026-10-14T10:00:00.000Z) or a bare ISO date in the Chinese.
 */

const RAW_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** The Chinese part: everything before the English in brackets. */
const chinese = (message: string) => message.split(' (')[0] ?? '';

describe('dates in suggestion messages', () => {
  // Assigned Tue 2026-09-29; the hand-back window closes Wed 2026-10-14 18:00 Shanghai (10:00Z).
  const ASSIGNED = '2026-09-29T02:00:00Z';

  it('names the hand-back window’s close in local time, and no longer offers the request after it', () => {
    const s = assignedStory(ASSIGNED);
    const error = s.attempt('requestHandBack', people.leadHandler, '2026-10-14T10:01:00Z', {
      reason: '不属于本单位职责',
    }) as DomainError;
    expect(error.status).toBe(422);
    expect(error.message).toContain('2026年10月14日 18:00（北京时间）');
    expect(error.message).not.toMatch(RAW_INSTANT);
    const after = { at: new Date('2026-10-14T10:01:00Z'), env };
    expect(allowedSuggestionActions(people.leadHandler, s.current(), after)).not.toContain('requestHandBack');
    const before = { at: new Date('2026-10-14T09:59:00Z'), env };
    expect(allowedSuggestionActions(people.leadHandler, s.current(), before)).toContain('requestHandBack');
  });

  it('names the co-opinion due date in words while the reply waits for it', () => {
    const s = assignedStory(ASSIGNED);
    const error = s.attempt('reply', people.leadHead, '2026-10-10T02:00:00Z', { class: 'A', text: '已办' });
    expect(chinese((error as DomainError).message)).toContain('提交期限为2026年10月29日');
    expect(chinese((error as DomainError).message)).not.toContain('2026-10-29');
  });

  it('names the six-month limit and the current reply date in words', () => {
    const s = assignedStory(ASSIGNED);
    const beyond = s.attempt('requestExtension', people.leadHandler, '2026-11-02T02:00:00Z', {
      replyDue: '2027-04-30',
      reason: '工程量大',
    }) as DomainError;
    expect(chinese(beyond.message)).toContain('2027年3月29日');
    expect(chinese(beyond.message)).toContain('不能延期至2027年4月30日');
    expect(chinese(beyond.message)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const earlier = s.attempt('requestExtension', people.leadHandler, '2026-11-02T02:00:00Z', {
      replyDue: '2026-12-01',
      reason: '工程量大',
    }) as DomainError & { errors: { message: string }[] };
    expect(chinese(earlier.errors[0]?.message ?? '')).toContain('2026年12月29日');
  });

  it('names the rating round’s last day in words when the round closes', () => {
    const s = assignedStory(ASSIGNED);
    s.step('submitCoOpinion', people.coHandler, '2026-10-09T02:00:00Z', { text: '同意' });
    s.step('reply', people.leadHead, '2026-11-02T02:00:00Z', { class: 'A', text: '已办结' });
    const closed = closeExpiredRatingRound(s.current(), new Date('2026-12-01T02:00:00Z'), env);
    expect(closed?.entry.note).toMatch(/^评价期限（2026年11月17日）已过/);
  });
});
