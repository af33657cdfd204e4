import { describe, expect, it } from 'vitest';
import { allowedCaseActions, applyCaseTransition } from '../../../shared/domain/cases/case-machine.ts';
import type { CaseRecord } from '../../../shared/domain/cases/case-record.ts';
import { ConflictError } from '../../../shared/domain/errors.ts';
import type { Principal } from '../../../shared/domain/roles.ts';
import { caseIn, env, people } from './case-fixtures.ts';

/**
 * No deadline moves once it has passed: an extension asked for, or granted, after the deadline in
 * force would turn late handling into on-time handling after it was escalated. The fixture's
 * deadline is Mon 2025-06-16 18:00 Shanghai (10:00 UTC).
 */

const act = (record: CaseRecord, action: string, principal: Principal, at: string, payload: unknown = {}) =>
  applyCaseTransition(record, { action, principal, payload, at: new Date(at) }, env).record;
const refusal = (fn: () => unknown): ConflictError => {
  try {
    fn();
  } catch (error) {
    return error as ConflictError;
  }
  throw new Error('expected a refusal');
};

const REQUEST = { reason: '连续降雨无法施工', amount: 2, unit: 'workingDays' };
const BEFORE = '2025-06-16T09:00:00Z'; // Mon 17:00 local, one hour before the deadline
const AFTER = '2025-06-17T02:00:00Z'; // Tue 10:00 local, the deadline passed yesterday

describe('a late extension (cases)', () => {
  it('refuses a request after the deadline with 409 naming the deadline in local time', () => {
    const error = refusal(() =>
      act(caseIn('inProgress'), 'requestExtension', people.leadHandler, AFTER, REQUEST),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/^办理期限已于2025年6月16日 18:00（北京时间）届满/);
    expect(error.message).toContain('2025-06-16 18:00 (Asia/Shanghai)');
    expect(error.message).not.toContain('T10:00');
  });

  it('refuses to approve, after the deadline, a request made before it — the request can only be rejected', () => {
    const pending = act(caseIn('inProgress'), 'requestExtension', people.leadHandler, BEFORE, REQUEST);
    const error = refusal(() => act(pending, 'approveExtension', people.supervisor, AFTER));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain('2025年6月16日 18:00');
    expect(allowedCaseActions(people.supervisor, pending, { at: new Date(AFTER), env })).toEqual(
      expect.not.arrayContaining(['approveExtension']),
    );
    expect(allowedCaseActions(people.supervisor, pending, { at: new Date(AFTER), env })).toContain(
      'rejectExtension',
    );
    const rejected = act(pending, 'rejectExtension', people.supervisor, AFTER, { reason: '已超期' });
    expect(rejected.deadline).toBe('2025-06-16T10:00:00.000Z');
  });

  it('no longer offers the request once the deadline has passed, and still extends before it', () => {
    expect(
      allowedCaseActions(people.leadHandler, caseIn('inProgress'), { at: new Date(AFTER), env }),
    ).toEqual(expect.not.arrayContaining(['requestExtension']));
    const pending = act(caseIn('inProgress'), 'requestExtension', people.leadHandler, BEFORE, REQUEST);
    // Approved at the last minute: two working days after Mon 18:00 → Wed 18 June 18:00 local.
    expect(act(pending, 'approveExtension', people.supervisor, '2025-06-16T09:59:00Z').deadline).toBe(
      '2025-06-18T10:00:00.000Z',
    );
  });
});
