import { describe, expect, it } from 'vitest';
import {
  computeDepartmentIndicators,
  departmentIndicatorCases,
} from '../../../shared/domain/cases/case-indicators.ts';
import type { CaseAction, CaseState, CaseTimelineEntry } from '../../../shared/domain/cases/case-record.ts';
import { caseIn, env } from './case-fixtures.ts';

/**
 * A hand-built data set of four cases. Times are Shanghai local (UTC+8) on the week of Mon 2025-06-09,
 * office day 09–12 and 13–18. Expected values are worked out by hand in the comments.
 */
const local = (day: number, time: string) =>
  new Date(`2025-06-${String(day).padStart(2, '0')}T${time}:00+08:00`);

const timeline = (steps: [CaseAction, CaseState, Date, Record<string, unknown>?][]): CaseTimelineEntry[] =>
  steps.map(([action, to, at, details], index) => ({
    seq: index + 2,
    at: at.toISOString(),
    actorId: 'u',
    actorRole: 'admin',
    action,
    from: null,
    to,
    mediaIds: [],
    details: details ?? {},
  }));

const dispatchTo = (leadDepartmentId: string, deadline: Date) => ({
  leadDepartmentId,
  deadline: deadline.toISOString(),
});

// Case 1, dept-a: dispatched Mon 09:00, rectified Tue 11:00 (3 + 5 + 2 = 10 h), closed Wed 10:00,
// deadline Thu 18:00 → closed on time.
const case1 = timeline([
  ['dispatch', 'dispatched', local(9, '09:00'), dispatchTo('dept-a', local(12, '18:00'))],
  ['signFor', 'inProgress', local(9, '09:30')],
  ['submitRectification', 'rectified', local(10, '11:00')],
  ['headSignOff', 'awaitingVerification', local(10, '11:30')],
  ['verify', 'closed', local(11, '10:00')],
  ['rate', 'closed', local(11, '12:00'), { rating: 'satisfied' }],
]);

// Case 2, dept-a: dispatched Mon 14:00 (deadline Tue 18:00), extension approved to Wed 18:00;
// first rectification Wed 09:00 (4 + 8 + 0 = 12 h); sent back once; closed Thu 11:00 → late.
const case2 = timeline([
  ['dispatch', 'dispatched', local(9, '14:00'), dispatchTo('dept-a', local(10, '18:00'))],
  ['signFor', 'inProgress', local(9, '15:00')],
  ['requestExtension', 'inProgress', local(10, '09:00')],
  ['approveExtension', 'inProgress', local(10, '10:00'), { deadline: local(11, '18:00').toISOString() }],
  ['submitRectification', 'rectified', local(11, '09:00')],
  ['headSignOff', 'awaitingVerification', local(11, '09:30')],
  ['sendBackForRework', 'inProgress', local(11, '10:00')],
  ['submitRectification', 'rectified', local(12, '10:00')],
  ['headSignOff', 'awaitingVerification', local(12, '10:30')],
  ['verify', 'closed', local(12, '11:00')],
]);

// Case 3, dept-a: dispatched Tue 09:00, deadline Thu 18:00, still in progress on Fri → overdue.
const case3 = timeline([
  ['dispatch', 'dispatched', local(10, '09:00'), dispatchTo('dept-a', local(12, '18:00'))],
  ['signFor', 'inProgress', local(10, '10:00')],
]);

// Case 4: sent to dept-c, returned as a wrong dispatch (so dept-c has nothing to count); then dept-a
// rectifies Mon 15:00 → 17:00 (2 h) and it is closed, but the reporter is unsatisfied and it reopens;
// dept-b then rectifies Tue 14:00 → Wed 10:00 (4 + 1 = 5 h) and closes it Wed 11:00, before its
// deadline Fri 18:00.
const case4 = timeline([
  ['dispatch', 'dispatched', local(9, '09:00'), dispatchTo('dept-c', local(12, '18:00'))],
  ['returnToDispatcher', 'accepted', local(9, '10:00')],
  ['dispatch', 'dispatched', local(9, '15:00'), dispatchTo('dept-a', local(12, '18:00'))],
  ['signFor', 'inProgress', local(9, '16:00')],
  ['submitRectification', 'rectified', local(9, '17:00')],
  ['headSignOff', 'awaitingVerification', local(9, '17:30')],
  ['verify', 'closed', local(10, '09:30')],
  ['rate', 'reopened', local(10, '10:00'), { rating: 'unsatisfied' }],
  ['dispatch', 'dispatched', local(10, '14:00'), dispatchTo('dept-b', local(13, '18:00'))],
  ['signFor', 'inProgress', local(10, '15:00')],
  ['submitRectification', 'rectified', local(11, '10:00')],
  ['headSignOff', 'awaitingVerification', local(11, '10:30')],
  ['verify', 'closed', local(11, '11:00')],
]);

const cases = ['c1', 'c2', 'c3', 'c4'].map((id) => caseIn('closed', { id }));
const timelines = new Map([
  ['c1', case1],
  ['c2', case2],
  ['c3', case3],
  ['c4', case4],
]);

describe('computeDepartmentIndicators', () => {
  it('computes the department rates from the timelines', () => {
    // Act: evaluated Friday 10:00 local
    const result = computeDepartmentIndicators(cases, timelines, local(13, '10:00'), env.calendar);
    // Assess
    expect(result).toEqual([
      {
        departmentId: 'dept-a',
        dispatched: 4, // cases 1–4
        closed: 2, // cases 1, 2 (case 4's closure by dept-a was rated unsatisfied and reopened)
        closedOnTime: 1, // case 1; case 2 closed Thu 11:00 after its extended deadline Wed 18:00
        rectified: 3, // cases 1, 2, 4
        reworked: 1, // case 2
        extended: 1, // case 2
        overdueOpen: 1, // case 3
        onTimeRate: 1 / 2,
        closureRate: 2 / 4,
        reworkRate: 1 / 3,
        extensionRate: 1 / 4,
        averageHandlingWorkingHours: (10 + 12 + 2) / 3,
        // case 1 rated 满意; case 4's closure by dept-a rated 不满意 (it then reopened)
        satisfaction: {
          rated: 2,
          satisfied: 1,
          basicallySatisfied: 0,
          unsatisfied: 1,
          satisfactionRate: 1 / 2,
        },
      },
      {
        departmentId: 'dept-b',
        dispatched: 1, // case 4's last dispatch
        closed: 1,
        closedOnTime: 1,
        rectified: 1,
        reworked: 0,
        extended: 0,
        overdueOpen: 0,
        onTimeRate: 1,
        closureRate: 1,
        reworkRate: 0,
        extensionRate: 0,
        averageHandlingWorkingHours: 5,
        satisfaction: {
          rated: 0,
          satisfied: 0,
          basicallySatisfied: 0,
          unsatisfied: 0,
          satisfactionRate: null,
        },
      },
    ]);
  });

  it('names the cases behind each figure, for the drill-down from a figure to its cases', () => {
    const ids = departmentIndicatorCases('dept-a', cases, timelines, local(13, '10:00'), env.calendar);
    expect(ids).toEqual({
      dispatched: ['c1', 'c2', 'c3', 'c4'],
      closed: ['c1', 'c2'],
      closedOnTime: ['c1'],
      closedLate: ['c2'],
      rectified: ['c1', 'c2', 'c4'],
      reworked: ['c2'],
      extended: ['c2'],
      overdueOpen: ['c3'],
      handled: ['c1', 'c2', 'c4'],
      rated: ['c1', 'c4'],
      unsatisfied: ['c4'],
    });
    expect(
      departmentIndicatorCases('dept-z', cases, timelines, local(13, '10:00'), env.calendar).closed,
    ).toEqual([]);
  });

  it('gives null rather than 0 when a department has nothing to measure', () => {
    const result = computeDepartmentIndicators(
      [caseIn('dispatched', { id: 'c3' })],
      new Map([['c3', case3]]),
      local(11, '10:00'),
      env.calendar,
    );
    expect(result).toEqual([
      expect.objectContaining({
        departmentId: 'dept-a',
        dispatched: 1,
        overdueOpen: 0,
        onTimeRate: null,
        reworkRate: null,
      }),
    ]);
    expect(result[0]?.averageHandlingWorkingHours).toBeNull();
  });
});
