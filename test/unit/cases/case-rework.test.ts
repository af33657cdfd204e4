import { describe, expect, it } from 'vitest';
import { reworkWorkingDays } from '../../../shared/config/env.ts';
import { applyCaseTransition } from '../../../shared/domain/cases/case-machine.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../../shared/domain/cases/case-record.ts';
import { UnprocessableError } from '../../../shared/domain/errors.ts';
import type { Principal } from '../../../shared/domain/roles.ts';
import { caseIn, env, people } from './case-fixtures.ts';

/**
 * A rework (退回返工) gets its own deadline, the earlier evidence becomes "previous", and the next
 * rectification must show new evidence. Times are Shanghai local, June 2025; the fixture's deadline
 * is Mon 16th 18:00 and its category (water pollution) has 5 working days.
 */

const local = (day: number, time: string) => `2025-06-${String(day).padStart(2, '0')}T${time}:00+08:00`;

const awaitingVerification = (): CaseRecord =>
  caseIn('awaitingVerification', {
    rectificationMediaIds: ['m-before-1', 'm-before-2'],
    rectifiedAt: new Date(local(12, '10:00')).toISOString(),
    departmentCompletedAt: new Date(local(12, '11:00')).toISOString(),
    departmentOnTime: true,
    escalationLevel: 1,
  });

const act = (record: CaseRecord, action: string, who: Principal, at: string, payload: unknown = {}) =>
  applyCaseTransition(record, { action, principal: who, payload, at: new Date(at) }, env);

const sentBack = (): { record: CaseRecord; entry: CaseTimelineEntry } =>
  act(awaitingVerification(), 'sendBackForRework', people.supervisor, local(13, '10:00'), {
    reason: '现场仍有漂浮物',
  });

describe('a rework', () => {
  it('gets its own deadline — the category’s handling period from the send-back — shown on the timeline', () => {
    const { record, entry } = sentBack();
    // Fri 13th 10:00 + 5 working days → Mon 16, Tue 17, Wed 18, Thu 19, Fri 20 → Fri 20th 18:00 local.
    expect(record.deadline).toBe('2025-06-20T10:00:00.000Z');
    expect(entry.details).toMatchObject({
      reworkCount: 1,
      previousDeadline: '2025-06-16T10:00:00.000Z',
      deadline: '2025-06-20T10:00:00.000Z',
      reworkPeriod: { amount: 5, unit: 'workingDays' },
    });
    // The new deadline is escalated afresh, the old level stays on the timeline.
    expect(record.escalationLevel).toBeUndefined();
  });

  it('takes a configured rework period instead of the category’s', () => {
    const { record } = applyCaseTransition(
      awaitingVerification(),
      {
        action: 'sendBackForRework',
        principal: people.supervisor,
        payload: { reason: '整改不到位' },
        at: new Date(local(13, '10:00')),
      },
      { ...env, reworkPeriod: { amount: 2, unit: 'workingDays' } },
    );
    expect(record.deadline).toBe('2025-06-17T10:00:00.000Z');
  });

  it('lists the earlier evidence as previous, not current', () => {
    const { record } = sentBack();
    expect(record.rectificationMediaIds).toEqual([]);
    expect(record.departmentCompletedAt).toBeUndefined();
    expect(record.previousRectifications).toEqual([
      {
        mediaIds: ['m-before-1', 'm-before-2'],
        rectifiedAt: new Date(local(12, '10:00')).toISOString(),
        departmentCompletedAt: new Date(local(12, '11:00')).toISOString(),
        departmentOnTime: true,
        deadline: '2025-06-16T10:00:00.000Z',
        sentBackAt: new Date(local(13, '10:00')).toISOString(),
        reason: '现场仍有漂浮物',
      },
    ]);
  });

  it('needs new evidence: a media id cited before on the case is refused with 422 naming the field', () => {
    const { record } = sentBack();
    const attempt = (mediaIds: string[]) => () =>
      act(record, 'submitRectification', people.leadHandler, local(16, '10:00'), { mediaIds });
    expect(attempt(['m-new', 'm-before-2'])).toThrow(UnprocessableError);
    expect(attempt(['m-new', 'm-before-2'])).toThrow(
      expect.objectContaining({
        status: 422,
        errors: [expect.objectContaining({ path: '/body/payload/mediaIds/1' })],
      }),
    );
    // The reporter's own photo is no evidence of the rectification either.
    expect(attempt(['m-submitted'])).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: '/body/payload/mediaIds/0' })] }),
    );
    const redone = attempt(['m-after-1'])();
    expect(redone.record).toMatchObject({ state: 'rectified', rectificationMediaIds: ['m-after-1'] });
  });
});

describe('QS_REWORK_WORKING_DAYS', () => {
  it('is a whole number of working days from 1 to 60, or absent (the category’s period)', () => {
    expect(reworkWorkingDays({})).toBeUndefined();
    expect(reworkWorkingDays({ QS_REWORK_WORKING_DAYS: '3' })).toBe(3);
    expect(() => reworkWorkingDays({ QS_REWORK_WORKING_DAYS: '2.5' })).toThrow(/QS_REWORK_WORKING_DAYS/);
    expect(() => reworkWorkingDays({ QS_REWORK_WORKING_DAYS: '0' })).toThrow(/QS_REWORK_WORKING_DAYS/);
  });
});

describe('a rework deadline past the loaded calendar', () => {
  it('is provisional, like every deadline counted in working time', () => {
    // The default calendar covers 2025–2026: a send-back on Wed 30 Dec 2026 counts into 2027.
    const late = caseIn('awaitingVerification', {
      rectificationMediaIds: ['m-before'],
      deadline: '2026-12-29T10:00:00.000Z',
    });
    const { record } = act(late, 'sendBackForRework', people.supervisor, '2026-12-30T10:00:00+08:00', {
      reason: '整改不到位',
    });
    expect(record.provisional).toBe(true);
    expect(record.provisionalSince).toBe('2026-12-31T16:00:00.000Z');
  });
});
