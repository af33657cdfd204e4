import { describe, expect, it } from 'vitest';
import { MemoryCaseStore } from '../../../shared/adapters/memory/memory-case-store.ts';
import { submitCase } from '../../../shared/application/cases/submit-case.ts';
import { transitionCase } from '../../../shared/application/cases/transition-case.ts';
import { ConflictError, ForbiddenError, UnprocessableError } from '../../../shared/domain/errors.ts';
import type { Principal } from '../../../shared/domain/roles.ts';
import { CO, env, LEAD, people, TUESDAY_10H } from '../cases/case-fixtures.ts';

/** The case use cases on the in-memory store: the rules the handlers no longer hold. */
const setup = () => {
  const cases = new MemoryCaseStore();
  const known = new Set([LEAD, CO]);
  const ports = {
    cases,
    citeMedia: async () => [],
    departmentExists: async (id: string) => known.has(id),
    displayNameOf: async () => undefined,
    env,
  };
  const submitted = async (id = 'case-1') =>
    (
      await submitCase(ports, {
        id,
        principal: people.reporter,
        payload: { categoryId: 'noise', title: '噪声', description: '夜间施工' },
        at: TUESDAY_10H,
      })
    ).record;
  const act = async (
    id: string,
    action: string,
    principal: Principal = people.supervisor,
    payload: unknown = {},
    expectedVersion?: number,
  ) => {
    const current = await cases.get(id);
    if (!current) throw new Error(`no case ${id}`);
    return transitionCase(ports, {
      current,
      action,
      principal,
      payload,
      at: TUESDAY_10H,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
  };
  return { cases, ports, submitted, act };
};

describe('transitionCase', () => {
  it('refuses a step on a version other than the one the caller read (409), and writes nothing', async () => {
    const { cases, submitted, act } = setup();
    await submitted();
    await expect(act('case-1', 'accept', people.supervisor, {}, 7)).rejects.toBeInstanceOf(ConflictError);
    expect((await cases.get('case-1'))?.state).toBe('submitted');
    expect(await act('case-1', 'accept', people.supervisor, {}, 1)).toMatchObject({
      state: 'accepted',
      version: 2,
    });
  });

  it('lets only one of two steps taken from the same read win', async () => {
    const { cases, ports, submitted } = setup();
    const read = await submitted();
    const at = TUESDAY_10H;
    await transitionCase(ports, {
      current: read,
      action: 'accept',
      principal: people.supervisor,
      payload: {},
      at,
    });
    const late = transitionCase(ports, {
      current: read,
      action: 'reject',
      principal: people.supervisor,
      payload: { reason: '不属实' },
      at,
    });
    await expect(late).rejects.toBeInstanceOf(ConflictError);
    expect((await cases.timeline('case-1')).map((e) => e.action)).toEqual(['submit', 'accept']);
  });

  it('refuses who may not act (403) before anything is written', async () => {
    const { cases, submitted, act } = setup();
    await submitted();
    await expect(act('case-1', 'accept', people.otherDeputy)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(act('case-1', 'accept', people.leadHandler)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await cases.get('case-1'))?.version).toBe(1);
  });

  it('refuses a dispatch to a department the registry does not know: 422 naming each field', async () => {
    const { cases, submitted, act } = setup();
    await submitted();
    await act('case-1', 'accept');
    const refused = await act('case-1', 'dispatch', people.supervisor, {
      leadDepartmentId: 'dept-nowhere',
      coDepartmentIds: [CO, 'dept-gone'],
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnprocessableError);
    expect((refused as UnprocessableError).errors.map((e) => e.path)).toEqual([
      '/body/payload/leadDepartmentId',
      '/body/payload/coDepartmentIds/1',
    ]);
    expect((await cases.get('case-1'))?.state).toBe('accepted');
    await act('case-1', 'dispatch', people.supervisor, { leadDepartmentId: LEAD, coDepartmentIds: [CO] });
    expect(await cases.dispatchedTo(LEAD, ['2025-01-01', '2026-01-01'])).toEqual(['case-1']);
  });

  it('links a duplicate to its original in the same write', async () => {
    const { cases, submitted, act } = setup();
    await submitted('case-1');
    await submitted('case-2');
    await act('case-2', 'markDuplicate', people.supervisor, { duplicateOf: 'case-1' });
    expect(await cases.get('case-1')).toMatchObject({ duplicateIds: ['case-2'], version: 2 });
    expect(await cases.get('case-2')).toMatchObject({ state: 'duplicate', duplicateOf: 'case-1' });
  });
});
