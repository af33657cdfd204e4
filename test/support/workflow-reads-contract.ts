import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bundledSeedYears, defaultWorkingCalendar } from '../../shared/domain/calendar/bundled-calendar.ts';
import { buildWorkingCalendar } from '../../shared/domain/calendar/working-calendar.ts';
import { applyCaseTransition } from '../../shared/domain/cases/case-machine.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../shared/domain/cases/case-record.ts';
import { submitCase } from '../../shared/domain/cases/submit-case.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { submitSuggestion } from '../../shared/domain/suggestions/submit-suggestion.ts';
import { applySuggestionTransition } from '../../shared/domain/suggestions/suggestion-machine.ts';
import { recomputeCaseDeadline } from '../../shared/domain/workflow/deadline-recompute.ts';
import type { CaseStore } from '../../shared/ports/case-store.ts';
import type { ProvisionalDeadlines } from '../../shared/ports/provisional-deadlines.ts';
import type { SuggestionStore } from '../../shared/ports/suggestion-store.ts';
import type { WorkflowHistory } from '../../shared/ports/workflow-history.ts';
import type { Step } from '../../shared/ports/workflow-store.ts';

/**
 * One suite for every adapter of the reads over both kinds of workflow record — the records awaiting
 * a deadline recomputation and the whole history — in memory (test/unit) and on DynamoDB Local
 * (test/integration). Ids are fresh per test and answers are read for those ids only, so the suite
 * runs on a table other tests write to.
 */
export interface WorkflowReadsFixture {
  cases: CaseStore;
  suggestions: SuggestionStore;
  provisional: ProvisionalDeadlines;
  history: WorkflowHistory;
}

/** Only 2025 is loaded: whatever counts into 2026 is provisional from 2026-01-01 00:00 Shanghai. */
const only2025 = buildWorkingCalendar(bundledSeedYears().slice(0, 1));
const SINCE = '2025-12-31T16:00:00.000Z';
const supervisor: Principal = { userId: 'u-supervisor', username: 'supervisor', roles: ['supervisor'] };
const deputy: Principal = { userId: 'u-deputy', username: 'deputy', roles: ['deputy'] };

const caseStep = (
  before: CaseRecord,
  action: string,
  at: string,
  payload: unknown = {},
): Step<CaseRecord, CaseTimelineEntry> => ({
  before,
  ...applyCaseTransition(
    before,
    { action, principal: supervisor, payload, at: new Date(at) },
    {
      calendar: only2025,
    },
  ),
});

const submitted = async (cases: CaseStore) => {
  const born = submitCase({
    id: `c-${randomUUID()}`,
    principal: deputy,
    payload: { categoryId: 'noise', title: '噪声', description: '夜间施工', isPublic: false },
    at: new Date('2025-12-30T01:00:00Z'),
  });
  await cases.create(born);
  return born;
};

/** A case dispatched on 31 December 2025: its deadline is provisional. */
export const provisionalCase = async (cases: CaseStore): Promise<CaseRecord> => {
  const born = await submitted(cases);
  const accepted = caseStep(born.record, 'accept', '2025-12-30T02:00:00Z');
  await cases.update(accepted);
  const dispatched = caseStep(accepted.record, 'dispatch', '2025-12-31T02:00:00Z', {
    leadDepartmentId: 'dept-ecology',
  });
  await cases.update(dispatched);
  return dispatched.record;
};

/** A suggestion assigned on 31 December 2025: its hand-back date is provisional. */
export const provisionalSuggestion = async (suggestions: SuggestionStore) => {
  const born = submitSuggestion({
    id: `s-${randomUUID()}`,
    principal: deputy,
    payload: { title: '建议', body: '内容', category: 'ecology', coSignerIds: [] },
    at: new Date('2025-12-29T01:00:00Z'),
  });
  await suggestions.create(born);
  let record = born.record;
  for (const [action, at, payload] of [
    ['accept', '2025-12-30T01:00:00Z', {}],
    ['assign', '2025-12-31T02:00:00Z', { leadUnitId: 'dept-ecology', coUnitIds: [] }],
  ] as const) {
    const next = applySuggestionTransition(
      record,
      { action, principal: supervisor, payload, at: new Date(at) },
      { calendar: only2025 },
    );
    await suggestions.update({ before: record, ...next });
    record = next.record;
  }
  return record;
};

export const workflowReadsContract = (name: string, fixture: () => WorkflowReadsFixture) =>
  describe(`workflow reads contract: ${name}`, () => {
    it('lists the records awaiting a recomputation before an edge, oldest first, cases before suggestions', async () => {
      const { cases, suggestions, provisional } = fixture();
      const aCase = await provisionalCase(cases);
      const aSuggestion = await provisionalSuggestion(suggestions);
      expect([aCase.provisionalSince, aSuggestion.provisionalSince]).toEqual([SINCE, SINCE]);
      const ours = (listed: { id: string }[]) =>
        listed.filter((one) => [aCase.id, aSuggestion.id].includes(one.id));

      expect(ours(await provisional.awaitingBefore('2026-01-01T00:00:00.000Z'))).toEqual([
        { kind: 'case', id: aCase.id, since: SINCE },
        { kind: 'suggestion', id: aSuggestion.id, since: SINCE },
      ]);
      // strictly before: a record provisional from the edge itself still awaits its year
      expect(ours(await provisional.awaitingBefore(SINCE))).toEqual([]);
    });

    it('stops listing a record once a step settles its deadline, or once it is released', async () => {
      const { cases, provisional } = fixture();
      const [settled, released] = [await provisionalCase(cases), await provisionalCase(cases)];
      const recomputed = recomputeCaseDeadline(
        settled,
        defaultWorkingCalendar(),
        new Date('2026-01-05T00:00:00Z'),
      );
      if (!recomputed) throw new Error('the full calendar recomputes the case');
      await cases.update({ before: settled, ...recomputed });
      await cases.releaseProvisional(released.id);
      const listed = (await provisional.awaitingBefore('2027-01-01T00:00:00.000Z')).map((one) => one.id);
      expect(listed).not.toContain(settled.id);
      expect(listed).not.toContain(released.id);
    });

    it('reads the whole history as stored: open and closed records of both kinds', async () => {
      const { cases, suggestions, history } = fixture();
      const open = await provisionalCase(cases);
      const closing = (await submitted(cases)).record;
      await cases.update(caseStep(closing, 'reject', '2025-12-30T02:00:00Z', { reason: '不属实' }));
      const suggestion = await provisionalSuggestion(suggestions);
      const read = await history.everyRecord();
      const byId = new Map([...read.cases, ...read.suggestions].map((record) => [record.id, record]));
      expect(byId.get(open.id)).toEqual(await cases.get(open.id));
      expect(byId.get(closing.id)).toEqual(await cases.get(closing.id));
      expect(byId.get(suggestion.id)).toEqual(await suggestions.get(suggestion.id));
      expect(read.cases.map((record) => record.id)).not.toContain(suggestion.id);
    });
  });
