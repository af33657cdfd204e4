import { describe, expect, it } from 'vitest';
import { computeDepartmentIndicators } from '../../../shared/domain/cases/case-indicators.ts';
import { isCaseOverdue } from '../../../shared/domain/cases/case-listing.ts';
import { applyCaseTransition } from '../../../shared/domain/cases/case-machine.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../../shared/domain/cases/case-record.ts';
import type { Principal } from '../../../shared/domain/roles.ts';
import { caseIn, env, people } from './case-fixtures.ts';

/**
 * On time is the department's own step: its head's sign-off (负责人审核), which hands the case to
 * verification. Times are Shanghai local in June 2025: dispatched Tue 10th 10:00, a water-pollution
 * case has 5 working days → deadline Tue 17th 18:00.
 */

const local = (day: number, time: string) => `2025-06-${String(day).padStart(2, '0')}T${time}:00+08:00`;
const evidence = (n: number) => [`m-evidence-${n}`];

/** A case dispatched to dept-ecology on Tue 10th 10:00 local, driven by the real machine. */
const handled = () => {
  let record: CaseRecord = caseIn('accepted', {
    leadDepartmentId: undefined,
    coDepartmentIds: [],
    dispatchedAt: undefined,
    deadline: undefined,
  });
  const timeline: CaseTimelineEntry[] = [];
  const step = (action: string, who: Principal, at: string, payload: unknown = {}) => {
    const result = applyCaseTransition(record, { action, principal: who, payload, at: new Date(at) }, env);
    record = result.record;
    timeline.push(result.entry);
    return result;
  };
  step('dispatch', people.supervisor, local(10, '10:00'), { leadDepartmentId: 'dept-ecology' });
  step('signFor', people.leadHandler, local(10, '11:00'));
  const indicators = (now: string) =>
    computeDepartmentIndicators([record], new Map([[record.id, timeline]]), new Date(now), env.calendar)[0];
  return { step, current: () => record, timeline, indicators };
};

describe('on time is judged at the department’s sign-off, not at verification', () => {
  it('counts a case rectified on Saturday and signed off Monday as on time, though verified on Wednesday', () => {
    const c = handled();
    expect(c.current().deadline).toBe('2025-06-17T10:00:00.000Z');
    c.step('submitRectification', people.leadHandler, local(14, '10:00'), { mediaIds: evidence(1) });
    const signOff = c.step('headSignOff', people.leadHead, local(16, '09:30'));
    c.step('verify', people.supervisor, local(18, '10:00'));
    expect(c.indicators(local(20, '10:00'))).toMatchObject({ closed: 1, closedOnTime: 1, onTimeRate: 1 });
    expect(signOff.entry.details).toMatchObject({ onTime: true, deadline: '2025-06-17T10:00:00.000Z' });
  });

  it('counts a sign-off after the deadline as late, though the rectification was in time', () => {
    const c = handled();
    c.step('submitRectification', people.leadHandler, local(17, '10:00'), { mediaIds: evidence(1) });
    const signOff = c.step('headSignOff', people.leadHead, local(18, '09:00'));
    c.step('verify', people.supervisor, local(18, '10:00'));
    expect(signOff.entry.details).toMatchObject({ onTime: false });
    expect(c.indicators(local(20, '10:00'))).toMatchObject({ closed: 1, closedOnTime: 0, onTimeRate: 0 });
  });

  it('keeps the clock running while the rectification waits for the head', () => {
    const c = handled();
    c.step('submitRectification', people.leadHandler, local(17, '10:00'), { mediaIds: evidence(1) });
    expect(isCaseOverdue(c.current(), new Date(local(17, '17:00')))).toBe(false);
    expect(isCaseOverdue(c.current(), new Date(local(18, '09:00')))).toBe(true);
    expect(c.indicators(local(18, '09:00'))).toMatchObject({ overdueOpen: 1 });
  });
});
