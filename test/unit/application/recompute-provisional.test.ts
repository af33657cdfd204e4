import { describe, expect, it } from 'vitest';
import { MemoryCaseStore } from '../../../shared/adapters/memory/memory-case-store.ts';
import { MemorySuggestionStore } from '../../../shared/adapters/memory/memory-suggestion-store.ts';
import { MemoryProvisionalDeadlines } from '../../../shared/adapters/memory/memory-workflow-reads.ts';
import { recomputeProvisionalDeadlines } from '../../../shared/application/calendar/recompute-provisional.ts';
import {
  bundledSeedYears,
  defaultWorkingCalendar,
} from '../../../shared/domain/calendar/bundled-calendar.ts';
import { buildWorkingCalendar } from '../../../shared/domain/calendar/working-calendar.ts';
import { provisionalCase, provisionalSuggestion } from '../../support/workflow-reads-contract.ts';

/** The recomputation after a calendar load, on the memory adapters (the DynamoDB ones keep the same contract). */
const setUp = () => {
  const cases = new MemoryCaseStore();
  const suggestions = new MemorySuggestionStore();
  return { cases, suggestions, provisional: new MemoryProvisionalDeadlines(cases, suggestions) };
};
const AT = new Date('2026-01-05T00:00:00Z');

describe('recomputing provisional deadlines', () => {
  it('counts nothing again while the calendar still ends where the deadlines became provisional', async () => {
    const ports = setUp();
    await provisionalCase(ports.cases);
    const only2025 = buildWorkingCalendar(bundledSeedYears().slice(0, 1));
    expect(await recomputeProvisionalDeadlines(ports, only2025, AT)).toEqual({
      recomputed: 0,
      stillProvisional: 0,
      released: 0,
    });
  });

  it('counts each waiting case and suggestion again once a year is loaded, and only once', async () => {
    const ports = setUp();
    const aCase = await provisionalCase(ports.cases);
    const aSuggestion = await provisionalSuggestion(ports.suggestions);
    const calendar = defaultWorkingCalendar();
    expect(await recomputeProvisionalDeadlines(ports, calendar, AT)).toEqual({
      recomputed: 2,
      stillProvisional: 0,
      released: 0,
    });
    const [caseNow, suggestionNow] = [
      await ports.cases.get(aCase.id),
      await ports.suggestions.get(aSuggestion.id),
    ];
    expect(caseNow).toMatchObject({ version: aCase.version + 1, provisional: undefined });
    expect(suggestionNow).toMatchObject({ version: aSuggestion.version + 1, provisional: undefined });
    expect((await ports.cases.timeline(aCase.id)).at(-1)?.action).toBe('recomputeDeadline');
    expect(await recomputeProvisionalDeadlines(ports, calendar, AT)).toEqual({
      recomputed: 0,
      stillProvisional: 0,
      released: 0,
    });
  });
});
