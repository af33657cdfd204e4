import { describe, expect, it } from 'vitest';
import { MemoryCaseStore } from '../../../shared/adapters/memory/memory-case-store.ts';
import { MemorySuggestionStore } from '../../../shared/adapters/memory/memory-suggestion-store.ts';
import { submitCase } from '../../../shared/application/cases/submit-case.ts';
import { transitionCase } from '../../../shared/application/cases/transition-case.ts';
import { escalateOverdue } from '../../../shared/application/workflow/escalate-overdue.ts';
import { publishEscalations } from '../../../shared/application/workflow/publish-escalations.ts';
import type { ReportEntry } from '../../../shared/domain/reports/report-index.ts';
import { env, LEAD, people, TUESDAY_10H } from '../cases/case-fixtures.ts';

/** A case dispatched on Tuesday 2025-06-10, left alone until `now`. */
const dispatchedCase = async () => {
  const stores = { cases: new MemoryCaseStore(), suggestions: new MemorySuggestionStore() };
  const ports = {
    cases: stores.cases,
    citeMedia: async () => [],
    departmentExists: async () => true,
    displayNameOf: async () => undefined,
    env,
  };
  const { record } = await submitCase(ports, {
    id: 'case-1',
    principal: people.reporter,
    payload: { categoryId: 'noise', title: '噪声', description: '夜间施工' },
    at: TUESDAY_10H,
  });
  const accepted = await transitionCase(ports, {
    current: record,
    action: 'accept',
    principal: people.supervisor,
    payload: {},
    at: TUESDAY_10H,
  });
  const dispatched = await transitionCase(ports, {
    current: accepted,
    action: 'dispatch',
    principal: people.supervisor,
    payload: { leadDepartmentId: LEAD, coDepartmentIds: [] },
    at: TUESDAY_10H,
  });
  return { stores, dispatched };
};

describe('escalateOverdue', () => {
  it('escalates a case past its deadline, one timeline step per level, and balances the books', async () => {
    const { stores, dispatched } = await dispatchedCase();
    const now = new Date(Date.parse(dispatched.deadline ?? '') + 3 * 86_400_000);
    const outcome = await escalateOverdue(stores, { now, calendar: env.calendar, write: true });
    expect(outcome.pass.escalated.map((e) => e.id)).toEqual(['case-1']);
    const escalated = await stores.cases.get('case-1');
    expect(escalated?.escalationLevel).toBeGreaterThanOrEqual(2);
    const steps = (await stores.cases.timeline('case-1')).filter((e) => e.action === 'escalate');
    expect(steps.map((e) => e.details.level)).toEqual([1, 2, 3].slice(0, escalated?.escalationLevel));
    expect(outcome.reconciliation.cases.balanced).toBe(true);
    // The next hour raises nothing more for the same deadline.
    const again = await escalateOverdue(stores, { now, calendar: env.calendar, write: true });
    expect(again.pass.raised).toBe(0);
  });

  it('leaves a case within its time alone, and a dry run writes nothing', async () => {
    const { stores, dispatched } = await dispatchedCase();
    await escalateOverdue(stores, {
      now: new Date(TUESDAY_10H.getTime() + 3_600_000),
      calendar: env.calendar,
      write: true,
    });
    expect((await stores.cases.get('case-1'))?.version).toBe(dispatched.version);
    const late = new Date(Date.parse(dispatched.deadline ?? '') + 86_400_000);
    const dry = await escalateOverdue(stores, { now: late, calendar: env.calendar, write: false });
    expect(dry.pass.escalated.map((e) => e.id)).toEqual(['case-1']);
    expect((await stores.cases.get('case-1'))?.version).toBe(dispatched.version);
  });

  it('publishes the hour as one escalations report: its three files, then its entry, replaced on a rerun', async () => {
    const { stores, dispatched } = await dispatchedCase();
    const now = new Date(Date.parse(dispatched.deadline ?? '') + 3 * 86_400_000);
    const outcome = await escalateOverdue(stores, { now, calendar: env.calendar, write: true });
    const written: string[] = [];
    const entries = new Map<string, ReportEntry>();
    const ports = {
      files: {
        write: async (key: string) => {
          written.push(key);
        },
        read: async () => undefined,
        downloadLink: async () => '',
      },
      index: {
        put: async (entry: ReportEntry) => {
          // the entry only once its files are there: a listed report can always be read
          expect(written.slice(-3).every((key) => key.startsWith(entry.keyPrefix))).toBe(true);
          entries.set(entry.id, entry);
        },
        get: async (id: string) => entries.get(id),
        list: async () => ({ items: [...entries.values()] }),
      },
    };
    const run = { hour: '2025-06-16T10', now, timeZone: env.calendar.timeZone };
    const entry = await publishEscalations(ports, run, outcome);
    expect(entry).toMatchObject({
      kind: 'escalations',
      period: '2025-06-16T10',
      headline: { escalated: 1, casesBalanced: 'yes', suggestionsBalanced: 'yes' },
    });
    expect(written.map((key) => key.slice(entry.keyPrefix.length))).toEqual(['.json', '.csv', '.html']);
    await publishEscalations(ports, run, outcome);
    expect([...entries.keys()]).toEqual([entry.id]);
    expect(new Set(written).size).toBe(3);
  });
});
