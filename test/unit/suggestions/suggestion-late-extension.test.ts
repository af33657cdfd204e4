import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../shared/domain/errors.ts';
import { allowedSuggestionActions } from '../../../shared/domain/suggestions/suggestion-machine.ts';
import { assignedStory, env, people } from './suggestion-fixtures.ts';

/**
 * A reply date that has passed does not move: assigned 2026-03-31, the reply is due 2026-06-30
 * (through the end of that local day).
 */

const REQUEST = { replyDue: '2026-08-31', reason: '需结合年度预算' };

describe('a late extension (suggestions)', () => {
  it('refuses a request after the reply date with 409 naming the date as people read it', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    // 1 July 09:00 local: the reply date (30 June) is over.
    const error = s.attempt('requestExtension', people.leadHandler, '2026-07-01T01:00:00Z', REQUEST);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toMatch(/^答复期限2026年6月30日已过/);
    expect(
      allowedSuggestionActions(people.leadHandler, s.current(), {
        at: new Date('2026-07-01T01:00:00Z'),
        env,
      }),
    ).not.toContain('requestExtension');
  });

  it('still takes a request late on the due date itself', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    s.step('requestExtension', people.leadHandler, '2026-06-30T15:00:00Z', REQUEST); // 23:00 local
    expect(s.current().extension?.status).toBe('pending');
  });

  it('refuses to approve after the reply date a request made before it; it can still be rejected', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    s.step('requestExtension', people.leadHandler, '2026-06-25T02:00:00Z', REQUEST);
    const error = s.attempt('approveExtension', people.supervisor, '2026-07-02T02:00:00Z');
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toContain('2026年6月30日');
    expect(s.current().replyDue).toBe('2026-06-30');
    s.step('rejectExtension', people.supervisor, '2026-07-02T02:00:00Z', { reason: '已逾期' });
    expect(s.current()).toMatchObject({ replyDue: '2026-06-30', extension: { status: 'rejected' } });
  });
});
