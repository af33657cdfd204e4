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

describe('on time after a rework', () => {
  /** Rectified and signed off at the given local instants, then sent back; returns the story. */
  const reworked = (firstSignOff: string, sendBack: string) => {
    const c = handled();
    c.step('submitRectification', people.leadHandler, firstSignOff, { mediaIds: evidence(1) });
    c.step('headSignOff', people.leadHead, firstSignOff);
    c.step('sendBackForRework', people.supervisor, sendBack, { reason: '整改不彻底' });
    return c;
  };

  it('judges the rework’s sign-off against the rework’s own deadline, not the original one', () => {
    // Sent back Thu 12th 10:00 → 5 working days → Thu 19th 18:00, after the original Tue 17th.
    const c = reworked(local(11, '11:00'), local(12, '10:00'));
    expect(c.current().deadline).toBe('2025-06-19T10:00:00.000Z');
    c.step('submitRectification', people.leadHandler, local(19, '10:00'), { mediaIds: evidence(2) });
    c.step('headSignOff', people.leadHead, local(19, '11:00'));
    c.step('verify', people.supervisor, local(20, '10:00'));
    expect(c.indicators(local(23, '10:00'))).toMatchObject({ closed: 1, closedOnTime: 1, reworked: 1 });
  });

  it('counts the case late when the rework is signed off after its own deadline', () => {
    const c = reworked(local(11, '11:00'), local(12, '10:00'));
    c.step('submitRectification', people.leadHandler, local(20, '09:00'), { mediaIds: evidence(2) });
    c.step('headSignOff', people.leadHead, local(20, '09:30'));
    c.step('verify', people.supervisor, local(20, '10:00'));
    expect(c.indicators(local(23, '10:00'))).toMatchObject({ closed: 1, closedOnTime: 0 });
  });

  it('does not let a rework in time undo a late first completion', () => {
    // First sign-off Wed 18th 09:30, after the Tue 17th deadline; sent back, redone in time.
    const c = reworked(local(18, '09:30'), local(18, '10:00'));
    c.step('submitRectification', people.leadHandler, local(19, '10:00'), { mediaIds: evidence(2) });
    c.step('headSignOff', people.leadHead, local(19, '11:00'));
    c.step('verify', people.supervisor, local(19, '15:00'));
    expect(c.indicators(local(23, '10:00'))).toMatchObject({ closed: 1, closedOnTime: 0 });
  });
});
