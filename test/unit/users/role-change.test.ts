import { describe, expect, it } from 'vitest';
import { ConflictError, UnprocessableError } from '../../../shared/domain/errors.ts';
import type { Principal } from '../../../shared/domain/roles.ts';
import { planRoleChange } from '../../../shared/domain/users/role-change.ts';

const admin: Principal = { userId: 'sub-admin', username: 'admin', roles: ['admin'] };
const target = { username: 'zhou', sub: 'sub-zhou' };
const DEPARTMENTS = ['dept-ecology', 'dept-water'];

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('planRoleChange', () => {
  it('sorts and dedupes the roles, and keeps a department only for handlers and heads', () => {
    expect(
      planRoleChange(
        admin,
        target,
        { roles: ['head', 'handler', 'head'], departmentId: 'dept-water' },
        DEPARTMENTS,
      ),
    ).toEqual({ roles: ['handler', 'head'], departmentId: 'dept-water' });
    expect(
      planRoleChange(admin, target, { roles: ['supervisor'], departmentId: 'dept-water' }, DEPARTMENTS),
    ).toEqual({ roles: ['supervisor'] });
  });

  it('refuses an admin changing their own roles, by id or by name', () => {
    expect(
      refusal(() => planRoleChange(admin, { username: 'x', sub: 'sub-admin' }, { roles: ['deputy'] }, [])),
    ).toBeInstanceOf(ConflictError);
    expect(
      refusal(() => planRoleChange(admin, { username: 'admin', sub: 'y' }, { roles: ['deputy'] }, [])),
    ).toBeInstanceOf(ConflictError);
  });

  it('names the field: a handler without a department or with an unknown one, a deputy who is also staff', () => {
    const noDepartment = refusal(() => planRoleChange(admin, target, { roles: ['handler'] }, DEPARTMENTS));
    expect(noDepartment).toBeInstanceOf(UnprocessableError);
    expect((noDepartment as UnprocessableError).errors.map((e) => e.path)).toEqual(['/body/departmentId']);
    const unknown = refusal(() =>
      planRoleChange(admin, target, { roles: ['head'], departmentId: 'dept-none' }, DEPARTMENTS),
    ) as UnprocessableError;
    expect(unknown.errors[0]?.message).toContain('dept-none');
    const mixed = refusal(() =>
      planRoleChange(admin, target, { roles: ['deputy', 'supervisor'] }, DEPARTMENTS),
    );
    expect((mixed as UnprocessableError).errors.map((e) => e.path)).toEqual(['/body/roles']);
  });
});
