import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/config/clock.ts';
import {
  caseListSources,
  isCaseOverdue,
  matchesCaseFilter,
  possibleDuplicates,
} from '../../../shared/domain/cases/case-listing.ts';
import { applyCaseTransition } from '../../../shared/domain/cases/case-machine.ts';
import { offsetNorth } from '../../../shared/domain/geo/distance.ts';
import { caseIn, env, people } from './case-fixtures.ts';

describe('the dispatch deadline with a fixed clock, across a weekend and a holiday', () => {
  // Qingming 2026: Sat 4 – Mon 6 April are off (State Council notice in cn-holidays.json).
  const dispatchAt = (categoryId: 'sanitationDeadCorner' | 'householdWaste', iso: string) =>
    applyCaseTransition(
      caseIn('accepted', { categoryId, leadDepartmentId: undefined, coDepartmentIds: [] }),
      {
        action: 'dispatch',
        principal: people.supervisor,
        payload: { leadDepartmentId: 'dept-urban-management' },
        at: fixedClock(iso)(),
      },
      env,
    ).record;

  it('counts 3 working days from Thu 2 April as Fri 3, Tue 7, Wed 8 (closing 18:00 local)', () => {
    // Thu 2026-04-02 10:00 local; Sat 4 + Sun 5 weekend, Mon 6 holiday
    const record = dispatchAt('sanitationDeadCorner', '2026-04-02T02:00:00Z');
    expect(record.deadline).toBe('2026-04-08T10:00:00.000Z');
    // Overdue is derived from the clock: one second before and after the deadline
    expect(isCaseOverdue(record, new Date('2026-04-08T09:59:59Z'))).toBe(false);
    expect(isCaseOverdue(record, new Date('2026-04-08T10:00:01Z'))).toBe(true);
  });

  it('counts 16 working hours from Thu 15:00 as 3 + 8 + 5 hours, ending Tue 7 April 15:00 local', () => {
    // Thu 15–18 (3 h), Fri 9–12, 13–18 (8 h, 11 in all), Tue 9–12 (14), 13–15 (16)
    const record = dispatchAt('householdWaste', '2026-04-02T07:00:00Z');
    expect(record.deadline).toBe('2026-04-07T07:00:00.000Z');
  });

  it('is not overdue once the department no longer holds the case', () => {
    const late = new Date('2030-01-01T00:00:00Z');
    expect(isCaseOverdue(caseIn('inProgress'), late)).toBe(true);
    // Rectified but not yet signed off by its head: the department still holds it.
    expect(isCaseOverdue(caseIn('rectified'), late)).toBe(true);
    for (const state of ['awaitingVerification', 'closed', 'suspended'] as const) {
      expect(isCaseOverdue(caseIn(state), late)).toBe(false);
    }
  });
});

describe('listing filters', () => {
  const now = new Date('2025-06-20T00:00:00Z'); // after the fixture deadline 2025-06-16
  const record = caseIn('inProgress', { location: { latitude: 30.5, longitude: 114.3 } });

  it('holds when every set filter holds', () => {
    expect(matchesCaseFilter(record, {}, now)).toBe(true);
    expect(
      matchesCaseFilter(
        record,
        {
          state: 'inProgress',
          categoryId: 'waterPollution',
          departmentId: 'dept-water', // the co-department counts
          overdue: true,
          reporterId: record.reporterId,
          from: new Date('2025-06-09T01:00:00.000Z'),
          to: new Date('2025-06-09T01:00:00.001Z'),
          near: offsetNorth({ latitude: 30.5, longitude: 114.3 }, 499),
        },
        now,
      ),
    ).toBe(true);
  });

  it('fails on any one filter that does not hold', () => {
    expect(matchesCaseFilter(record, { state: 'closed' }, now)).toBe(false);
    expect(matchesCaseFilter(record, { departmentId: 'dept-urban-management' }, now)).toBe(false);
    expect(matchesCaseFilter(record, { overdue: false }, now)).toBe(false);
    // `to` is exclusive
    expect(matchesCaseFilter(record, { to: new Date(record.submittedAt) }, now)).toBe(false);
    expect(
      matchesCaseFilter(record, { near: offsetNorth({ latitude: 30.5, longitude: 114.3 }, 501) }, now),
    ).toBe(false);
    expect(matchesCaseFilter(caseIn('inProgress'), { near: { latitude: 30.5, longitude: 114.3 } }, now)).toBe(
      false,
    );
  });
});

describe('where a listing looks', () => {
  it('sends staff to one partition, departments to theirs, deputies to their own and the public one', () => {
    expect(caseListSources(people.supervisor, {})).toEqual([{ kind: 'all' }]);
    expect(caseListSources(people.supervisor, { state: 'dispatched', categoryId: 'noise' })).toEqual([
      { kind: 'all', state: 'dispatched', categoryId: 'noise' },
    ]);
    expect(caseListSources(people.admin, { categoryId: 'noise' })).toEqual([
      { kind: 'all', categoryId: 'noise' },
    ]);
    expect(caseListSources(people.admin, { departmentId: 'd' })).toEqual([
      { kind: 'department', departmentId: 'd' },
    ]);
    expect(caseListSources(people.leadHandler, { departmentId: 'other' })).toEqual([
      { kind: 'department', departmentId: 'dept-ecology' },
    ]);
    expect(caseListSources(people.reporter, {})).toEqual([
      { kind: 'reporter', reporterId: people.reporter.userId },
      { kind: 'public' },
    ]);
    expect(caseListSources(people.reporter, { reporterId: people.reporter.userId })).toEqual([
      { kind: 'reporter', reporterId: people.reporter.userId },
    ]);
  });
});

describe('possibleDuplicates', () => {
  const here = { latitude: 30.5, longitude: 114.3 };
  const created = caseIn('submitted', { id: 'new', location: here });

  it('keeps open cases of the same category within 50 m, nearest first', () => {
    const found = possibleDuplicates(created, [
      caseIn('inProgress', { id: 'at-40', location: offsetNorth(here, 40) }),
      caseIn('submitted', { id: 'at-10', location: offsetNorth(here, -10) }),
      caseIn('submitted', { id: 'at-50', location: offsetNorth(here, 49.99) }),
      caseIn('submitted', { id: 'at-80', location: offsetNorth(here, 80) }),
      caseIn('closed', { id: 'closed', location: here }),
      caseIn('submitted', { id: 'noise', categoryId: 'noise', location: here }),
      caseIn('submitted', { id: 'nowhere' }),
      created,
    ]);
    expect(found.map((d) => d.id)).toEqual(['at-10', 'at-40', 'at-50']);
    expect(found[1]).toEqual({ id: 'at-40', distanceMeters: 40, state: 'inProgress' });
  });

  it('names the 10 nearest when more are within 50 m (a hotspot must not grow every new case)', () => {
    const around = Array.from({ length: 25 }, (_, i) =>
      caseIn('submitted', { id: `at-${49 - i * 2}`, location: offsetNorth(here, 49 - i * 2) }),
    );
    const found = possibleDuplicates(created, around);
    expect(found.map((d) => d.id)).toEqual(Array.from({ length: 10 }, (_, i) => `at-${1 + i * 2}`));
  });

  it('finds nothing for a case without a location', () => {
    expect(possibleDuplicates(caseIn('submitted'), [caseIn('submitted', { location: here })])).toEqual([]);
  });
});
