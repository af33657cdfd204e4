import { describe, expect, it } from 'vitest';
import { checkDuplicateOriginal, linkDuplicate } from '../../../shared/domain/cases/case-duplicates.ts';
import { applyCaseTransition } from '../../../shared/domain/cases/case-machine.ts';
import { ConflictError, ForbiddenError, UnprocessableError } from '../../../shared/domain/errors.ts';
import { caseIn, env, people, TUESDAY_10H } from './case-fixtures.ts';

describe('duplicates', () => {
  it('needs an original that exists and is not itself a duplicate', () => {
    expect(() => checkDuplicateOriginal('nope', undefined)).toThrow(UnprocessableError);
    const chained = caseIn('duplicate', { id: 'case-2', duplicateOf: 'case-0' });
    expect(() => checkDuplicateOriginal('case-2', chained)).toThrow(/case-0/);
    expect(() => checkDuplicateOriginal('case-1', caseIn('accepted'))).not.toThrow();
  });

  it('links the original back once, with an entry on its own timeline', () => {
    const marking = applyCaseTransition(
      caseIn('submitted', { id: 'case-9', coDepartmentIds: [], leadDepartmentId: undefined }),
      {
        action: 'markDuplicate',
        principal: people.supervisor,
        payload: { duplicateOf: 'case-1' },
        at: TUESDAY_10H,
      },
      env,
    );
    const original = caseIn('accepted', { duplicateIds: ['case-8'] });
    const linked = linkDuplicate(original, marking.entry, 'case-9');
    expect(linked.record).toMatchObject({
      version: original.version + 1,
      duplicateIds: ['case-8', 'case-9'],
    });
    expect(linked.entry).toMatchObject({
      action: 'linkDuplicate',
      seq: original.version + 1,
      details: { duplicateId: 'case-9' },
    });
    expect(linkDuplicate(linked.record, marking.entry, 'case-9').record.duplicateIds).toEqual([
      'case-8',
      'case-9',
    ]);
  });
});

describe('the order of checks', () => {
  it('answers who may act (403) before the version read and the state (409)', () => {
    const dispatched = caseIn('dispatched');
    const request = { action: 'verify', principal: people.leadHandler, at: TUESDAY_10H, expectedVersion: 1 };
    expect(() => applyCaseTransition(dispatched, request, env)).toThrow(ForbiddenError);
    expect(() => applyCaseTransition(dispatched, request, env)).toThrow(/^无权对此案件执行「核实」操作/);
    const stale = { ...request, principal: people.supervisor };
    expect(() => applyCaseTransition(dispatched, stale, env)).toThrow(/^案件已被他人更新/);
    const early = { ...stale, expectedVersion: dispatched.version };
    expect(() => applyCaseTransition(dispatched, early, env)).toThrow(ConflictError);
    expect(() => applyCaseTransition(dispatched, early, env)).toThrow(
      /^案件当前状态为「已派遣」，不能执行「核实」操作/,
    );
  });
});
