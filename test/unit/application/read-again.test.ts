import { describe, expect, it } from 'vitest';
import { readAgainOnConflict } from '../../../shared/application/workflow/read-again.ts';
import { ConflictError, NotFoundError } from '../../../shared/domain/errors.ts';

/** A step whose write fails on its version `conflicts` times, then lands. */
const stepConflicting = (conflicts: number) => {
  const tries = { count: 0 };
  const step = async () => {
    tries.count += 1;
    if (tries.count <= conflicts) throw new ConflictError('版本已变 (version moved)');
    return `written on try ${tries.count}`;
  };
  return { step, tries };
};

describe('readAgainOnConflict', () => {
  it('reads again after a write lost to someone else, and lands on the newer version', async () => {
    const { step, tries } = stepConflicting(2);
    await expect(readAgainOnConflict(step)).resolves.toBe('written on try 3');
    expect(tries.count).toBe(3);
  });

  it('gives up after three tries with the last conflict', async () => {
    const { step, tries } = stepConflicting(5);
    await expect(readAgainOnConflict(step)).rejects.toBeInstanceOf(ConflictError);
    expect(tries.count).toBe(3);
  });

  it('does not retry any other error', async () => {
    let tries = 0;
    const step = async () => {
      tries += 1;
      throw new NotFoundError('不存在 (gone)');
    };
    await expect(readAgainOnConflict(step)).rejects.toBeInstanceOf(NotFoundError);
    expect(tries).toBe(1);
  });
});
