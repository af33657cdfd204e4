import { describe, expect, it } from 'vitest';
import { applyCaseTransition } from '../../../shared/domain/cases/case-machine.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../../shared/domain/cases/case-record.ts';
import { submitCase } from '../../../shared/domain/cases/submit-case.ts';
import type { Principal } from '../../../shared/domain/roles.ts';
import { CO, caseIn, env, LEAD, people } from './case-fixtures.ts';

/** Drives one case through several actions, one hour apart, keeping the timeline. */
const story = (start: { record: CaseRecord; entry?: CaseTimelineEntry }, firstAt: Date) => {
  let record = start.record;
  const timeline: CaseTimelineEntry[] = start.entry ? [start.entry] : [];
  let clock = firstAt.getTime();
  const step = (action: string, principal: Principal, payload: unknown = {}, at?: Date) => {
    const when = at ?? new Date(clock);
    clock = when.getTime() + 3_600_000;
    const result = applyCaseTransition(record, { action, principal, payload, at: when }, env);
    record = result.record;
    timeline.push(result.entry);
    return result;
  };
  return { step, current: () => record, timeline };
};

const submitted = () =>
  submitCase({
    id: 'case-42',
    principal: people.reporter,
    payload: {
      categoryId: 'waterPollution',
      title: '河道黑臭',
      description: 'Black, smelly water',
      mediaIds: ['m-1'],
    },
    at: new Date('2025-06-10T01:00:00Z'),
  });

describe('a case from submission to a satisfied rating', () => {
  it('walks every happy-path step, bumping the version and appending one timeline entry each', () => {
    // Prepare
    const { step, current, timeline } = story(submitted(), new Date('2025-06-10T02:00:00Z'));
    // Act
    step('accept', people.supervisor, { note: '立案' });
    // Dispatched Tue 2025-06-10 11:00 local; waterPollution SLA 5 working days → Tue 17th 18:00 local
    step('dispatch', people.supervisor, { leadDepartmentId: LEAD, coDepartmentIds: [CO] });
    expect(current().deadline).toBe('2025-06-17T10:00:00.000Z');
    step('signFor', people.leadHandler);
    step('requestExtension', people.leadHandler, {
      reason: 'needs dredging',
      amount: 2,
      unit: 'workingDays',
    });
    expect(current().extensionRequest?.amount).toBe(2);
    step('approveExtension', people.supervisor);
    // Two working days after Tue 17th: Wed 18th, Thu 19th → Thu 18:00 local
    expect(current().deadline).toBe('2025-06-19T10:00:00.000Z');
    step('submitRectification', people.leadHandler, { mediaIds: ['m-after-1', 'm-after-2'] });
    step('headSignOff', people.leadHead);
    step('sendBackForRework', people.supervisor, { reason: 'still floating waste at the outlet' });
    expect(current().reworkCount).toBe(1);
    step('submitRectification', people.leadHandler, { mediaIds: ['m-after-3'] });
    step('headSignOff', people.leadHead);
    step('verify', people.supervisor);
    step('rate', people.reporter, { rating: 'satisfied', comment: '处理及时' });
    // Assess
    const final = current();
    expect(final.state).toBe('closed');
    expect(final.rating).toBe('satisfied');
    expect(final.version).toBe(13); // submit + 12 actions
    expect(final.approvedExtensionCount).toBe(1);
    expect(final.rectificationMediaIds).toEqual(['m-after-3']);
    expect(timeline.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(timeline.map((entry) => `${entry.from}>${entry.to}`)).toEqual([
      'null>submitted',
      'submitted>accepted',
      'accepted>dispatched',
      'dispatched>inProgress',
      'inProgress>inProgress',
      'inProgress>inProgress',
      'inProgress>rectified',
      'rectified>awaitingVerification',
      'awaitingVerification>inProgress',
      'inProgress>rectified',
      'rectified>awaitingVerification',
      'awaitingVerification>closed',
      'closed>closed',
    ]);
  });

  it('records who acted, in which role, with notes, evidence and details', () => {
    const { step, timeline } = story(submitted(), new Date('2025-06-10T02:00:00Z'));
    step('accept', people.admin);
    step('dispatch', people.admin, { leadDepartmentId: LEAD });
    step('signFor', people.leadHead);
    const { entry } = step('submitRectification', people.leadHead, { mediaIds: ['m-9'], note: '已清理' });
    expect(entry).toMatchObject({ actorId: 'u-head-eco', actorRole: 'head', action: 'submitRectification' });
    expect(entry).toMatchObject({ note: '已清理', mediaIds: ['m-9'], at: '2025-06-10T05:00:00.000Z' });
    expect(timeline[2]?.details).toMatchObject({ leadDepartmentId: LEAD, coDepartmentIds: [] });
  });
});

describe('an unsatisfied rating', () => {
  it('reopens the case, which is dispatched again and can be rated again after the next closure', () => {
    // Prepare: a closed case
    const { step, current } = story({ record: caseIn('closed') }, new Date('2025-06-16T02:00:00Z'));
    // Act
    step('rate', people.reporter, { rating: 'unsatisfied', comment: '还有异味' });
    expect(current().state).toBe('reopened');
    step('dispatch', people.supervisor, { leadDepartmentId: 'dept-water' });
    step('signFor', { ...people.coHandler });
    step('submitRectification', people.coHandler, { mediaIds: ['m-2'] });
    step('headSignOff', {
      userId: 'u-head-water',
      username: 'head-water',
      roles: ['head'],
      departmentId: 'dept-water',
    });
    step('verify', people.supervisor);
    expect(current().rating).toBeUndefined();
    step('rate', people.reporter, { rating: 'basicallySatisfied' });
    // Assess
    expect(current()).toMatchObject({
      state: 'closed',
      rating: 'basicallySatisfied',
      leadDepartmentId: 'dept-water',
    });
  });

  it('cannot be given twice for the same closure', () => {
    const rated = caseIn('closed', { rating: 'satisfied' });
    const act = () =>
      applyCaseTransition(
        rated,
        { action: 'rate', principal: people.reporter, payload: { rating: 'unsatisfied' }, at: new Date() },
        env,
      );
    expect(act).toThrow(/already been rated/);
  });
});

describe('intake outcomes', () => {
  it('rejects with a reason, or marks a duplicate of another case', () => {
    const at = new Date('2025-06-10T02:00:00Z');
    const rejected = applyCaseTransition(
      caseIn('submitted'),
      { action: 'reject', principal: people.supervisor, payload: { reason: '不属于本区' }, at },
      env,
    );
    expect(rejected.record).toMatchObject({ state: 'rejected', rejectionReason: '不属于本区', version: 6 });
    expect(rejected.entry.note).toBe('不属于本区');
    const duplicate = applyCaseTransition(
      caseIn('submitted'),
      { action: 'markDuplicate', principal: people.admin, payload: { duplicateOf: 'case-7' }, at },
      env,
    );
    expect(duplicate.record).toMatchObject({ state: 'duplicate', duplicateOf: 'case-7' });
  });

  it('lets the lead department return a wrong dispatch, which clears the assignment', () => {
    const { record } = applyCaseTransition(
      caseIn('dispatched'),
      {
        action: 'returnToDispatcher',
        principal: people.leadHandler,
        payload: { reason: '不属于我局职责' },
        at: new Date(),
      },
      env,
    );
    expect(record.state).toBe('accepted');
    expect(record.leadDepartmentId).toBeUndefined();
    expect(record.deadline).toBeUndefined();
    expect(record.coDepartmentIds).toEqual([]);
    expect('deadline' in record).toBe(false);
  });
});

describe('extensions', () => {
  const at = new Date('2025-06-10T02:00:00Z');
  const act = (record: CaseRecord, action: string, principal: Principal, payload: unknown = {}) =>
    applyCaseTransition(record, { action, principal, payload, at }, env).record;

  it('leaves the deadline alone when rejected, and allows a new request afterwards', () => {
    const requested = act(caseIn('inProgress'), 'requestExtension', people.leadHandler, {
      reason: 'rain',
      amount: 4,
      unit: 'workingHours',
    });
    const refused = act(requested, 'rejectExtension', people.supervisor, { reason: 'not justified' });
    expect(refused.deadline).toBe('2025-06-16T10:00:00.000Z');
    expect(refused.extensionRequest).toBeUndefined();
    const again = act(refused, 'requestExtension', people.leadHandler, {
      reason: 'rain',
      amount: 4,
      unit: 'workingHours',
    });
    // Approved: 4 working hours after Mon 16th 18:00 local → Tue 17th 09–12 and 13–14 → 14:00 local
    expect(act(again, 'approveExtension', people.admin).deadline).toBe('2025-06-17T06:00:00.000Z');
  });

  it('refuses a second pending request and an approval with nothing pending (409)', () => {
    const pending = caseIn('inProgress', {
      extensionRequest: {
        amount: 1,
        unit: 'workingDays',
        reason: 'x',
        requestedAt: at.toISOString(),
        requestedBy: 'u',
      },
    });
    const payload = { reason: 'more', amount: 1, unit: 'workingDays' };
    expect(() => act(pending, 'requestExtension', people.leadHandler, payload)).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    expect(() => act(caseIn('inProgress'), 'approveExtension', people.supervisor)).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });
});

describe('suspension (挂账)', () => {
  it('returns to the state it left and moves the deadline by the working hours suspended', () => {
    // Prepare: suspended Tue 2025-06-10 10:00 local, deadline Tue 17th 18:00 local
    const start = caseIn('inProgress', { deadline: '2025-06-17T10:00:00.000Z' });
    const suspended = applyCaseTransition(
      start,
      {
        action: 'suspend',
        principal: people.supervisor,
        payload: { reason: '等待专项资金', nextReviewDate: '2025-07-01' },
        at: new Date('2025-06-10T02:00:00Z'),
      },
      env,
    ).record;
    // Act: resumed Wed 11th 10:00 local → 2 + 5 + 1 = 8 working hours suspended
    const resumed = applyCaseTransition(
      suspended,
      { action: 'resume', principal: people.admin, at: new Date('2025-06-11T02:00:00Z') },
      env,
    );
    // Assess: 8 working hours after Tue 17th 18:00 → Wed 18th 09–12, 13–18 → 18:00 local
    expect(suspended.suspension).toMatchObject({ from: 'inProgress', nextReviewDate: '2025-07-01' });
    expect(resumed.record.state).toBe('inProgress');
    expect(resumed.record.suspension).toBeUndefined();
    expect(resumed.record.deadline).toBe('2025-06-18T10:00:00.000Z');
    expect(resumed.entry.details).toMatchObject({ pausedWorkingHours: 8 });
  });

  it('needs a review date after today', () => {
    const act = () =>
      applyCaseTransition(
        caseIn('accepted'),
        {
          action: 'suspend',
          principal: people.supervisor,
          payload: { reason: 'budget', nextReviewDate: '2025-06-10' },
          at: new Date('2025-06-10T02:00:00Z'),
        },
        env,
      );
    expect(act).toThrow(
      expect.objectContaining({
        status: 400,
        errors: [expect.objectContaining({ path: '/nextReviewDate' })],
      }),
    );
  });
});
