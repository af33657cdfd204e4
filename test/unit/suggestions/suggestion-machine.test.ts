import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  UnprocessableError,
  ValidationError,
} from '../../../shared/domain/errors.ts';
import { submitSuggestion } from '../../../shared/domain/suggestions/submit-suggestion.ts';
import {
  isSuggestionOverdue,
  overdueCoUnits,
} from '../../../shared/domain/suggestions/suggestion-deadlines.ts';
import { allowedSuggestionActions } from '../../../shared/domain/suggestions/suggestion-machine.ts';
import { canViewSuggestion } from '../../../shared/domain/suggestions/suggestion-permissions.ts';
import { assignedStory, CO, env, filed, LEAD, people, story } from './suggestion-fixtures.ts';

describe('a suggestion with a co-handling unit, from filing to solved', () => {
  it('walks every step, with month deadlines, key supervision, an extension, a B-class reply and follow-up', () => {
    // Prepare
    const s = story(filed());
    // Act + Assert, step by step
    s.step('accept', people.supervisor, '2026-03-02T02:00:00Z', { note: '受理' });
    // Assigned Tue 2026-03-31 10:00 Shanghai: +3 months = 06-30, +1 month = 04-30 (April has 30 days).
    // 7 working days: Apr 1, 2, 3, (Qingming 4–6 off), 7, 8, 9, 10 → close of office Fri Apr 10 18:00.
    s.step('assign', people.supervisor, '2026-03-31T02:00:00Z', { leadUnitId: LEAD, coUnitIds: [CO] });
    expect(s.current()).toMatchObject({
      state: 'assigned',
      assignment: { leadUnitId: LEAD, coUnitIds: [CO], assignedOn: '2026-03-31' },
      replyDue: '2026-06-30',
      coOpinionDue: '2026-04-30',
      handBackDue: '2026-04-10T10:00:00.000Z',
    });
    s.step('setKeySupervision', people.supervisor, '2026-04-01T02:00:00Z', { leaderName: '王副主任' });
    expect(s.current().state).toBe('assigned');
    expect(s.current().keySupervision?.leaderName).toBe('王副主任');

    s.step('submitCoOpinion', people.coHandler, '2026-04-20T02:00:00Z', { text: '建议同步改造雨污分流管线' });
    expect(s.current().coOpinions).toEqual([
      expect.objectContaining({ unitId: CO, by: people.coHandler.userId, round: 0, late: false }),
    ]);
    expect(
      s.attempt('submitCoOpinion', people.coHead, '2026-04-21T02:00:00Z', { text: 'again' }),
    ).toBeInstanceOf(ConflictError);

    s.step('requestExtension', people.leadHandler, '2026-06-10T02:00:00Z', {
      replyDue: '2026-08-31',
      reason: '需等待年度预算批复',
    });
    expect(s.current().extension?.status).toBe('pending');
    s.step('approveExtension', people.supervisor, '2026-06-11T02:00:00Z');
    expect(s.current().replyDue).toBe('2026-08-31');
    expect(s.current().extension).toMatchObject({ status: 'approved', grantedDue: '2026-08-31' });

    s.step('reply', people.leadHead, '2026-08-20T02:00:00Z', {
      class: 'B',
      text: '已列入2027年城市更新计划',
      mediaIds: ['m-reply'],
    });
    expect(s.current().state).toBe('replied');
    expect(s.current().replies).toEqual([
      expect.objectContaining({ class: 'B', round: 0, onTime: true, by: people.leadHead.userId }),
    ]);
    // Every signatory sees the reply; other deputies do not see the suggestion at all.
    expect(canViewSuggestion(people.coSigner, s.current())).toBe(true);
    expect(canViewSuggestion(people.coHandler, s.current())).toBe(true);
    expect(canViewSuggestion(people.otherDeputy, s.current())).toBe(false);
    expect(canViewSuggestion(people.otherHead, s.current())).toBe(false);
    expect(
      allowedSuggestionActions(people.coSigner, s.current(), { at: new Date('2026-08-25T01:00:00Z'), env }),
    ).toEqual(['rate']);

    s.step('rate', people.filer, '2026-08-25T02:00:00Z', { rating: 'satisfied' });
    expect(s.current().state).toBe('replied'); // the co-signer has not rated yet
    expect(s.attempt('rate', people.filer, '2026-08-25T03:00:00Z', { rating: 'satisfied' })).toBeInstanceOf(
      ConflictError,
    );
    s.step('rate', people.coSigner, '2026-08-26T02:00:00Z', { rating: 'basicallySatisfied' });
    expect(s.current().state).toBe('followingUp'); // B class: followed up until solved

    s.step('followUp', people.leadHandler, '2026-11-02T02:00:00Z', { text: '一期管网招标完成' });
    s.step('markSolved', people.leadHead, '2027-05-10T02:00:00Z', { text: '改造完成并通过验收' });
    expect(s.current()).toMatchObject({ state: 'closed', solvedAt: '2027-05-10T02:00:00.000Z' });
    expect(s.current().followUps).toHaveLength(2);

    // The timeline is one entry per version, in order, each with who acted in which role.
    expect(s.timeline.map((e) => e.seq)).toEqual(s.timeline.map((_, i) => i + 1));
    expect(s.current().version).toBe(s.timeline.length);
    expect(s.timeline.map((e) => e.action)).toEqual([
      'submit',
      'accept',
      'assign',
      'setKeySupervision',
      'submitCoOpinion',
      'requestExtension',
      'approveExtension',
      'reply',
      'rate',
      'rate',
      'followUp',
      'markSolved',
    ]);
    expect(s.timeline.find((e) => e.action === 'reply')).toMatchObject({
      actorRole: 'head',
      from: 'assigned',
      to: 'replied',
      details: { replyClass: 'B', onTime: true, replyDue: '2026-08-31' },
    });
  });
});

describe('who may send the reply', () => {
  it('refuses the co-handling unit head with ForbiddenError (403)', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    const error = s.attempt('reply', people.coHead, '2026-05-01T02:00:00Z', { class: 'A', text: '已解决' });
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(s.current().state).toBe('assigned');
  });

  it('refuses a handler of the lead unit and the head of an unrelated unit', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    const payload = { class: 'A', text: '已解决' };
    expect(s.attempt('reply', people.leadHandler, '2026-05-01T02:00:00Z', payload)).toBeInstanceOf(
      ForbiddenError,
    );
    expect(s.attempt('reply', people.otherHead, '2026-05-01T02:00:00Z', payload)).toBeInstanceOf(
      ForbiddenError,
    );
    expect(s.attempt('reply', people.supervisor, '2026-05-01T02:00:00Z', payload)).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('checks the role before the state (403), then the state (409), and the payload last (400)', () => {
    // Not assigned yet: the lead head is no one to this suggestion, whatever its state.
    const s = story(filed());
    expect(
      s.attempt('reply', people.leadHead, '2026-03-03T02:00:00Z', { class: 'A', text: 'x' }),
    ).toBeInstanceOf(ForbiddenError);
    const replied = assignedStory('2026-03-31T02:00:00Z');
    replied.step('reply', people.leadHead, '2026-06-15T02:00:00Z', { class: 'A', text: '已解决' });
    const again = replied.attempt('reply', people.leadHead, '2026-06-16T02:00:00Z', {
      class: 'A',
      text: 'x',
    });
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as Error).message).toMatch(/^代表建议当前状态为「已答复」，不能执行「答复」操作/);
    expect(replied.attempt('reply', people.coHead, '2026-06-16T02:00:00Z', {})).toBeInstanceOf(
      ForbiddenError,
    );
    const assigned = assignedStory('2026-03-31T02:00:00Z');
    const invalid = assigned.attempt('reply', people.leadHead, '2026-05-01T02:00:00Z', {
      class: 'E',
      text: '',
    });
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).errors.map((e) => e.path).sort()).toEqual(['/class', '/text']);
  });
});

describe('extensions are capped at 6 months after assignment', () => {
  it('refuses a request past the limit with field errors (400), accepts the limit itself', () => {
    // Assigned 2026-03-31 → limit 2026-09-30.
    const s = assignedStory('2026-03-31T02:00:00Z');
    const error = s.attempt('requestExtension', people.leadHandler, '2026-06-01T02:00:00Z', {
      replyDue: '2026-10-01',
      reason: '工程量大',
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors[0]?.path).toBe('/replyDue');
    expect((error as ValidationError).message).toContain('2026-09-30');
    s.step('requestExtension', people.leadHandler, '2026-06-01T02:00:00Z', {
      replyDue: '2026-09-30',
      reason: '工程量大',
    });
    expect(s.current().extension?.status).toBe('pending');
  });

  it('refuses an approval granting a date past the limit (422) and keeps the request pending', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    s.step('requestExtension', people.leadHandler, '2026-06-01T02:00:00Z', {
      replyDue: '2026-09-15',
      reason: 'x',
    });
    const error = s.attempt('approveExtension', people.supervisor, '2026-06-02T02:00:00Z', {
      replyDue: '2026-10-15',
    });
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(s.current().replyDue).toBe('2026-06-30');
    expect(s.current().extension?.status).toBe('pending');
  });

  it('counts the limit with end-of-month clamping: assigned Aug 31 → at most Feb 28', () => {
    const s = assignedStory('2026-08-31T02:00:00Z');
    expect(s.current().replyDue).toBe('2026-11-30');
    expect(s.current().coOpinionDue).toBe('2026-09-30');
    const refused = s.attempt('requestExtension', people.leadHandler, '2026-11-01T02:00:00Z', {
      replyDue: '2027-03-01',
      reason: 'x',
    });
    expect(refused).toBeInstanceOf(ValidationError);
    s.step('requestExtension', people.leadHandler, '2026-11-01T02:00:00Z', {
      replyDue: '2027-02-28',
      reason: 'x',
    });
    s.step('approveExtension', people.supervisor, '2026-11-02T02:00:00Z');
    expect(s.current().replyDue).toBe('2027-02-28');
  });

  it('refuses a second request while one is pending, and only the lead unit may ask', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    const payload = { replyDue: '2026-08-31', reason: 'x' };
    expect(s.attempt('requestExtension', people.coHandler, '2026-06-01T02:00:00Z', payload)).toBeInstanceOf(
      ForbiddenError,
    );
    s.step('requestExtension', people.leadHandler, '2026-06-01T02:00:00Z', payload);
    expect(s.attempt('requestExtension', people.leadHead, '2026-06-02T02:00:00Z', payload)).toBeInstanceOf(
      ConflictError,
    );
    s.step('rejectExtension', people.supervisor, '2026-06-03T02:00:00Z', { reason: '理由不充分' });
    expect(s.current()).toMatchObject({ replyDue: '2026-06-30', extension: { status: 'rejected' } });
  });
});

describe('an unsatisfied rating starts re-handling', () => {
  it('sets a reply due 1 month after the rating, takes a second reply, and closes after the second ratings', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    s.step('reply', people.leadHead, '2026-06-15T02:00:00Z', { class: 'A', text: '已完成排查' });
    // One deputy's 不满意 does not cut the round short: the co-signer still rates this reply.
    s.step('rate', people.filer, '2026-06-20T02:00:00Z', { rating: 'unsatisfied', comment: '仍有漏点' });
    expect(s.current()).toMatchObject({ state: 'replied', rehandlingCount: 0 });
    // Rated Mon 2026-06-22 10:00 Shanghai, closing the round → re-handled reply due 2026-07-22.
    s.step('rate', people.coSigner, '2026-06-22T02:00:00Z', { rating: 'satisfied' });
    expect(s.current()).toMatchObject({ state: 'rehandling', rehandlingCount: 1, replyDue: '2026-07-22' });
    expect(s.timeline.at(-1)?.details).toMatchObject({ outcome: 'rehandling', stillToRate: [] });
    s.step('submitCoOpinion', people.coHead, '2026-07-01T02:00:00Z', { text: '已配合复查' });
    expect(s.current().coOpinions.map((o) => o.round)).toEqual([1]);

    s.step('reply', people.leadHead, '2026-07-20T02:00:00Z', { class: 'A', text: '漏点已全部修复' });
    expect(s.current().state).toBe('replied');
    expect(s.current().replies.map((r) => ({ round: r.round, onTime: r.onTime }))).toEqual([
      { round: 0, onTime: true },
      { round: 1, onTime: true },
    ]);
    // Re-handling happens once: a second unsatisfied rating is recorded but does not reopen.
    s.step('rate', people.filer, '2026-07-25T02:00:00Z', { rating: 'unsatisfied' });
    expect(s.current().state).toBe('replied');
    s.step('rate', people.coSigner, '2026-07-26T02:00:00Z', { rating: 'satisfied' });
    expect(s.current()).toMatchObject({
      state: 'closed',
      rehandlingCount: 1,
      closedAt: '2026-07-26T02:00:00.000Z',
    });
    expect(s.current().ratings.map((r) => [r.deputyId, r.rating, r.round])).toEqual([
      [people.filer.userId, 'unsatisfied', 0],
      [people.coSigner.userId, 'satisfied', 0],
      [people.filer.userId, 'unsatisfied', 1],
      [people.coSigner.userId, 'satisfied', 1],
    ]);
  });

  it('marks a late second reply as not on time, clamping the 1-month due date at month end', () => {
    const s = assignedStory('2026-11-03T02:00:00Z');
    s.step('reply', people.leadHead, '2027-01-20T02:00:00Z', { class: 'C', text: '受条件限制' });
    s.step('rate', people.filer, '2027-01-25T02:00:00Z', { rating: 'satisfied' });
    // The round closes 2027-01-31 → reply due 2027-02-28.
    s.step('rate', people.coSigner, '2027-01-31T02:00:00Z', { rating: 'unsatisfied' });
    expect(s.current().replyDue).toBe('2027-02-28');
    expect(isSuggestionOverdue(s.current(), new Date('2027-02-28T15:59:00Z'), env.calendar)).toBe(false);
    expect(isSuggestionOverdue(s.current(), new Date('2027-02-28T16:00:00Z'), env.calendar)).toBe(true);
    s.step('reply', people.leadHead, '2027-03-01T02:00:00Z', { class: 'C', text: '再次答复' });
    expect(s.current().replies.at(-1)?.onTime).toBe(false);
  });

  it('only signatory deputies rate', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    s.step('reply', people.leadHead, '2026-06-15T02:00:00Z', { class: 'A', text: '已解决' });
    expect(
      s.attempt('rate', people.otherDeputy, '2026-06-16T02:00:00Z', { rating: 'satisfied' }),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      s.attempt('rate', people.supervisor, '2026-06-16T02:00:00Z', { rating: 'satisfied' }),
    ).toBeInstanceOf(ForbiddenError);
  });
});

describe('hand-back within 7 working days', () => {
  // Assigned Tue 2026-09-29 10:00 Shanghai. Working days after it: Wed 09-30 (1), National Day
  // 10-01…10-07 off, Thu 10-08 (2), Fri 10-09 (3), Sat 10-10 make-up workday (4), Mon 10-12 (5),
  // Tue 10-13 (6), Wed 10-14 (7) → the window closes Wed 2026-10-14 18:00 Shanghai (10:00Z).
  const ASSIGNED = '2026-09-29T02:00:00Z';

  it('stretches the window across the National Day holiday', () => {
    const s = assignedStory(ASSIGNED);
    expect(s.current()).toMatchObject({
      handBackDue: '2026-10-14T10:00:00.000Z',
      replyDue: '2026-12-29',
      coOpinionDue: '2026-10-29',
    });
  });

  it('accepts a request on the last day (long past 7 calendar days) and reassigns after approval', () => {
    const s = assignedStory(ASSIGNED);
    s.step('requestHandBack', people.leadHandler, '2026-10-14T09:30:00Z', { reason: '不属于本单位职责' });
    expect(s.current().handBackRequest?.reason).toBe('不属于本单位职责');
    expect(
      s.attempt('requestHandBack', people.leadHead, '2026-10-14T09:40:00Z', { reason: 'x' }),
    ).toBeInstanceOf(ConflictError);
    s.step('approveHandBack', people.supervisor, '2026-10-15T02:00:00Z');
    expect(s.current().state).toBe('accepted');
    expect(s.current().assignment).toBeUndefined();
    expect(s.current().replyDue).toBeUndefined();
    expect(s.timeline.at(-1)?.details).toMatchObject({ handedBackBy: LEAD, reason: '不属于本单位职责' });
    // Reassigned Fri 2026-10-16: new deadlines run from the new assignment.
    s.step('assign', people.supervisor, '2026-10-16T02:00:00Z', { leadUnitId: CO, coUnitIds: [] });
    expect(s.current()).toMatchObject({
      replyDue: '2027-01-16',
      assignment: { leadUnitId: CO, coUnitIds: [] },
    });
    expect(s.current().coOpinionDue).toBeUndefined();
    // The former lead unit no longer sees it.
    expect(canViewSuggestion(people.leadHead, s.current())).toBe(false);
  });

  it('refuses a request after the window closes (422)', () => {
    const s = assignedStory(ASSIGNED);
    const error = s.attempt('requestHandBack', people.leadHandler, '2026-10-14T10:01:00Z', { reason: 'x' });
    expect(error).toBeInstanceOf(UnprocessableError);
  });

  it('lets only the lead unit ask, and a rejected request leaves the assignment in place', () => {
    const s = assignedStory(ASSIGNED);
    expect(
      s.attempt('requestHandBack', people.coHandler, '2026-09-30T02:00:00Z', { reason: 'x' }),
    ).toBeInstanceOf(ForbiddenError);
    s.step('requestHandBack', people.leadHandler, '2026-09-30T02:00:00Z', { reason: 'x' });
    s.step('rejectHandBack', people.supervisor, '2026-09-30T03:00:00Z', { reason: '属于本单位职责' });
    expect(s.current()).toMatchObject({ state: 'assigned', assignment: { leadUnitId: LEAD } });
    expect(s.current().handBackRequest).toBeUndefined();
  });
});

describe('filing, conversion and co-opinion deadlines', () => {
  it('files with co-signers; only deputies file; the filer cannot co-sign', () => {
    const { record, entry } = filed();
    expect(record).toMatchObject({ state: 'submitted', version: 1, coSignerIds: [people.coSigner.userId] });
    expect(entry).toMatchObject({
      seq: 1,
      action: 'submit',
      from: null,
      to: 'submitted',
      mediaIds: ['m-survey'],
    });
    const at = new Date('2026-03-02T01:00:00Z');
    const payload = { title: 't', body: 'b', category: 'ecology' };
    expect(() => submitSuggestion({ id: 'x', principal: people.supervisor, payload, at })).toThrow(
      ForbiddenError,
    );
    expect(() =>
      submitSuggestion({
        id: 'x',
        principal: people.filer,
        payload: { ...payload, coSignerIds: [people.filer.userId] },
        at,
      }),
    ).toThrow(ValidationError);
  });

  it('converts with a reason instead of accepting', () => {
    const s = story(filed());
    s.step('convert', people.supervisor, '2026-03-03T02:00:00Z', {
      to: 'case',
      reason: '属于具体污染投诉，转随手拍案件',
    });
    expect(s.current()).toMatchObject({ state: 'converted', conversion: { to: 'case' } });
    expect(
      s.attempt('assign', people.supervisor, '2026-03-04T02:00:00Z', { leadUnitId: LEAD }),
    ).toBeInstanceOf(ConflictError);
  });

  it('lists co-units late with their opinion, and marks a late opinion', () => {
    const s = assignedStory('2026-03-31T02:00:00Z');
    expect(overdueCoUnits(s.current(), new Date('2026-04-30T15:00:00Z'), env.calendar)).toEqual([]);
    expect(overdueCoUnits(s.current(), new Date('2026-04-30T16:00:00Z'), env.calendar)).toEqual([CO]);
    s.step('submitCoOpinion', people.coHandler, '2026-05-06T02:00:00Z', { text: '迟到的意见' });
    expect(s.current().coOpinions[0]?.late).toBe(true);
    expect(overdueCoUnits(s.current(), new Date('2026-05-07T02:00:00Z'), env.calendar)).toEqual([]);
  });
});
