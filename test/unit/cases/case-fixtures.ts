import { defaultWorkingCalendar } from '../../../shared/domain/calendar/bundled-calendar.ts';
import type { CaseEnv } from '../../../shared/domain/cases/case-machine.ts';
import type { CaseRecord, CaseState } from '../../../shared/domain/cases/case-record.ts';
import type { Principal } from '../../../shared/domain/roles.ts';

/** Shared test data for the case workflow: people, a case in any state, and the environment. */

export const LEAD = 'dept-ecology';
export const CO = 'dept-water';
export const OTHER = 'dept-urban-management';
export const REPORTER_ID = 'u-deputy-1';

export const people = {
  reporter: { userId: REPORTER_ID, username: 'deputy-1', roles: ['deputy'] },
  otherDeputy: { userId: 'u-deputy-2', username: 'deputy-2', roles: ['deputy'] },
  supervisor: { userId: 'u-supervisor', username: 'supervisor', roles: ['supervisor'] },
  admin: { userId: 'u-admin', username: 'admin', roles: ['admin'] },
  leadHandler: { userId: 'u-handler-eco', username: 'handler-eco', roles: ['handler'], departmentId: LEAD },
  leadHead: { userId: 'u-head-eco', username: 'head-eco', roles: ['head'], departmentId: LEAD },
  coHandler: { userId: 'u-handler-water', username: 'handler-water', roles: ['handler'], departmentId: CO },
  otherHandler: { userId: 'u-handler-um', username: 'handler-um', roles: ['handler'], departmentId: OTHER },
} satisfies Record<string, Principal>;

export const env: CaseEnv = { calendar: defaultWorkingCalendar() };

/** Tuesday 2025-06-10 10:00 in Shanghai. */
export const TUESDAY_10H = new Date('2025-06-10T02:00:00Z');

/** A case of category waterPollution in the given state, assigned to LEAD with CO as co-department. */
export const caseIn = (state: CaseState, overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  id: 'case-1',
  version: 5,
  state,
  categoryId: 'waterPollution',
  reporterId: REPORTER_ID,
  isPublic: false,
  title: '河道漂浮物',
  description: 'Floating waste in the canal',
  mediaIds: ['m-submitted'],
  submittedAt: '2025-06-09T01:00:00.000Z',
  leadDepartmentId: LEAD,
  coDepartmentIds: [CO],
  dispatchedAt: '2025-06-09T02:00:00.000Z',
  deadline: '2025-06-16T10:00:00.000Z',
  approvedExtensionCount: 0,
  reworkCount: 0,
  rectificationMediaIds: [],
  ...overrides,
});
