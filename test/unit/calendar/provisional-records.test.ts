import { describe, expect, it } from 'vitest';
import { caseSideWrites } from '../../../shared/adapters/dynamodb/case-index.ts';
import { bundledSeedYears } from '../../../shared/domain/calendar/bundled-calendar.ts';
import { buildWorkingCalendar } from '../../../shared/domain/calendar/working-calendar.ts';
import { applyCaseTransition } from '../../../shared/domain/cases/case-machine.ts';
import { applySuggestionTransition } from '../../../shared/domain/suggestions/suggestion-machine.ts';
import { env as caseEnv, caseIn, people } from '../cases/case-fixtures.ts';
import { filed, people as suggestionPeople } from '../suggestions/suggestion-fixtures.ts';

/** Only 2025 is loaded: anything counted in 2026 is provisional. */
const only2025 = { calendar: buildWorkingCalendar(bundledSeedYears().slice(0, 1)) };
const dispatchAt = (at: string, calendar = only2025) =>
  applyCaseTransition(
    caseIn('accepted', { leadDepartmentId: undefined, coDepartmentIds: [], deadline: undefined }),
    {
      action: 'dispatch',
      principal: people.supervisor,
      payload: { leadDepartmentId: 'dept-ecology' },
      at: new Date(at),
    },
    calendar,
  );

describe('deadlines on records past the covered range', () => {
  it('a case dispatched on 31 December 2025 carries provisional: true, and its timeline says so', () => {
    const { record, entry } = dispatchAt('2025-12-31T02:00:00Z');
    expect(record.provisional).toBe(true);
    expect(record.provisionalSince).toBe('2025-12-31T16:00:00.000Z');
    expect(entry.details).toMatchObject({ deadline: record.deadline, provisional: true });
  });

  it('a case dispatched well inside the range is not provisional', () => {
    expect(dispatchAt('2025-06-10T02:00:00Z').record.provisional).toBeUndefined();
  });

  it('an approved extension of a provisional deadline stays provisional from the same instant', () => {
    const dispatched = dispatchAt('2025-12-31T02:00:00Z').record;
    const requested = applyCaseTransition(
      { ...dispatched, state: 'inProgress' },
      {
        action: 'requestExtension',
        principal: people.leadHandler,
        payload: { amount: 2, unit: 'workingDays', reason: '等待检测报告' },
        at: new Date('2026-01-02T02:00:00Z'),
      },
      only2025,
    ).record;
    const { record } = applyCaseTransition(
      requested,
      {
        action: 'approveExtension',
        principal: people.supervisor,
        payload: {},
        at: new Date('2026-01-02T03:00:00Z'),
      },
      only2025,
    );
    expect(record.provisional).toBe(true);
    expect(record.provisionalSince).toBe(dispatched.provisionalSince);
  });

  it('re-dispatching with the year loaded clears the mark', () => {
    const returned = { ...dispatchAt('2025-12-31T02:00:00Z').record, state: 'reopened' as const };
    const { record } = applyCaseTransition(
      returned,
      {
        action: 'dispatch',
        principal: people.supervisor,
        payload: { leadDepartmentId: 'dept-ecology' },
        at: new Date('2026-03-02T02:00:00Z'),
      },
      caseEnv,
    );
    expect(record.provisional).toBeUndefined();
    expect(record.provisionalSince).toBeUndefined();
  });

  it('a suggestion assigned on 30 December 2025 has a provisional hand-back date; its reply date is not affected', () => {
    const { record } = filed();
    const accepted = applySuggestionTransition(
      record,
      {
        action: 'accept',
        principal: suggestionPeople.supervisor,
        payload: {},
        at: new Date('2025-12-30T01:00:00Z'),
      },
      only2025,
    ).record;
    const assigned = applySuggestionTransition(
      accepted,
      {
        action: 'assign',
        principal: suggestionPeople.supervisor,
        payload: { leadUnitId: 'dept-ecology' },
        at: new Date('2025-12-30T02:00:00Z'),
      },
      only2025,
    ).record;
    expect(assigned.provisional).toBe(true);
    expect(assigned.handBackDue).toBe('2026-01-08T10:00:00.000Z'); // 31 Dec, then 1, 2, 5, 6, 7, 8 Jan Mon–Fri
    expect(assigned.replyDue).toBe('2026-03-30');
  });
});

describe('the marker that finds provisional records without a scan', () => {
  const provisionalCase = caseIn('inProgress', {
    provisional: true,
    provisionalSince: '2026-12-31T16:00:00.000Z',
  });

  it('lists an open case with a provisional deadline under DEADLINES#PROVISIONAL, by since', () => {
    const marker = caseSideWrites(caseIn('inProgress'), provisionalCase).find(
      (item) => item.sk === 'PROVISIONAL',
    );
    expect(marker).toMatchObject({
      pk: 'CASE#case-1',
      gsi1pk: 'DEADLINES#PROVISIONAL',
      gsi1sk: '2026-12-31T16:00:00.000Z#CASE#case-1',
    });
  });

  it('drops it (a tombstone outside the index) when the case closes, and writes nothing for ordinary cases', () => {
    const closed = { ...provisionalCase, state: 'closed' as const };
    const tombstone = caseSideWrites(provisionalCase, closed).find((item) => item.sk === 'PROVISIONAL');
    expect(tombstone).toBeDefined();
    expect(tombstone?.gsi1pk).toBeUndefined();
    expect(
      caseSideWrites(caseIn('inProgress'), caseIn('closed')).some((item) => item.sk === 'PROVISIONAL'),
    ).toBe(false);
  });
});
