import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoSuggestionStore } from '../../shared/adapters/dynamodb/suggestion-store.ts';
import { tableEnvVar } from '../../shared/config/env.ts';
import { defaultWorkingCalendar } from '../../shared/domain/calendar/bundled-calendar.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { submitSuggestion } from '../../shared/domain/suggestions/submit-suggestion.ts';
import { applySuggestionTransition } from '../../shared/domain/suggestions/suggestion-machine.ts';
import type { SuggestionRecord } from '../../shared/domain/suggestions/suggestion-record.ts';
import type { TestStack } from './local-stack.ts';

/**
 * A suggestion taken through the real domain at chosen (past) instants and stored through the real
 * adapters, for what HTTP cannot stage: time that has passed. The handlers' own SDK client is used,
 * so what is stored is exactly what they would store.
 */
export const seedSuggestionSteps = async (
  t: TestStack,
  plan: {
    filer: Principal;
    coSignerIds: string[];
    filedAt: string;
    /** Action, principal (a key of `principals`), instant, payload. */
    steps: [action: string, who: string, at: string, payload?: unknown][];
    principals: Record<string, Principal>;
  },
): Promise<SuggestionRecord> => {
  const table = t.stack.env[tableEnvVar('workflow')] ?? '';
  const store = new DynamoSuggestionStore(getDocumentClient(), table);
  const env = { calendar: defaultWorkingCalendar() };
  const first = submitSuggestion({
    id: `seeded-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    principal: plan.filer,
    payload: {
      title: '种子建议',
      body: '用于测试评价期限',
      category: 'ecology',
      coSignerIds: plan.coSignerIds,
    },
    at: new Date(plan.filedAt),
  });
  await store.create(first);
  let record = first.record;
  for (const [action, who, at, payload] of plan.steps) {
    const principal = plan.principals[who];
    if (!principal) throw new Error(`no principal ${who} in the plan`);
    const next = applySuggestionTransition(record, { action, principal, payload, at: new Date(at) }, env);
    await store.update({ before: record, ...next });
    record = next.record;
  }
  return record;
};
