import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoSuggestionIndex } from '../../shared/adapters/dynamodb/suggestion-index.ts';
import { DynamoWorkflowStore } from '../../shared/adapters/dynamodb/workflow-store.ts';
import { tableEnvVar } from '../../shared/config/env.ts';
import { defaultWorkingCalendar } from '../../shared/domain/calendar/working-calendar.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { submitSuggestion } from '../../shared/domain/suggestions/submit-suggestion.ts';
import { listedDeputies, listedUnits } from '../../shared/domain/suggestions/suggestion-listing.ts';
import { applySuggestionTransition } from '../../shared/domain/suggestions/suggestion-machine.ts';
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../shared/domain/suggestions/suggestion-record.ts';
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
  const client = getDocumentClient();
  const store = new DynamoWorkflowStore<SuggestionRecord, SuggestionTimelineEntry>(
    client,
    table,
    'SUGGESTION',
  );
  const index = new DynamoSuggestionIndex(client, table);
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
  await store.create(first.record, first.entry, {
    index: index.recordKeys(first.record),
    side: index.deputyPointers(first.record, listedDeputies(first.record)),
  });
  let record = first.record;
  for (const [action, who, at, payload] of plan.steps) {
    const principal = plan.principals[who];
    if (!principal) throw new Error(`no principal ${who} in the plan`);
    const next = applySuggestionTransition(record, { action, principal, payload, at: new Date(at) }, env);
    await store.update(next.record, next.entry, {
      index: index.recordKeys(next.record),
      side: index.unitPointers(next.record, listedUnits(record), listedUnits(next.record)),
    });
    record = next.record;
  }
  return record;
};
