import { describe, expect, it } from 'vitest';
import { allowedCaseActions, applyCaseTransition } from '../../../shared/domain/cases/case-machine.ts';
import { canViewCase } from '../../../shared/domain/cases/case-permissions.ts';
import {
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseRecord,
  type CaseState,
} from '../../../shared/domain/cases/case-record.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../../shared/domain/errors.ts';
import { type Principal, ROLES, type Role } from '../../../shared/domain/roles.ts';
import { CO, caseIn, env, LEAD, OTHER, people, REPORTER_ID, TUESDAY_10H } from './case-fixtures.ts';

/** The rules as the brief states them, written out independently of the implementation's table. */
interface ExpectedRule {
  from: CaseState[];
  roles: Role[];
  needsRelation: boolean;
}
const OVERSEER_ONLY: Omit<ExpectedRule, 'from'> = { roles: ['supervisor', 'admin'], needsRelation: false };
const DEPARTMENT: Omit<ExpectedRule, 'from'> = { roles: ['handler', 'head'], needsRelation: true };
const EXPECTED: Record<CaseAction, ExpectedRule> = {
  accept: { from: ['submitted'], ...OVERSEER_ONLY },
  reject: { from: ['submitted'], ...OVERSEER_ONLY },
  markDuplicate: { from: ['submitted'], ...OVERSEER_ONLY },
  dispatch: { from: ['accepted', 'reopened'], ...OVERSEER_ONLY },
  returnToDispatcher: { from: ['dispatched'], ...DEPARTMENT },
  signFor: { from: ['dispatched'], ...DEPARTMENT },
  requestExtension: { from: ['inProgress'], ...DEPARTMENT },
  approveExtension: { from: ['inProgress'], ...OVERSEER_ONLY },
  rejectExtension: { from: ['inProgress'], ...OVERSEER_ONLY },
  submitRectification: { from: ['inProgress'], ...DEPARTMENT },
  headSignOff: { from: ['rectified'], roles: ['head'], needsRelation: true },
  verify: { from: ['awaitingVerification'], ...OVERSEER_ONLY },
  sendBackForRework: { from: ['awaitingVerification'], ...OVERSEER_ONLY },
  rate: { from: ['closed'], roles: ['deputy'], needsRelation: true },
  suspend: { from: ['accepted', 'dispatched', 'inProgress', 'reopened'], ...OVERSEER_ONLY },
  resume: { from: ['suspended'], ...OVERSEER_ONLY },
};

const VALID_PAYLOADS: Record<CaseAction, unknown> = {
  accept: {},
  reject: { reason: '不属于本区' },
  markDuplicate: { duplicateOf: 'case-0' },
  dispatch: { leadDepartmentId: LEAD, coDepartmentIds: [CO] },
  returnToDispatcher: { reason: '派遣错误' },
  signFor: {},
  requestExtension: { reason: '需要清淤', amount: 2, unit: 'workingDays' },
  approveExtension: {},
  rejectExtension: { reason: '理由不充分' },
  submitRectification: { mediaIds: ['m-after'] },
  headSignOff: {},
  verify: {},
  sendBackForRework: { reason: '仍有垃圾' },
  rate: { rating: 'satisfied' },
  suspend: { reason: '等待资金', nextReviewDate: '2025-07-01' },
  resume: {},
};

/** A case in the action's first from-state, with whatever that action needs to be present. */
const caseReadyFor = (action: CaseAction): CaseRecord => {
  const state = EXPECTED[action].from[0] ?? 'submitted';
  const pending = {
    amount: 1,
    unit: 'workingDays' as const,
    reason: 'x',
    requestedAt: '2025-06-09T02:00:00Z',
    requestedBy: 'u',
  };
  return caseIn(state, {
    ...(action.endsWith('Extension') && action !== 'requestExtension' ? { extensionRequest: pending } : {}),
    ...(state === 'suspended'
      ? {
          suspension: {
            from: 'inProgress',
            at: '2025-06-09T02:00:00Z',
            nextReviewDate: '2025-07-01',
            reason: 'x',
          },
        }
      : {}),
  });
};

/** Someone with this role, either related to the case (reporter / lead department) or not. */
const principalFor = (role: Role, related: boolean): Principal => ({
  userId: related && role === 'deputy' ? REPORTER_ID : `u-${role}-x`,
  username: role,
  roles: [role],
  ...(role === 'handler' || role === 'head' ? { departmentId: related ? LEAD : OTHER } : {}),
});

const act = (record: CaseRecord, action: string, principal: Principal, payload: unknown) =>
  applyCaseTransition(record, { action, principal, payload, at: TUESDAY_10H }, env);

describe('who may take each action (role × relation)', () => {
  const rows = CASE_ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) => [true, false].map((related) => ({ action, role, related }))),
  );
  it.each(rows)('$action by $role (related: $related)', ({ action, role, related }) => {
    // Prepare
    const rule = EXPECTED[action];
    const allowed = rule.roles.includes(role) && (related || !rule.needsRelation);
    const record = caseReadyFor(action);
    // Act
    const attempt = () => act(record, action, principalFor(role, related), VALID_PAYLOADS[action]);
    // Assess
    if (allowed) {
      expect(attempt().entry.actorRole).toBe(role);
    } else {
      expect(attempt).toThrow(ForbiddenError);
    }
  });

  it('does not let a co-department act for the lead department', () => {
    expect(() => act(caseReadyFor('signFor'), 'signFor', people.coHandler, {})).toThrow(ForbiddenError);
    expect(() =>
      act(
        caseReadyFor('submitRectification'),
        'submitRectification',
        people.coHandler,
        VALID_PAYLOADS.submitRectification,
      ),
    ).toThrow(ForbiddenError);
  });

  it('lists the actions open to a principal now', () => {
    // Before the case's deadline (2025-06-16): after it, no extension is offered (case-late-extension).
    const now = { at: TUESDAY_10H, env };
    expect(allowedCaseActions(people.leadHandler, caseIn('inProgress'), now)).toEqual([
      'requestExtension',
      'submitRectification',
    ]);
    expect(allowedCaseActions(people.otherHandler, caseIn('inProgress'), now)).toEqual([]);
    expect(allowedCaseActions(people.supervisor, caseIn('submitted'), now)).toEqual([
      'accept',
      'reject',
      'markDuplicate',
    ]);
  });
});

describe('illegal transitions', () => {
  // Someone who holds every role and every relation, so only the state can stand in the way.
  const everyone: Principal = { userId: REPORTER_ID, username: 'all', roles: [...ROLES], departmentId: LEAD };
  const rows = CASE_ACTIONS.flatMap((action) =>
    CASE_STATES.filter((state) => !EXPECTED[action].from.includes(state)).map((state) => ({ action, state })),
  );
  it.each(rows)('$action from $state → 409 naming both', ({ action, state }) => {
    const attempt = () => act(caseIn(state), action, everyone, VALID_PAYLOADS[action]);
    expect(attempt).toThrow(ConflictError);
    expect(attempt).toThrow(new RegExp(`${action}.*${state}`));
  });

  it('answers an unknown action with a validation error on /action', () => {
    expect(() => act(caseIn('submitted'), 'approve', people.admin, {})).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: '/action' })] }),
    );
  });
});

describe('payload validation', () => {
  it.each([
    ['reject', 'submitted', {}, '/reason'],
    ['reject', 'submitted', { reason: '   ' }, '/reason'],
    ['submitRectification', 'inProgress', { mediaIds: [] }, '/mediaIds'],
    ['submitRectification', 'inProgress', {}, '/mediaIds'],
    ['dispatch', 'accepted', { coDepartmentIds: [CO] }, '/leadDepartmentId'],
    ['dispatch', 'accepted', { leadDepartmentId: LEAD, coDepartmentIds: [LEAD] }, '/coDepartmentIds'],
    ['requestExtension', 'inProgress', { reason: 'r', amount: 1.5, unit: 'workingDays' }, '/amount'],
    ['rate', 'closed', { rating: 'great' }, '/rating'],
    ['markDuplicate', 'submitted', { duplicateOf: 'case-1' }, '/duplicateOf'],
  ] as const)('%s from %s with %j fails on %s', (action, state, payload, path) => {
    const principal =
      action === 'rate'
        ? people.reporter
        : action.startsWith('sub') || action.startsWith('req')
          ? people.leadHandler
          : people.admin;
    const attempt = () => act(caseIn(state), action, principal, payload);
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(
      expect.objectContaining({ errors: expect.arrayContaining([expect.objectContaining({ path })]) }),
    );
  });

  it('leaves the original record untouched', () => {
    const record = caseIn('submitted');
    const before = structuredClone(record);
    act(record, 'accept', people.admin, {});
    expect(record).toEqual(before);
  });
});

describe('canViewCase', () => {
  const privateCase = caseIn('inProgress');
  const publicCase = caseIn('inProgress', { isPublic: true });
  it.each([
    ['the reporting deputy', people.reporter, privateCase, true],
    ['another deputy, private case', people.otherDeputy, privateCase, false],
    ['another deputy, public case', people.otherDeputy, publicCase, true],
    ['a handler of the lead department', people.leadHandler, privateCase, true],
    ['the head of the lead department', people.leadHead, privateCase, true],
    ['a handler of a co-department', people.coHandler, privateCase, true],
    ['a handler of an unrelated department', people.otherHandler, privateCase, false],
    ['an unrelated handler, public case', people.otherHandler, publicCase, false],
    ['a supervisor', people.supervisor, privateCase, true],
    ['an admin', people.admin, privateCase, true],
  ] as const)('%s → %s', (_who, principal, record, expected) => {
    expect(canViewCase(principal, record)).toBe(expected);
  });
});
