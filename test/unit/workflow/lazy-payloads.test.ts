/**
 * Every workflow function loads the case and suggestion transition tables, and most of them (lists,
 * reads, the escalation and report jobs) never apply an action: the ~50 payload schemas are built
 * when an action is first applied, not at load (docs/performance.md, "Cold start", third round).
 *
 * Counted through zod's own post-construction hook (`z.config({ postProcessor })`, the hook
 * `zod/compile` installs), which sees every schema zod constructs. The machines are imported here
 * only after `vi.resetModules()`, so their modules are evaluated afresh while the hook counts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';

let constructed = 0;
const previous = z.config().postProcessor;
beforeAll(() => {
  z.config({
    postProcessor: (schema) => {
      constructed += 1;
      previous?.(schema);
    },
  });
});
afterAll(() => {
  z.config({ postProcessor: previous });
});

/** How many zod schemas `act` constructed, beside what it returned. */
const counting = async <T>(act: () => T | Promise<T>) => {
  const before = constructed;
  const value = await act();
  return { value, built: constructed - before };
};

const domain = '../../../shared/domain';

describe('workflow payload schemas are built on first use', () => {
  it('importing the case and suggestion machines and their submissions builds no zod schema', async () => {
    // Prepare
    vi.resetModules();
    // Act
    const { built } = await counting(() =>
      Promise.all([
        import(`${domain}/cases/case-machine.ts`),
        import(`${domain}/cases/submit-case.ts`),
        import(`${domain}/suggestions/suggestion-machine.ts`),
        import(`${domain}/suggestions/submit-suggestion.ts`),
      ]),
    );
    // Assess
    expect(built).toBe(0);
  });

  it('the first case action builds the payload schemas once; they still refuse a bad payload', async () => {
    // Prepare
    const { applyCaseTransition } = await import(`${domain}/cases/case-machine.ts`);
    const { caseIn, env, people } = await import('../cases/case-fixtures.ts');
    const at = new Date('2025-06-10T02:00:00Z');
    const accept = { action: 'accept', principal: people.supervisor, payload: { note: '立案' }, at };
    // Act
    const first = await counting(() => applyCaseTransition(caseIn('submitted'), accept, env));
    const second = await counting(() => applyCaseTransition(caseIn('submitted'), accept, env));
    const refusal = await counting(() =>
      applyCaseTransition(
        caseIn('submitted'),
        { action: 'reject', principal: people.supervisor, payload: { reason: '' }, at },
        env,
      ),
    ).catch((error: unknown) => error);
    // Assess
    expect(first.value.record.state).toBe('accepted');
    expect(first.built).toBeGreaterThan(20);
    expect(second.built).toBe(0);
    expect(refusal).toMatchObject({ message: expect.stringContaining('操作的数据无效') });
  });

  it('the first suggestion action builds the suggestion payload schemas', async () => {
    // Prepare
    const { applySuggestionTransition } = await import(`${domain}/suggestions/suggestion-machine.ts`);
    const { env, filed, people } = await import('../suggestions/suggestion-fixtures.ts');
    const { record } = filed();
    const at = new Date('2026-03-02T03:00:00Z');
    // Act
    const first = await counting(() =>
      applySuggestionTransition(record, { action: 'accept', principal: people.supervisor, at }, env),
    );
    // Assess
    expect(first.value.record.state).toBe('accepted');
    expect(first.built).toBeGreaterThan(20);
  });
});
