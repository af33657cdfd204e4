import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoCaseStore } from '../../shared/adapters/dynamodb/case-store.ts';
import { tableEnvVar } from '../../shared/config/env.ts';
import { defaultWorkingCalendar } from '../../shared/domain/calendar/bundled-calendar.ts';
import type { WorkingCalendar } from '../../shared/domain/calendar/working-calendar.ts';
import { applyCaseTransition } from '../../shared/domain/cases/case-machine.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../shared/domain/cases/case-record.ts';
import { submitCase } from '../../shared/domain/cases/submit-case.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import type { TestStack } from './local-stack.ts';

/**
 * A case taken through the real domain at chosen (past) instants and stored through the real
 * adapters (which write every index key and listing item themselves), for what HTTP cannot
 * stage: time that has passed. Later steps are then taken over HTTP, at the real clock.
 */
export const seedCaseSteps = async (
  t: TestStack,
  plan: {
    reporter: Principal;
    submittedAt: string;
    categoryId?: string;
    mediaIds?: string[];
    /** Action, principal (a key of `principals`), instant, payload. */
    steps: [action: string, who: string, at: string, payload?: unknown][];
    principals: Record<string, Principal>;
    /** The calendar the steps count with (default: the bundled years), e.g. one that was loaded then. */
    calendar?: WorkingCalendar;
  },
): Promise<{ record: CaseRecord; timeline: CaseTimelineEntry[] }> => {
  const table = t.stack.env[tableEnvVar('workflow')] ?? '';
  const store = new DynamoCaseStore(getDocumentClient(), table);
  const env = { calendar: plan.calendar ?? defaultWorkingCalendar() };
  const first = submitCase({
    id: `seeded-case-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    principal: plan.reporter,
    payload: {
      categoryId: plan.categoryId ?? 'waterPollution',
      title: '种子案件',
      description: '用于测试办理期限',
      mediaIds: plan.mediaIds ?? [],
    },
    at: new Date(plan.submittedAt),
  });
  await store.create(first);
  let record = first.record;
  const timeline = [first.entry];
  for (const [action, who, at, payload] of plan.steps) {
    const principal = plan.principals[who];
    if (!principal) throw new Error(`no principal ${who} in the plan`);
    const next = applyCaseTransition(record, { action, principal, payload, at: new Date(at) }, env);
    await store.update({ before: record, ...next });
    record = next.record;
    timeline.push(next.entry);
  }
  return { record, timeline };
};
