import { describe, expect, it } from 'vitest';
import { apiQueryOf, arrange, CASE_VIEWS, reviewDue } from '../../../web/src/console/cases/case-views.ts';

type CaseView = Parameters<typeof reviewDue>[0];

const record = (id: string, over: Partial<CaseView> = {}): CaseView =>
  ({
    id,
    version: 1,
    state: 'dispatched',
    categoryId: 'waterPollution',
    isPublic: true,
    title: id,
    description: '',
    mediaIds: [],
    submittedAt: '2026-12-01T00:00:00Z',
    coDepartmentIds: [],
    approvedExtensionCount: 0,
    reworkCount: 0,
    rectificationMediaIds: [],
    allowedActions: [],
    overdue: false,
    ...over,
  }) as CaseView;

const head = { departmentId: 'dept-ecology' };
const supervisor = { departmentId: undefined };

describe('console case views', () => {
  it('runs the inbox by deadline, most urgent first, those without one last, finished ones out', () => {
    const inbox = CASE_VIEWS.inbox;
    if (inbox === undefined) throw new Error('no inbox view');
    const rows = [
      record('late', { deadline: '2026-12-10T10:00:00Z' }),
      record('none'),
      record('soon', { deadline: '2026-12-08T10:00:00Z', state: 'rectified' }),
      record('done', { deadline: '2026-12-01T10:00:00Z', state: 'closed' }),
    ];
    expect(arrange(inbox, rows, undefined).map((r) => r.id)).toEqual(['soon', 'late', 'none']);
    expect(arrange(inbox, rows, 'LAT').map((r) => r.id)).toEqual(['late']);
  });

  it('asks the API for the department of a head, any department a supervisor picks, and the view’s state', () => {
    const intake = CASE_VIEWS.intake;
    const all = CASE_VIEWS.all;
    if (intake === undefined || all === undefined) throw new Error('views missing');
    expect(apiQueryOf(all, {}, head)).toEqual({ limit: 100, department: 'dept-ecology' });
    expect(apiQueryOf(intake, { state: 'closed', category: 'noise' }, supervisor)).toEqual({
      limit: 100,
      state: 'submitted',
      category: 'noise',
    });
    expect(apiQueryOf(all, { near: '30.52,114.31', department: 'dept-water' }, supervisor)).toEqual({
      limit: 100,
      department: 'dept-water',
      near: '30.52,114.31',
      radius: 500,
    });
  });

  it('marks a suspended case due for review from its review date, in local days', () => {
    const suspended = record('s', {
      state: 'suspended',
      suspension: {
        from: 'inProgress',
        at: '2026-11-01T00:00:00Z',
        nextReviewDate: '2026-12-07',
        reason: 'x',
      },
    });
    // 2026-12-06T16:30Z is already 7 December in Shanghai.
    expect(reviewDue(suspended, new Date('2026-12-06T16:30:00Z'))).toBe(true);
    expect(reviewDue(suspended, new Date('2026-12-06T15:30:00Z'))).toBe(false);
  });
});
